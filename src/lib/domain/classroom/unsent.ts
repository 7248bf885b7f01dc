/**
 * Writing a page could not send, kept for the reader to copy: a reply whose note was deleted or
 * hidden under it, or what was being written when the room closed. A student's paragraph is
 * theirs; the page never drops it without a word.
 */
import { KIND_WORDS, whose, type Named } from './moderation';

/** One piece of kept writing: what it was (a label) and its text. */
export interface Unsent {
	/** stable within the page (the annotation replied to, or the dialog's draft) */
	id: string;
	label: string;
	text: string;
}

/**
 * What a kept reply was: the reply to whose annotation.
 * @example replyLabel({ kind: 'note', authorName: 'Ana' }, false) // 'Your reply to Ana’s note'
 */
export function replyLabel(a: Named, own: boolean): string {
	return `Your reply to ${own ? `your ${KIND_WORDS[a.kind]}` : whose(a)}`;
}

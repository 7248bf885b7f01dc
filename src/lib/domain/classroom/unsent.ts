/**
 * Writing a page could not send, kept for the reader to copy: a reply whose note was deleted or
 * hidden under it, or what was being written when the room closed. A student's paragraph is
 * theirs; the page never drops it without a word.
 */
import { KIND_WORDS, whose, type Kind, type Named } from './moderation';

/** One piece of kept writing: what it was (a label) and its text. */
export interface Unsent {
	/** stable within the page ("reply-" + the annotation replied to, "dialog-" + the draft's id) */
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

/**
 * What a kept dialog draft was: a new annotation, or changes to one's own, and where.
 * @example dialogLabel('note', 'create', 'passage 6 in article B') // 'Your new note on passage 6 in article B'
 */
export function dialogLabel(kind: Kind, mode: 'create' | 'edit', place: string): string {
	return mode === 'create'
		? `Your new ${KIND_WORDS[kind]} on ${place}`
		: `Your changes to your ${KIND_WORDS[kind]} on ${place}`;
}

/**
 * Kept writing as plain-text lines, for the text download of one's work (nothing when none).
 * @example unsentLines([{ id: '1', label: 'Your reply to Ana’s note', text: 'Yes' }]) // ['Not sent (1)', …]
 */
export function unsentLines(unsent: readonly Unsent[]): string[] {
	if (unsent.length === 0) return [];
	const lines = [`Not sent (${unsent.length})`, ''];
	unsent.forEach((u, i) => {
		lines.push(`${i + 1}. ${u.label}`);
		for (const line of u.text.split('\n')) lines.push(`   ${line}`);
		lines.push('');
	});
	return lines;
}

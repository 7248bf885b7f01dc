/**
 * What the teacher's moderation says, to the teacher before it acts and to the students after.
 * Deleting an annotation takes its replies and cannot be undone, so the teacher is asked first
 * and offered Hide, which can. A student whose work or thread goes from under them is told who
 * did it and what became of what they were writing, never left to find it gone.
 */

/** The kinds of annotation, as the model names them. */
export type Kind = 'shared-fact' | 'framing' | 'note';

/** Kinds in running text ("Ana’s shared fact"). */
export const KIND_WORDS: Readonly<Record<Kind, string>> = {
	'shared-fact': 'shared fact',
	framing: 'framing',
	note: 'note'
};

/** An annotation as the wording needs it: its kind and its author's name. */
export interface Named {
	kind: Kind;
	authorName: string;
}

/** "Ana’s note": whose annotation, in running text. */
export function whose(a: Named): string {
	return `${a.authorName}’s ${KIND_WORDS[a.kind]}`;
}

/**
 * The teacher's Yes / No question before deleting a student's annotation: what goes with it,
 * that it is for good, and the way that can be undone.
 * @example deleteQuestion({ kind: 'note', authorName: 'Ana' }, 1) // 'Delete Ana’s note and its reply? …'
 */
export function deleteQuestion(a: Named, replies: number): string {
	const thread =
		replies === 0 ? '' : replies === 1 ? ' and its reply' : ` and its ${replies} replies`;
	return `Delete ${whose(a)}${thread}? This cannot be undone; Hide keeps it from the students and can be reversed.`;
}

/**
 * How an annotation left a student's page: deleted (by the teacher or its author), hidden by the
 * teacher, or no longer listed when the page fetched the class's work again (a phase change).
 */
export type GoneReason = 'deleted-by-teacher' | 'deleted-by-author' | 'hidden' | 'not-shown';

/** What a student is told when an annotation leaves their page, and what it depends on. */
interface Gone extends Named {
	reason: GoneReason;
	/** the student wrote it */
	own: boolean;
	/** where it was, as a screen reader hears it ("passage 3 in article A") */
	place: string;
	/** the student was writing a reply to it, now kept for them to copy */
	keptReply: boolean;
}

/** Where a reply that could not be sent is kept (the Annotations list shows it). */
const KEPT =
	'Your reply was not sent; its text is kept under “Not sent” in the Annotations list, to copy.';

/**
 * The polite message for an annotation that left a student's page, or null when there is
 * nothing to tell (someone else's own delete, with nothing of the student's lost).
 * @example goneNotice({ reason: 'hidden', own: true, kind: 'note', authorName: 'Ana', place: 'passage 3 in article A', keptReply: false })
 */
export function goneNotice(g: Gone): string | null {
	const what = KIND_WORDS[g.kind];
	if (g.own) {
		const told = {
			hidden: `The teacher hid your ${what} on ${g.place}: the class no longer sees it, and neither does this page until the teacher shows it again.`,
			'deleted-by-teacher': `The teacher deleted your ${what} on ${g.place}.`,
			// the student deleted it (in another tab): nothing to tell unless a reply was lost
			'deleted-by-author': g.keptReply ? `Your ${what} on ${g.place} was deleted.` : null,
			'not-shown': g.keptReply ? `Your ${what} on ${g.place} is no longer shown here.` : null
		}[g.reason];
		if (!told || !g.keptReply) return told;
		return `${told} ${KEPT}`;
	}
	if (!g.keptReply) return null;
	const told = {
		hidden: `The teacher hid ${whose(g)} from the class.`,
		'deleted-by-teacher': `The teacher deleted ${whose(g)}.`,
		'deleted-by-author': `${g.authorName} deleted the ${what} you were replying to.`,
		'not-shown': `${whose(g)} is no longer shown on this page.`
	}[g.reason];
	return `${told} ${KEPT}`;
}

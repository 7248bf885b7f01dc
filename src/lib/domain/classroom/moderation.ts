/**
 * What the teacher's moderation says, to the teacher before it acts and to the students after.
 * Deleting an annotation takes its replies and cannot be undone, so the teacher is asked first
 * and offered Hide, which can. A student whose work or thread goes from under them is told who
 * did it and what became of what they were writing, never left to find it gone.
 */

/** The kinds of annotation, as the model names them. */
type Kind = 'shared-fact' | 'framing' | 'note';

/** Kinds in running text ("Ana’s shared fact"). */
const KIND_WORDS: Readonly<Record<Kind, string>> = {
	'shared-fact': 'shared fact',
	framing: 'framing',
	note: 'note'
};

/** An annotation as the wording needs it: its kind and its author's name. */
interface Named {
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

// What one-line labels (titles, names) and route parameters may hold. PostgreSQL cannot store a
// NUL in text, and a lone UTF-16 surrogate has no UTF-8 form (the driver would quietly store
// U+FFFD instead), so both are refused where the text enters, not met as a 500 deep inside.

/** Why a label is refused: a control character (NUL, CR, LF, tab…) or a lone surrogate. */
type LabelProblem = 'control' | 'broken';

// eslint-disable-next-line no-control-regex -- control characters are what is looked for
const CONTROL = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex -- as above; tab, LF and CR are kept in a body text
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * What is wrong with a label, or null: a one-line label (a title, a display name) holds no
 * control character at all; with `lines`, tab, LF and CR are allowed.
 * @example labelProblem('Period 3') // null
 * @example labelProblem('a\r\nb') // 'control'
 * @example labelProblem('a\ud800') // 'broken'
 */
export function labelProblem(text: string, { lines = false } = {}): LabelProblem | null {
	if ((lines ? CONTROL_BUT_LINES : CONTROL).test(text)) return 'control';
	if (!text.isWellFormed()) return 'broken';
	return null;
}

/**
 * A title as one line: runs of whitespace (line breaks and tabs included) become one space,
 * ends trimmed. What is left may still hold other control characters; check it with labelProblem.
 * @example oneLine(' Draft\r\n  and war ') // 'Draft and war'
 */
export function oneLine(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}

/** A sentence for a refused label, naming the field as the person saw it. */
export function labelMessage(label: string, problem: LabelProblem): string {
	return problem === 'control'
		? `${label} contains a line break or another control character.`
		: `${label} contains a broken character (half of an emoji or other two-part character).`;
}

/** A well-known comparison's short name in its address (/compare/seed): lower case, digits, dashes. */
const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

/**
 * True for a slug a comparison may have; anything else names no comparison.
 * @example isSlug('seed') // true
 * @example isSlug('se\u0000ed') // false
 */
export function isSlug(value: string): boolean {
	return SLUG.test(value);
}

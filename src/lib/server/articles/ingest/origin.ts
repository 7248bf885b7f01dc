/**
 * Where a side's text came from, carried through the new-comparison form and kept through edits.
 * "Read files into the form" puts a link's or file's text in the text box and the browser sends
 * it back as plain text on create, so the origin travels beside it in a hidden field as a claim:
 * the origin plus the version of the text as read. A text that comes back changed was edited by
 * hand (still from that link or file, now edited). The claim is the reader's own word, as a
 * comparison file's is: it is checked for shape, never trusted to be more than that.
 */
import { editedOrigin, toOrigin } from '../../../domain/origin';
import type { ArticleOrigin } from '../../../domain/types';
import { versionOf } from '../article-versions';

/** The hidden field's value for a text read from `origin`. */
export function originClaim(origin: ArticleOrigin, text: string): string {
	return JSON.stringify({ origin, version: versionOf(text) });
}

/**
 * The origin of a submitted text: the claim's origin when the text is the one it was read as,
 * that origin marked edited when the text changed since, and pasted when there is no good claim.
 * @example originFromClaim('', 'Typed in.') // { kind: 'pasted' }
 */
export function originFromClaim(claim: string, raw: string): ArticleOrigin {
	if (!claim) return { kind: 'pasted' };
	let parsed: unknown;
	try {
		parsed = JSON.parse(claim);
	} catch {
		return { kind: 'pasted' };
	}
	const { origin, version } = (parsed ?? {}) as { origin?: unknown; version?: unknown };
	const checked = toOrigin(origin);
	if (!checked) return { kind: 'pasted' };
	return version === versionOf(raw) ? checked : (editedOrigin(checked) ?? { kind: 'pasted' });
}

/**
 * The origin of a side after an edit: unchanged when its text is (metadata edits keep it), else
 * the old origin marked edited.
 */
export function revisedOrigin(
	current: { version: string; origin: ArticleOrigin | null },
	raw: string
): ArticleOrigin | null {
	return versionOf(raw) === current.version ? current.origin : editedOrigin(current.origin);
}

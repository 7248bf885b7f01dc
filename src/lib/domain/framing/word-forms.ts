/**
 * When two words are one word in other forms (inflections, derivations, abbreviations, spelling
 * variants, acronyms): such a pair is never a choice of words.
 */
import type { TaggedToken } from './pos';

/** Edit distance of two short words, stopping early past `limit`. */
function editDistance(x: string, y: string, limit: number): number {
	if (Math.abs(x.length - y.length) > limit) return limit + 1;
	let prev = Array.from({ length: y.length + 1 }, (_, k) => k);
	for (let i = 1; i <= x.length; i++) {
		const row = [i];
		for (let j = 1; j <= y.length; j++) {
			row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
		}
		prev = row;
	}
	return prev[y.length];
}

/**
 * Same word, other form: one lemma extends the other by a suffix ("discuss" / "discussion",
 * "lead" / "leader"), abbreviates it ("rep" / "representative", "Gov." / "governor") or spells it
 * another way ("protestors" / "protesters"). Not a choice of words.
 */
export function sameFamily(x: string, y: string): boolean {
	x = x.replace(/\.$/u, '');
	y = y.replace(/\.$/u, '');
	if (x === y) return true;
	const n = Math.min(x.length, y.length);
	if (n < 3) return false;
	let k = 0;
	while (k < n && x[k] === y[k]) k++;
	if (k === n) return true; // a prefix: an abbreviation or a suffixed form
	if (n >= 4 && k >= 4 && k >= n - 1) return true;
	return n >= 6 && editDistance(x, y, 1) <= 1;
}

/** "GM" / "general manager": an acronym of the other side's words. */
export function acronymOf(short: readonly TaggedToken[], long: readonly TaggedToken[]): boolean {
	if (short.length !== 1 || long.length < 2) return false;
	const letters = short[0].text.replace(/\./gu, '').toLowerCase();
	return letters === long.map((t) => t.text[0].toLowerCase()).join('');
}

/** Lemmas and written forms of some tokens: the lite model leaves a few plurals unlemmatised. */
export function forms(tokens: readonly TaggedToken[]): string[] {
	return tokens.flatMap((t) => [t.lemma, t.text.toLowerCase()]);
}

/** True when a token is a form of one of `others` (see {@link sameFamily}). */
export function among(t: TaggedToken, others: readonly string[]): boolean {
	const own = [t.lemma, t.text.toLowerCase()];
	return others.some((o) => own.some((f) => sameFamily(o, f)));
}

/**
 * The numbers and names of a quoted passage, and whether a candidate place still has them. A
 * look-alike sentence ("300 homes in Hillcrest" for "450 homes in Riverside") differs from the
 * annotated one in a few characters only, but in exactly the words that make it a fact.
 */
import type { Span } from '../types';

// numbers ("1,200", "3.5") and words starting with a capital letter (names, acronyms)
const SALIENT_RE = /\p{N}+(?:[.,:]\p{N}+)*|\p{Lu}[\p{L}\p{M}\p{N}'’-]*/gu;
// skipped when looking back from a capital for the end of the previous sentence
const OPENERS_AND_CLOSERS = /[\s"'“”‘’()[\]]/u;
const SENTENCE_END = /[.!?:;…]/u;

/*
 * A name still counts as kept with one edit per five letters ("Zelenskiy" → "Zelensky", a
 * spelling fixed): different names differ in far more ("Riverside"/"Hillcrest"), and names under
 * five letters must match exactly. Numbers always must match exactly: they are the facts.
 */
const NAME_LETTERS_PER_EDIT = 5;

/** True when the word at `index` is the first of a sentence (or of the text). */
function startsSentence(text: string, index: number): boolean {
	let i = index - 1;
	while (i >= 0 && OPENERS_AND_CLOSERS.test(text[i])) i--;
	return i < 0 || SENTENCE_END.test(text[i]);
}

function isNumber(token: string): boolean {
	return /^\p{N}/u.test(token);
}

/** "1,200" and "1200" are the same number. */
function normalise(token: string): string {
	return isNumber(token) ? token.replace(/,(?=\p{N})/gu, '') : token;
}

/**
 * Numbers and names of `quote`, leaving out capitalised words that only start a sentence;
 * `before` (the recorded prefix) tells whether the quote itself starts one.
 * @example salientTokens('In 2019 Ms Ode won.', '') // ['2019', 'Ms', 'Ode']
 */
export function salientTokens(quote: string, before = ''): string[] {
	const tokens: string[] = [];
	const whole = before + quote;
	for (const m of quote.matchAll(SALIENT_RE)) {
		const word = m[0];
		if (!isNumber(word) && startsSentence(whole, before.length + m.index)) continue;
		tokens.push(word);
	}
	return tokens;
}

/** Whether two short words are at most `max` edits apart. */
function withinEdits(a: string, b: string, max: number): boolean {
	if (Math.abs(a.length - b.length) > max) return false;
	let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const cur = [i];
		for (let j = 1; j <= b.length; j++) {
			cur[j] = Math.min(prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1), prev[j] + 1, cur[j - 1] + 1);
		}
		prev = cur;
	}
	return prev[b.length] <= max;
}

function isWordChar(text: string, i: number): boolean {
	return i >= 0 && i < text.length && /[\p{L}\p{N}]/u.test(text[i]);
}

/**
 * Share (0..1) of the quote's numbers and names that the candidate still contains, each used
 * once. The candidate is widened to whole words first, as approximate spans may cut a word.
 * @example factAgreement('approved 470 homes in Riverside', { start: 0, end: 31 }, 'approved 450 homes in Riverside') // 0.5
 */
export function factAgreement(text: string, span: Span, quote: string, prefix = ''): number {
	const wanted = salientTokens(quote, prefix).map(normalise);
	if (wanted.length === 0) return 1;
	let { start, end } = span;
	while (isWordChar(text, start - 1)) start--;
	while (isWordChar(text, end)) end++;
	const have = Array.from(text.slice(start, end).matchAll(SALIENT_RE), (m) => normalise(m[0]));
	const used = new Array<boolean>(have.length).fill(false);
	const take = (ok: (candidate: string) => boolean) => {
		const i = have.findIndex((candidate, k) => !used[k] && ok(candidate));
		if (i >= 0) used[i] = true;
		return i >= 0;
	};
	let found = 0;
	// exact matches first, so a misspelt name does not take another name's place
	const missing = wanted.filter((token) => !take((c) => c === token));
	found += wanted.length - missing.length;
	for (const token of missing) {
		const max = Math.floor(token.length / NAME_LETTERS_PER_EDIT);
		if (!isNumber(token) && max > 0 && take((c) => !isNumber(c) && withinEdits(token, c, max))) {
			found++;
		}
	}
	return found / wanted.length;
}

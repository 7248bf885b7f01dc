/**
 * Scoring of a candidate place for a quote: how alike its words, its neighbouring text, its
 * position and its numbers and names are to what the annotation recorded. One confidence in
 * 0..1 comes out; anchoring accepts a candidate only at or above ANCHOR_THRESHOLD.
 */
import type { Span } from '../types';
import { factAgreement } from './facts';

/*
 * Weights of the four similarities (they are normalised by the weights of the signals present).
 * - quote 50: the passage's own words are the main evidence.
 * - prefix 20 + suffix 20: the neighbouring text is what tells a passage from a repeated or
 *   look-alike one elsewhere; together nearly as strong as the quote, so a quote-alike with
 *   foreign text on both sides cannot reach the threshold on its own words (see below).
 * - hint 10: the stored position shifts whenever text is inserted or deleted before it, so it
 *   only nudges (and breaks ties between identical passages); it is not identity evidence.
 */
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const HINT_WEIGHT = 10;

/**
 * Recorded context aligned, at most, on each side: the part touching the passage tells the
 * most, and the alignment cost grows with the square of the length (imported selectors may
 * carry long context; ours record 32 units unless more is needed to tell repeats apart).
 */
const CONTEXT_CAP = 64;

/**
 * Share of confidence lost when every number and name of the quote is missing from the
 * candidate (half; one of two lost costs a quarter). A changed figure or name changes the claim
 * an annotation is about (a shared fact "same detail" may now be "different detail"), while the
 * characters barely differ, so edit distance alone would let such a look-alike through.
 */
const FACT_PENALTY = 0.5;

/**
 * Minimum confidence to anchor. Unrelated English text scores about 0.25 as context (median;
 * 99th percentile 0.41, measured on 32-unit contexts of the seed articles), so a candidate
 * whose neighbours on both sides are foreign reaches at most (50·1 + 40·0.41 + 10·1) / 100 =
 * 0.76 even with the exact quote at the old position: below 0.8, an orphan. With both
 * neighbours intact a quote anchors down to 60% quote similarity; with one intact and one
 * foreign it needs ~90%, i.e. a light edit. A look-alike passage elsewhere therefore needs an
 * intact neighbour, near-identical words and the same numbers and names to take an annotation.
 */
export const ANCHOR_THRESHOLD = 0.8;

/**
 * Context similarity where a candidate touches the start or end of the text and its recorded
 * context cannot be compared: halfway between agreeing and foreign. A passage whose neighbour
 * was deleted with the rest of the text on that side keeps its annotation (exact quote, other
 * neighbour intact: (50 + 20·0.5 + 20 + hint) / 100 ≥ 0.8), while a look-alike at the text's
 * edge with foreign text on its other side stays below the threshold ((50 + 10 + 20·0.41 + 10)
 * / 100 = 0.78).
 */
const BOUNDARY_SIMILARITY = 0.5;

/** Where a quote was and what surrounded it, as recorded in the annotation's selectors. */
export interface QuoteContext {
	/** text just before the quote (empty or absent: unknown) */
	prefix?: string;
	/** text just after the quote (empty or absent: unknown) */
	suffix?: string;
	/** UTF-16 offset where the quote used to start */
	hint?: number;
}

/** The similarities behind a candidate's score, each in 0..1 (absent: no such evidence). */
interface ScoreParts {
	quote: number;
	prefix?: number;
	suffix?: number;
	hint?: number;
	/** share of the quote's numbers and names found in the candidate */
	facts: number;
}

/** A candidate place for a quote with its confidence in 0..1. */
export interface QuoteMatch extends Span {
	score: number;
	/** edit distance between the candidate's text and the quote */
	errors: number;
	parts: ScoreParts;
}

/**
 * Edit distance of `expected` against the text that ends at `at` (side 'before') or starts at
 * `at` (side 'after'), letting the far end of that text float: context is compared where it
 * touches the candidate, and insertions or deletions near the far end cost only what they are.
 */
function contextDistance(text: string, at: number, expected: string, side: 'before' | 'after') {
	const m = expected.length;
	// room for insertions in the text's context; beyond half the length it is unrelated anyway
	const reach = m + Math.ceil(m / 2);
	const window =
		side === 'before' ? text.slice(Math.max(0, at - reach), at) : text.slice(at, at + reach);
	const w = window.length;
	// before: expected must end where the window ends (the candidate), its start floats
	// after: expected must start where the window starts, its end floats
	let prev = new Uint32Array(w + 1);
	let cur = new Uint32Array(w + 1);
	for (let j = 0; j <= w; j++) prev[j] = side === 'before' ? 0 : j;
	for (let i = 1; i <= m; i++) {
		cur[0] = i;
		const e = expected.charCodeAt(i - 1);
		for (let j = 1; j <= w; j++) {
			const sub = prev[j - 1] + (window.charCodeAt(j - 1) === e ? 0 : 1);
			cur[j] = Math.min(sub, prev[j] + 1, cur[j - 1] + 1);
		}
		[prev, cur] = [cur, prev];
	}
	if (side === 'before') return prev[w];
	let best = m;
	for (let j = 0; j <= w; j++) best = Math.min(best, prev[j]);
	return best;
}

/**
 * Edits between recorded context and the text touching a candidate: 0 only when the whole
 * context is identical; otherwise the part nearest the candidate (CONTEXT_CAP units) is aligned
 * and at least one error is counted, so a rival that agrees only near the passage never ties
 * with the place whose whole recorded context agrees.
 * @example contextErrors('one two three', 4, 'on ', 'before') // 1
 */
export function contextErrors(
	text: string,
	at: number,
	expected: string,
	side: 'before' | 'after'
): number {
	const m = expected.length;
	const actual = side === 'before' ? text.slice(Math.max(0, at - m), at) : text.slice(at, at + m);
	if (actual === expected) return 0;
	const compared =
		side === 'before' ? expected.slice(-CONTEXT_CAP) : expected.slice(0, CONTEXT_CAP);
	return Math.max(1, contextDistance(text, at, compared, side));
}

/**
 * Similarity in 0..1 of recorded context to the text touching a candidate (see contextErrors).
 * @example contextSimilarity('one two three', 4, 'one ', 'before') // 1
 */
export function contextSimilarity(
	text: string,
	at: number,
	expected: string,
	side: 'before' | 'after'
): number {
	if (expected.length === 0) return 1;
	const errors = contextErrors(text, at, expected, side);
	if (errors === 0) return 1;
	// nothing but white space on that side: the text the context recorded was cut away there
	// (an edit deleted the first or last sentence), which is no foreign neighbour either
	if (!(side === 'before' ? /\S/.test(text.slice(0, at)) : /\S/.test(text.slice(at))))
		return BOUNDARY_SIMILARITY;
	const compared = Math.min(expected.length, CONTEXT_CAP);
	return 1 - Math.min(1, errors / compared);
}

/**
 * Confidence in 0..1 that `span` (whose text is `errors` edits from `quote`) is the passage
 * the annotation was made on.
 * @example scoreCandidate('a b c', { start: 2, end: 3 }, 0, 'b', { prefix: 'a ', suffix: ' c' }).score // 1
 */
export function scoreCandidate(
	text: string,
	span: Span,
	errors: number,
	quote: string,
	context: QuoteContext = {}
): QuoteMatch {
	const { prefix, suffix, hint } = context;
	const parts: ScoreParts = {
		quote: quote.length === 0 ? 1 : Math.max(0, 1 - errors / quote.length),
		facts: errors === 0 ? 1 : factAgreement(text, span, quote, prefix)
	};
	let sum = QUOTE_WEIGHT * parts.quote;
	let weights = QUOTE_WEIGHT;
	if (prefix) {
		parts.prefix = contextSimilarity(text, span.start, prefix, 'before');
		sum += PREFIX_WEIGHT * parts.prefix;
		weights += PREFIX_WEIGHT;
	}
	if (suffix) {
		parts.suffix = contextSimilarity(text, span.end, suffix, 'after');
		sum += SUFFIX_WEIGHT * parts.suffix;
		weights += SUFFIX_WEIGHT;
	}
	if (hint !== undefined) {
		// linear in the share of the article between here and the old place
		parts.hint = 1 - Math.min(1, Math.abs(span.start - hint) / Math.max(1, text.length));
		sum += HINT_WEIGHT * parts.hint;
		weights += HINT_WEIGHT;
	}
	const score = (sum / weights) * (1 - FACT_PENALTY * (1 - parts.facts));
	return { start: span.start, end: span.end, score, errors, parts };
}

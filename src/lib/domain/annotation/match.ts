/**
 * Finding the places in an article's text that a selector describes: the exact W3C semantics
 * (position; quote with prefix and suffix right beside it) and a fuzzy quote search that still
 * finds a passage after its words or surroundings were edited.
 */
import search from 'approx-string-match';
import type { Span } from '../types';
import { refineSpan } from './refine';
import { scoreCandidate, type QuoteContext, type QuoteMatch } from './score';
import {
	createCodePointIndex,
	nextOccurrence,
	type CodePointIndex,
	type TextPositionSelector,
	type TextQuoteSelector
} from './selectors';

/*
 * Approximate search allows edits up to half the quote's length: candidates that far off never
 * anchor (quote similarity 0.5 cannot reach the threshold) but still show a person where the
 * passage probably went. The cap bounds the cost of the bit-parallel search, which grows with
 * maxErrors / 32 per character of text, for whole-paragraph quotes.
 */
const MAX_ERROR_RATE = 0.5;
const MAX_ERRORS_CAP = 256;

/*
 * The approximate matcher reports only the matches with the fewest errors in the text it is
 * given, so one closer look-alike would hide the edited original. Searching regions of the text
 * separately (and the region around the old position on its own) keeps each region's best.
 * A region spans at least a few paragraphs and four quote lengths, so the overlap between
 * regions costs at most ~40% extra.
 */
const MIN_REGION = 2048;
const REGION_QUOTES = 4;
/** Extra text searched on each side of the old position beyond twice the quote's length. */
const HINT_MARGIN = 256;

/** Candidates returned by matchQuote, at most: enough to show a person the likely places. */
const MAX_CANDIDATES = 20;

/**
 * Approximate candidates whose edges are refined against the context (the best by first score):
 * refining costs a quote-length squared each, and candidates further down never anchor.
 */
const MAX_REFINED = 5;

/**
 * The span a TextPositionSelector (code points) points at in `text`, or null when it does not
 * fit in the text.
 * @example matchTextPosition('l😃rem ipsum', { type: 'TextPositionSelector', start: 6, end: 11 }) // { start: 7, end: 12 }
 */
export function matchTextPosition(
	text: string,
	selector: TextPositionSelector,
	index: CodePointIndex = createCodePointIndex(text)
): Span | null {
	const { start, end } = selector;
	if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) return null;
	if (end > index.length) return null;
	return { start: index.fromCodePoint(start), end: index.fromCodePoint(end) };
}

/**
 * Every place where the selector's exact text occurs with its prefix right before and its
 * suffix right after (the W3C meaning), in document order, scored by closeness to `hint`.
 * @example matchTextQuote('yada yada', { type: 'TextQuoteSelector', exact: 'yada', prefix: 'yada ' }) // [{ start: 5, end: 9, score: 1, … }]
 */
export function matchTextQuote(
	text: string,
	selector: TextQuoteSelector,
	options: { hint?: number } = {}
): QuoteMatch[] {
	const { exact, prefix = '', suffix = '' } = selector;
	const needle = prefix + exact + suffix;
	const matches: QuoteMatch[] = [];
	for (let i = text.indexOf(needle); i !== -1; i = nextOccurrence(text, needle, i)) {
		const span = { start: i + prefix.length, end: i + prefix.length + exact.length };
		matches.push(scoreCandidate(text, span, 0, exact, { prefix, suffix, hint: options.hint }));
	}
	return matches;
}

/** Best first: higher score, then nearer the old position, then earlier. */
function compareMatches(hint: number | undefined) {
	const distance = (m: QuoteMatch) => (hint === undefined ? 0 : Math.abs(m.start - hint));
	return (a: QuoteMatch, b: QuoteMatch) =>
		b.score - a.score || distance(a) - distance(b) || a.start - b.start;
}

/** Text regions searched separately, as [start, end) pairs, overlapping by `overlap`. */
function searchRegions(length: number, quoteLength: number, overlap: number, hint?: number) {
	const regions: [number, number][] = [];
	const size = Math.max(MIN_REGION, REGION_QUOTES * quoteLength, 2 * overlap);
	for (let start = 0; ; start += size - overlap) {
		regions.push([start, Math.min(length, start + size)]);
		if (start + size >= length) break;
	}
	if (hint !== undefined) {
		const reach = 2 * quoteLength + HINT_MARGIN;
		regions.push([Math.max(0, hint - reach), Math.min(length, hint + quoteLength + reach)]);
	}
	return regions;
}

function maxErrorsFor(quote: string): number {
	return Math.min(MAX_ERRORS_CAP, Math.floor(quote.length * MAX_ERROR_RATE));
}

/** Each region's closest approximate matches of the quote, as spans of the whole text. */
function approximateMatches(text: string, quote: string, hint?: number) {
	const maxErrors = maxErrorsFor(quote);
	// a match is at most quote.length + maxErrors long: regions overlap by that much
	const overlap = quote.length + maxErrors;
	const found = new Map<string, { start: number; end: number; errors: number }>();
	for (const [from, to] of searchRegions(text.length, quote.length, overlap, hint)) {
		for (const m of search(text.slice(from, to), quote, maxErrors)) {
			const start = from + m.start;
			const end = from + m.end;
			found.set(`${start}:${end}`, { start, end, errors: m.errors });
		}
	}
	return [...found.values()];
}

/** Scored approximate candidates, the most promising with edges refined against the context. */
function scoreApproximate(text: string, quote: string, context: QuoteContext): QuoteMatch[] {
	const order = compareMatches(context.hint);
	const scored = approximateMatches(text, quote, context.hint)
		.filter((m) => m.errors > 0)
		.map((m) => scoreCandidate(text, m, m.errors, quote, context))
		.sort(order);
	const maxErrors = maxErrorsFor(quote);
	return scored.map((m, i) => {
		if (i >= MAX_REFINED) return m;
		const refined = refineSpan(text, m, quote, maxErrors, context);
		return scoreCandidate(text, refined, refined.errors, quote, context);
	});
}

/** Keeps the best of overlapping candidates (the list is best first). */
function dropOverlapping(sorted: QuoteMatch[]): QuoteMatch[] {
	const kept: QuoteMatch[] = [];
	for (const m of sorted) {
		if (kept.length >= MAX_CANDIDATES) break;
		const overlaps = kept.some((k) => m.start < k.end && k.start < m.end);
		if (!overlaps) kept.push(m);
	}
	return kept;
}

/**
 * Candidate places for a quote whose text may have changed, best first, each scored by the
 * similarity of its words, its neighbouring text, its position and its numbers and names (see
 * score.ts). Exact occurrences come first; the approximate search runs unless one of them has
 * its whole recorded prefix and suffix around it. Non-overlapping, at most 20; empty for an empty quote.
 * @example matchQuote('The cat sat on a mat.', 'the cat sat', { suffix: ' on a mat' })[0] // { start: 0, end: 11, errors: 1, … }
 */
export function matchQuote(text: string, quote: string, context: QuoteContext = {}): QuoteMatch[] {
	if (quote.length === 0) return [];
	const order = compareMatches(context.hint);
	const candidates: QuoteMatch[] = [];
	for (let i = text.indexOf(quote); i !== -1; i = nextOccurrence(text, quote, i)) {
		candidates.push(scoreCandidate(text, { start: i, end: i + quote.length }, 0, quote, context));
	}
	// an occurrence with its whole recorded context is what the selector means (W3C): decisive;
	// otherwise an edited original may fit better than an exact repeat, so search on
	const strict = candidates.some((m) => (m.parts.prefix ?? 1) === 1 && (m.parts.suffix ?? 1) === 1);
	if (!strict) candidates.push(...scoreApproximate(text, quote, context));
	return dropOverlapping(candidates.sort(order));
}

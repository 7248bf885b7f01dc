/**
 * Describing a passage of an article as W3C selectors, so that it can be found again after the
 * article's text changes: its position (in code points) and its quote with context.
 */
import type { Span } from '../types';
import {
	createCodePointIndex,
	isInsideSurrogatePair,
	nextOccurrence,
	type CodePointIndex,
	type TextPositionSelector,
	type TextQuoteSelector
} from './selectors';

/** Options of describeTextQuote. */
interface DescribeTextQuoteOptions {
	/**
	 * Context recorded before the quote (UTF-16 units) even when the quote is unique: re-anchoring
	 * after an edit compares it. More is added when needed to tell repeated quotes apart.
	 */
	prefixLength?: number;
	/** The same after the quote. */
	suffixLength?: number;
}

/*
 * 32 units of context on each side: about five words, enough for the re-anchoring scorer to
 * tell the passage's neighbourhood from unrelated text, short enough to survive edits nearby
 * (the same length Hypothesis records).
 */
const DEFAULT_CONTEXT = 32;

function checkSpan(text: string, span: Span): void {
	const { start, end } = span;
	if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) {
		throw new RangeError(`invalid span ${start}..${end}`);
	}
	if (end > text.length) throw new RangeError(`span ${start}..${end} is past the text's end`);
}

/**
 * The TextPositionSelector of a span (UTF-16 offsets in, code points out). Pass a prebuilt
 * index when describing many spans of one text.
 * @example describeTextPosition('😃 ok', { start: 3, end: 5 }) // { type: 'TextPositionSelector', start: 2, end: 4 }
 */
export function describeTextPosition(
	text: string,
	span: Span,
	index: CodePointIndex = createCodePointIndex(text)
): TextPositionSelector {
	checkSpan(text, span);
	return {
		type: 'TextPositionSelector',
		start: index.toCodePoint(span.start),
		end: index.toCodePoint(span.end)
	};
}

/** How far the text before and after an occurrence agrees with the text around the target. */
interface Rival {
	/** shortest prefix length that excludes this rival (Infinity: a prefix cannot) */
	byPrefix: number;
	/** shortest suffix length that excludes this rival (Infinity: a suffix cannot) */
	bySuffix: number;
}

/** Length of agreement between text read backwards (step -1) or forwards (step 1) from a and b. */
function agreement(text: string, a: number, b: number, step: 1 | -1): number {
	let k = 0;
	if (step === -1) {
		while (a - k - 1 >= 0 && b - k - 1 >= 0 && text[a - k - 1] === text[b - k - 1]) k++;
	} else {
		while (a + k < text.length && b + k < text.length && text[a + k] === text[b + k]) k++;
	}
	return k;
}

/** Every other occurrence of the target's text, with the context each needs to be excluded. */
function findRivals(text: string, span: Span): Rival[] {
	const exact = text.slice(span.start, span.end);
	const rivals: Rival[] = [];
	const roomBefore = span.start;
	const roomAfter = text.length - span.end;
	for (let j = text.indexOf(exact); j !== -1; j = nextOccurrence(text, exact, j)) {
		if (j === span.start) continue;
		// a prefix one longer than the agreement differs from the rival (or outruns its text),
		// unless the agreement already used all of the target's own text before it
		const before = agreement(text, span.start, j, -1);
		const after = agreement(text, span.end, j + exact.length, 1);
		rivals.push({
			byPrefix: before < roomBefore ? before + 1 : Infinity,
			bySuffix: after < roomAfter ? after + 1 : Infinity
		});
	}
	return rivals;
}

/**
 * The shortest prefix and suffix lengths (by total, then the more balanced, then the longer
 * prefix) under which no rival occurrence still matches. A prefix of length L excludes every
 * rival with byPrefix ≤ L; the suffix must exclude all the others.
 */
function minimalContext(rivals: Rival[]): { before: number; after: number } {
	if (rivals.length === 0) return { before: 0, after: 0 };
	const sorted = [...rivals].sort((x, y) => x.byPrefix - y.byPrefix);
	// suffixNeed[i]: suffix needed to exclude rivals i.. (those a prefix shorter than theirs misses)
	const suffixNeed = new Array<number>(sorted.length + 1).fill(0);
	for (let i = sorted.length - 1; i >= 0; i--) {
		suffixNeed[i] = Math.max(suffixNeed[i + 1], sorted[i].bySuffix);
	}
	let best = { before: 0, after: suffixNeed[0] };
	for (let i = 0; i < sorted.length; i++) {
		const before = sorted[i].byPrefix;
		if (before === Infinity) break;
		if (i + 1 < sorted.length && sorted[i + 1].byPrefix === before) continue;
		const after = suffixNeed[i + 1];
		const total = before + after;
		const bestTotal = best.before + best.after;
		const balance = Math.max(before, after);
		const bestBalance = Math.max(best.before, best.after);
		if (
			total < bestTotal ||
			(total === bestTotal &&
				(balance < bestBalance || (balance === bestBalance && before > best.before)))
		) {
			best = { before, after };
		}
	}
	return best;
}

/**
 * The TextQuoteSelector of a span: its exact text, with `prefixLength`/`suffixLength` units of
 * context (fewer at the text's edges), extended as far as needed that no other occurrence of
 * the quote has the same context. Context never splits a surrogate pair.
 * @example describeTextQuote('to be or not to be', { start: 13, end: 15 }, { prefixLength: 0, suffixLength: 0 })
 * // { type: 'TextQuoteSelector', exact: 'to', prefix: ' ', suffix: '' }
 */
export function describeTextQuote(
	text: string,
	span: Span,
	options: DescribeTextQuoteOptions = {}
): TextQuoteSelector {
	checkSpan(text, span);
	const { prefixLength = DEFAULT_CONTEXT, suffixLength = DEFAULT_CONTEXT } = options;
	const needed = minimalContext(findRivals(text, span));
	let prefixStart = Math.max(0, span.start - Math.max(prefixLength, needed.before));
	let suffixEnd = Math.min(text.length, span.end + Math.max(suffixLength, needed.after));
	if (isInsideSurrogatePair(text, prefixStart)) prefixStart--;
	if (isInsideSurrogatePair(text, suffixEnd)) suffixEnd++;
	return {
		type: 'TextQuoteSelector',
		exact: text.slice(span.start, span.end),
		prefix: text.slice(prefixStart, span.start),
		suffix: text.slice(span.end, suffixEnd)
	};
}

/**
 * Refining the edges of an approximate match. Edit distance alone prefers to cut an edited
 * passage short ("city council approved…" costs fewer edits than "the city council approved…"
 * for the quote "the council approved…"), so each edge is moved to where the quote's edits plus
 * the recorded context's edits are fewest: the context says where the passage begins and ends.
 */
import type { Span } from '../types';
import { contextErrors } from './score';

/*
 * How far (UTF-16 units) an edge may move: about three words, the size of the edits at a
 * passage's edge that make a shorter cut cheaper; never more than the errors allowed.
 */
const REFINE_REACH = 16;

/**
 * dist[k] = edit distance between `quote` and the k units of text ending at `from` (side 'left')
 * or starting at `from` (side 'right'), for k = 0..maxLength: one dynamic-programming pass.
 */
function distancesByLength(
	text: string,
	quote: string,
	from: number,
	maxLength: number,
	side: 'left' | 'right'
): Uint32Array {
	const q = quote.length;
	let prev = new Uint32Array(maxLength + 1);
	let cur = new Uint32Array(maxLength + 1);
	for (let j = 0; j <= maxLength; j++) prev[j] = j;
	for (let i = 1; i <= q; i++) {
		// walk the quote from the fixed edge outwards, like the text
		const a = side === 'left' ? quote.charCodeAt(q - i) : quote.charCodeAt(i - 1);
		cur[0] = i;
		for (let j = 1; j <= maxLength; j++) {
			const b = side === 'left' ? text.charCodeAt(from - j) : text.charCodeAt(from + j - 1);
			cur[j] = Math.min(prev[j - 1] + (a === b ? 0 : 1), prev[j] + 1, cur[j - 1] + 1);
		}
		[prev, cur] = [cur, prev];
	}
	return prev;
}

/** The edge in [lo, hi] with the fewest quote + context errors; ties stay nearest `was`. */
function bestEdge(lo: number, hi: number, was: number, cost: (edge: number) => number): number {
	let best = was;
	let bestCost = cost(was);
	for (let edge = lo; edge <= hi; edge++) {
		const c = cost(edge);
		if (c < bestCost || (c === bestCost && Math.abs(edge - was) < Math.abs(best - was))) {
			best = edge;
			bestCost = c;
		}
	}
	return best;
}

/**
 * Moves the start (against the prefix) and then the end (against the suffix) of an approximate
 * match by up to REFINE_REACH units (at most `maxErrors`), and returns the new span with the
 * quote's edit distance to it.
 * @example refineSpan('After it, the city council voted.', { start: 15, end: 32 }, 'the council voted', 8, { prefix: 'After it, ' })
 * // { start: 10, end: 32, errors: 5 }
 */
export function refineSpan(
	text: string,
	span: Span,
	quote: string,
	maxErrors: number,
	context: { prefix?: string; suffix?: string }
): Span & { errors: number } {
	const reach = Math.min(REFINE_REACH, maxErrors);
	const { prefix, suffix } = context;

	// start: lengths of text ending at span.end
	let { start } = span;
	const longest = Math.min(span.end, span.end - start + reach);
	const byStart = distancesByLength(text, quote, span.end, longest, 'left');
	const startCost = (s: number) =>
		byStart[span.end - s] + (prefix ? contextErrors(text, s, prefix, 'before') : 0);
	start = bestEdge(
		Math.max(0, span.start - reach),
		Math.min(span.end, span.start + reach),
		start,
		startCost
	);

	// end: lengths of text starting at the refined start
	const longestEnd = Math.min(text.length - start, span.end - start + reach);
	const byEnd = distancesByLength(text, quote, start, longestEnd, 'right');
	const endCost = (e: number) =>
		byEnd[e - start] + (suffix ? contextErrors(text, e, suffix, 'after') : 0);
	const end = bestEdge(
		Math.max(start, span.end - reach),
		Math.min(text.length, start + longestEnd),
		span.end,
		endCost
	);
	return { start, end, errors: byEnd[end - start] };
}

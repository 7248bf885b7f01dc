/**
 * Run-on lines: text pasted without sentence punctuation (a transcript, a caption dump, notes)
 * gives one "sentence" per line, and a line can run for hundreds of words — too long to read as
 * one passage, link as a shared fact or compare. Such a run-on is cut at its clause boundaries
 * (semicolons, colons, dashes, commas before a conjunction, lower-case full stops, conjunctions),
 * into passages of readable length. Ordinary long sentences that end with a stop are left whole.
 */
import type { Span } from '../types';
import { letteredWordCount } from './word-count';

/** A line without a closing stop longer than this is a run-on (headlines and captions are far shorter). */
export const RUN_ON_WORDS = 40;
/** Longer than this, even a line ending with a stop is a run-on: no written sentence runs so long. */
export const RUN_ON_WORDS_PUNCTUATED = 120;
/** A passage cut from a run-on aims at this many words … */
const TARGET_WORDS = 22;
/** … never has fewer (a clause shorter is a fragment) … */
const MIN_WORDS = 6;
/** … and never more: past it the cut falls at a word boundary, boundary or not. */
const MAX_WORDS = 40;

/** Where a sentence may be cut, strongest first: the rank chosen in a window is the lowest. */
const BOUNDARIES: [RegExp, number][] = [
	[/[.?!\u2026]["'\u201D\u2019)]*$/, 0], // a stop the splitter kept (a lower-case word followed it)
	[/[;]$/, 1],
	[/[:]$/, 2],
	[/^[-\u2013\u2014]+$/, 3], // a dash standing as a word: cut after it
	[/[,]$/, 4]
];
/** Words that open a clause: a cut before them when no punctuation offers one. */
const CLAUSE_OPENERS = new Set(
	'and but so because then while whereas although though however which who when where after before since until unless if or'.split(
		' '
	)
);

/** Whether a sentence ends with a stop (possibly inside closing quotes or brackets). */
function endsWithStop(text: string): boolean {
	return /[.?!\u2026]["'\u201D\u2019)\]]*$/.test(text);
}

/** The words of a span as [start, end) offsets into `text`. */
function wordsIn(text: string, span: Span): Span[] {
	const out: Span[] = [];
	for (const m of text.slice(span.start, span.end).matchAll(/\S+/g))
		out.push({ start: span.start + m.index, end: span.start + m.index + m[0].length });
	return out;
}

/** How good a cut after word i is (lower is better; Infinity: not a boundary). */
function rankAfter(text: string, words: Span[], i: number): number {
	const word = text.slice(words[i].start, words[i].end);
	for (const [pattern, rank] of BOUNDARIES) if (pattern.test(word)) return rank;
	const next = words[i + 1] && text.slice(words[i + 1].start, words[i + 1].end).toLowerCase();
	if (next && CLAUSE_OPENERS.has(next.replace(/[^\p{L}]/gu, ''))) return 5;
	return Infinity;
}

/**
 * Whether a sentence is a run-on to cut: long with no closing stop, or longer than any
 * written sentence.
 * @example isRunOn('word '.repeat(50)) // true
 */
export function isRunOn(sentence: string): boolean {
	// words only: punctuation standing alone (tokenised text, " , ") is no word
	const n = letteredWordCount(sentence, RUN_ON_WORDS_PUNCTUATED);
	return n > RUN_ON_WORDS_PUNCTUATED || (n > RUN_ON_WORDS && !endsWithStop(sentence));
}

/**
 * Cuts a run-on span of `text` into clause-sized spans (trimmed, in order, covering its words);
 * any other span comes back whole.
 * @example splitRunOn(text, { start: 0, end: text.length }).length // 3 for a 60-word line with two semicolons
 */
export function splitRunOn(text: string, span: Span): Span[] {
	if (!isRunOn(text.slice(span.start, span.end))) return [span];
	const words = wordsIn(text, span);
	const pieces: Span[] = [];
	let first = 0;
	while (words.length - first > MAX_WORDS) {
		// the best boundary in the window [first + MIN, first + MAX), nearest the target on ties
		let best = -1;
		let bestRank = Infinity;
		const last = Math.min(first + MAX_WORDS, words.length - MIN_WORDS) - 1;
		for (let i = first + MIN_WORDS - 1; i <= last; i++) {
			const rank = rankAfter(text, words, i);
			if (rank === Infinity) continue;
			const nearer =
				rank === bestRank &&
				Math.abs(i + 1 - first - TARGET_WORDS) < Math.abs(best + 1 - first - TARGET_WORDS);
			if (rank < bestRank || nearer) {
				best = i;
				bestRank = rank;
			}
		}
		// no boundary at all: a hard cut at a word, leaving the rest at least a fragment's length
		if (best < 0) best = last;
		pieces.push({ start: words[first].start, end: words[best].end });
		first = best + 1;
	}
	pieces.push({ start: words[first].start, end: words[words.length - 1].end });
	return pieces;
}

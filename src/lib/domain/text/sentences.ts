/**
 * Rule-based English sentence splitter. A line break always ends a sentence (each line of an
 * article is its own paragraph); inside a line, terminal punctuation ends one unless the rules
 * below say it belongs to an abbreviation, an initial, a number, a list marker or an ellipsis.
 * Written by hand rather than on Intl.Segmenter because the latter splits after "Mr." and
 * "U.S." and its behaviour differs between ICU versions. Not wink-nlp's splitter either (the
 * app loads wink for part-of-speech tags): on the Pragmatic Segmenter English cases (evaldata
 * sbd-golden-rules-en) this one passes 50 of the 52 Golden Rules and 95 of 129 further cases,
 * wink 32 and 60 (it fails 59 cases this one passes, this one fails 6 it passes); on the seeds it
 * took 23 ms where wink's readDoc took 116 ms (2026-12-06, a loaded 2-core machine).
 */
import type { Span } from '../types';
import {
	AMBIGUOUS,
	BEFORE_NUMBER,
	CLOCK,
	PREPOSITIVE,
	SENTENCE_STARTERS,
	TIME_FOLLOWERS
} from './abbreviations';
import { BULLETS, listCuts } from './list-markers';
import { splitRunOn } from './run-ons';

const TERMINAL = '.?!\u2026\uFF0E\uFF01\uFF1F\u3002'; // with full-width and ideographic stops
/**
 * The next terminal or bullet character of a line: the scan jumps from one to the next instead
 * of testing every character (global, so lastIndex says where to look; all of them are BMP).
 */
const TERMINAL_SCAN = new RegExp(`[${TERMINAL}]`, 'g');
const BULLET_SCAN = new RegExp(`[${BULLETS}]`, 'g');
/** Closing quotes and brackets that stay with the sentence they end. */
const CLOSERS = '"\'\u201D\u2019\u00BB)]}';
/** Opening quotes and brackets skipped when looking at the next sentence's first word. */
const OPENERS = /^["'\u201C\u2018\u00AB([{]+/;
const NEXT_WORD = /^["'\u201C\u2018\u00AB([{]*([\p{L}\p{N}][\p{L}\p{N}'\u2019]*)/u;
const DOTTED = /^(?:\p{L}\.)+\p{L}$/u;
/** Words a sentence needs before a closing abbreviation ("He left at 6 p.m." has four). */
const MIN_WORDS_BEFORE_ABBREVIATION = 3;
/** Reference marks glued to a sentence end: "martyr.[1] The", "(1987).1 According". */
const FOOTNOTE = /^(?:\[\d{1,3}\])+|^\d{1,3}(?: \d{1,3})*(?= +["\u201C\p{Lu}])/u;

/** What follows a terminal run: the first word, whether it is lower-case, and its first character. */
interface Next {
	char: string;
	word: string;
	lower: boolean;
}

/** True for whitespace inside a line. */
function isSpace(c: string | undefined): boolean {
	return c === ' ' || c === '\t';
}

/** Reads the next sentence's first word after the whitespace at `k`. */
function readNext(line: string, k: number): Next {
	const m = NEXT_WORD.exec(line.slice(k, k + 60));
	const word = m ? m[1] : '';
	return { char: line[k], word, lower: /^\p{Ll}/u.test(word) };
}

/** Whether a capitalised next word opens a new sentence after an ambiguous abbreviation. */
function isStarter(next: Next): boolean {
	const word = next.word.split(/['\u2019]/)[0].toLowerCase(); // "I'm" -> "i"
	return SENTENCE_STARTERS.has(word) || /^[\d"\u201C]/.test(next.char);
}

/** Decides whether a single "." after `core` (the text since the last space) ends a sentence. */
function periodEnds(core: string, prevWord: string, next: Next, wordsBefore: number): boolean {
	const lower = core.toLowerCase();
	if (/^\d/.test(next.char)) return !BEFORE_NUMBER.has(lower) && !PREPOSITIVE.has(lower);
	if (/^\p{Lu}$/u.test(core)) {
		// "you and I." ends; "Albert I. Jones", "J. R. R. Tolkien" are initials
		if (core === 'I' && /^\p{Ll}/u.test(prevWord)) return true;
		return SENTENCE_STARTERS.has(next.word.toLowerCase());
	}
	if (PREPOSITIVE.has(lower)) return false;
	const abbreviation = /^\p{Ll}$/u.test(core) || DOTTED.test(core) || AMBIGUOUS.has(lower);
	// "At 5 a.m." or "In the U.S." alone has no verb: an abbreviation this early is not an end
	if ((abbreviation || CLOCK.has(lower)) && wordsBefore < MIN_WORDS_BEFORE_ABBREVIATION)
		return false;
	if (CLOCK.has(lower)) return !TIME_FOLLOWERS.has(next.word.toLowerCase()); // "6 p.m. Travelers"
	if (abbreviation) return isStarter(next);
	return true;
}

/**
 * Decides a terminal run followed by whitespace: returns the cut position (where the next
 * sentence starts) or -1. `start`/`end` delimit the run, `after` is past the closers.
 */
function decide(line: string, start: number, end: number, after: number, lastCut: number): number {
	let k = after;
	while (isSpace(line[k])) k++;
	if (k >= line.length) return after;
	const next = readNext(line, k);
	// lower case, a parenthesis or a dash continues: "Yahoo! in", "voila! -- you have cake"
	if (next.lower || next.char === '(') return -1;
	if (/^[-\u2013\u2014]+\s*\p{Ll}/u.test(line.slice(k, k + 8))) return -1;
	const run = line.slice(start, end);
	if (/[?!]/.test(run)) return after;
	const dots = run.replace(/[^.]/g, '').length + 3 * run.replace(/[^\u2026]/g, '').length;
	const prev = line[start - 1];
	if (prev === '[' || prev === '(') return -1; // "[...]" marks an omission inside a sentence
	if (run.includes(' ')) {
		// spaced ellipsis: ". . ." omits words mid-sentence; "word. . . ." is a period then an ellipsis
		if (dots < 4) return -1;
		return prev !== undefined && !isSpace(prev) ? start + 1 : after;
	}
	if (dots >= 2) return after; // "..." / "…" / "...." before a capitalised word
	let chunk = start;
	while (chunk > lastCut && !isSpace(line[chunk - 1])) chunk--;
	const core = line.slice(chunk, start).replace(OPENERS, '');
	// a lone number or letter opening the sentence is an item marker: "1. Item", "Q. What …?"
	let sentenceStart = lastCut;
	while (isSpace(line[sentenceStart])) sentenceStart++;
	if (chunk === sentenceStart && /^(?:\d{1,3}|\p{L})$/u.test(core)) return -1;
	let p = chunk - 1;
	while (p > 0 && isSpace(line[p])) p--;
	let q = p;
	while (q > 0 && !isSpace(line[q - 1])) q--;
	const prevWord = line.slice(q, p + 1).replace(OPENERS, '');
	const wordsBefore = line.slice(sentenceStart, chunk).split(/\s+/).filter(Boolean).length;
	return periodEnds(core, prevWord, next, wordsBefore) ? after : -1;
}

/** "world.Today", "1,000.That": a boundary with no space, outside e-mail addresses and URLs. */
function gluedEnds(line: string, start: number, after: number, lastCut: number): boolean {
	if (!/^\p{Lu}\p{Ll}/u.test(line.slice(after, after + 2))) return false;
	let a = start;
	while (a > lastCut && !isSpace(line[a - 1])) a--;
	let b = after;
	while (b < line.length && !isSpace(line[b])) b++;
	const chunk = line.slice(a, b);
	if (/[@/]|www\./i.test(chunk)) return false;
	const core = line.slice(a, start);
	return /(?:\p{Ll}{2}|\d)$/u.test(core) && !PREPOSITIVE.has(core.toLowerCase());
}

/** Sentence cut positions inside one line (indexes into the line). */
function lineCuts(line: string): number[] {
	const protect = new Set<number>();
	const cuts = listCuts(line, protect);
	BULLET_SCAN.lastIndex = 1;
	for (let m = BULLET_SCAN.exec(line); m; m = BULLET_SCAN.exec(line)) {
		if (/\S/.test(line.slice(0, m.index))) cuts.push(m.index);
	}
	let lastCut = 0;
	const n = line.length;
	TERMINAL_SCAN.lastIndex = 0;
	for (let m = TERMINAL_SCAN.exec(line); m; m = TERMINAL_SCAN.exec(line)) {
		const i = m.index;
		if (protect.has(i)) continue;
		let end = i + 1;
		for (;;) {
			if (end < n && TERMINAL.includes(line[end])) end++;
			else if (
				line[end] === ' ' &&
				line[end + 1] === '.' &&
				/^\.*$/.test(line.slice(i, end).replace(/ /g, ''))
			)
				end += 2;
			else break;
		}
		let after = end;
		while (after < n && CLOSERS.includes(line[after])) after++;
		if (after < n && i > 0 && /[\p{L})\]"'\u201D\u2019]/u.test(line[i - 1])) {
			after += FOOTNOTE.exec(line.slice(after, after + 32))?.[0].length ?? 0;
		}
		let cut = -1;
		if (after >= n) cut = -1;
		else if (isSpace(line[after])) cut = decide(line, i, end, after, lastCut);
		else if (end - i === 1 && gluedEnds(line, i, after, lastCut)) cut = after;
		if (cut > 0) {
			cuts.push(cut);
			lastCut = cut;
		}
		TERMINAL_SCAN.lastIndex = after;
	}
	return cuts.sort((x, y) => x - y);
}

/**
 * Splits text into sentence spans (trimmed of surrounding whitespace); never across a line break;
 * a run-on with no stops is cut at its clauses (run-ons.ts).
 * Offsets are `offset` + index into text.
 * @example segmentSentences('Mr. Smith left. He fled.') // [{start:0,end:15},{start:16,end:24}]
 */
export function segmentSentences(text: string, offset = 0): Span[] {
	const spans: Span[] = [];
	let lineStart = 0;
	while (lineStart <= text.length) {
		let lineEnd = text.indexOf('\n', lineStart);
		if (lineEnd < 0) lineEnd = text.length;
		const line = text.slice(lineStart, lineEnd);
		let from = 0;
		for (const cut of [...lineCuts(line), line.length]) {
			let s = from;
			let e = cut;
			while (s < e && /\s/.test(line[s])) s++;
			while (e > s && /\s/.test(line[e - 1])) e--;
			// a line with no stops (a transcript, notes) is cut at its clauses instead
			if (e > s)
				for (const piece of splitRunOn(line, { start: s, end: e }))
					spans.push({
						start: offset + lineStart + piece.start,
						end: offset + lineStart + piece.end
					});
			from = cut;
		}
		lineStart = lineEnd + 1;
	}
	return spans;
}

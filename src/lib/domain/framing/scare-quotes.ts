/**
 * Quotations inside a sentence, and which of them are the writer's scare quotes rather than a
 * reported utterance, a title or a partial quotation.
 */
import { tokenize } from '../text/tokens';
import type { Span } from '../types';
import { key } from './loaded-lexicon-index';

/** A quotation inside a sentence: the marks' positions (absolute) and its words. */
export interface Quote {
	open: number;
	close: number;
	words: number;
}

const OPENERS: Record<string, string> = { '“': '”', '"': '"', '‘': '’', '«': '»' };

/**
 * Quotations in a sentence, as [open mark, close mark] positions. A single curly quote opens only
 * after a space or bracket and closes only before a non-letter, so apostrophes never count.
 */
export function findQuotes(text: string, start: number, end: number): Quote[] {
	const quotes: Quote[] = [];
	let i = start;
	while (i < end) {
		const c = text[i];
		const closer = OPENERS[c];
		const before = i > 0 ? text[i - 1] : ' ';
		if (!closer || (c === '‘' && !/[\s([—–-]/.test(before))) {
			i++;
			continue;
		}
		let j = i + 1;
		while (j < end) {
			if (text[j] === closer && (closer !== '’' || !/\p{L}/u.test(text[j + 1] ?? ''))) break;
			j++;
		}
		if (j >= end) break;
		const inner = text.slice(i + 1, j);
		quotes.push({ open: i, close: j, words: inner.split(/\s+/).filter(Boolean).length });
		i = j + 1;
	}
	return quotes;
}

/** Words that make a quoted word the writer's own noun phrase: "the “reform”", "their “facts”". */
const SCARE_BEFORE = new Set(
	`a an the this that these those his her their its our your my some such any so-called
	alleged supposed purported new own`.split(/\s+/)
);

/**
 * Whether a short quotation is the writer's scare quote and not a reported utterance, a title or
 * a partial quotation of what someone said ("he was “trapped”"): one lower-case word used
 * as the writer's own noun phrase, after an article or possessive, with no verb of saying near.
 */
export function isScareQuote(
	text: string,
	q: Quote,
	sentence: Span,
	introducers: ReadonlySet<string>
): boolean {
	const inner = text.slice(q.open + 1, q.close).trim();
	// two quoted words are mostly a term of art ("credible fear", "wealth tax"), not a sneer
	if (!/^\p{Ll}/u.test(inner) || q.words > 1 || inner.length > 30) return false;
	const prev = tokenize(text.slice(Math.max(sentence.start, q.open - 20), q.open))
		.filter((t) => t.kind === 'word')
		.at(-1);
	const possessive = /['\u2019]s$/.test(prev?.text ?? '');
	if (!prev || !(SCARE_BEFORE.has(key(prev)) || possessive)) return false;
	return !isReported(text, q, sentence, introducers);
}

/** Whether a short quotation is a reported utterance or a title. */
function isReported(
	text: string,
	q: Quote,
	sentence: Span,
	introducers: ReadonlySet<string>
): boolean {
	const inner = text.slice(q.open + 1, q.close).trim();
	// a whole utterance: ends in a stop, or opens the sentence
	if (/[.,!?;:]$/.test(inner)) return true;
	if (!text.slice(sentence.start, q.open).trim()) return true;
	// a title or a name: every word capitalised ("Orange Is the New Black", "Remain in Mexico")
	const words = inner.split(/\s+/);
	if (words.length > 1 && words.every((w) => /^[\p{Lu}\d]/u.test(w) || w.length <= 3)) return true;
	// introduced: a colon or a verb of saying just before, or a verb of saying just after
	const before = text.slice(Math.max(sentence.start, q.open - 30), q.open);
	if (/[:,]\s*$/.test(before)) return true;
	const prevWords = tokenize(before)
		.filter((t) => t.kind === 'word')
		.slice(-3)
		.map(key);
	if (prevWords.some((w) => introducers.has(w))) return true;
	const after = tokenize(text.slice(q.close + 1, Math.min(sentence.end, q.close + 25)))
		.filter((t) => t.kind === 'word')
		.slice(0, 2)
		.map(key);
	return after.some((w) => introducers.has(w));
}

/**
 * Tokeniser: words, numbers and punctuation with offsets into the normalised text and a lemma
 * for each word. One sticky regular expression scans the text, so 40,000 words take a few ms.
 */
import type { SegmentedArticle, Token } from '../types';
import { lemmatize } from './lemma';
import { isStopword } from './stopwords';

export { isStopword } from './stopwords';
export { lemmatize } from './lemma';

/*
 * Alternatives, tried in order at each position:
 * 1. number: optional currency sign, digits with grouping/decimal/time/date separators between
 *    digits ("26,580", "1.5", "10:30", "2023-24"), optional "%", ordinal or decade suffix.
 * 2. acronym with dots: two or more single letters each followed by "." ("U.S.", "e.g."),
 *    with an optional possessive ("U.S.’s").
 * 3. word: a letter, then letters/marks/digits, with internal apostrophes or hyphens joining
 *    further letter/digit runs ("don't", "proxy-war", "COVID-19", "Putin’s").
 * 4. any other non-space character is punctuation on its own.
 */
const TOKEN_RE =
	/([$£€¥]?\d+(?:[.,:/\u2013-]\d+)*(?:%|st\b|nd\b|rd\b|th\b|s\b)?)|((?:\p{L}\.){2,}(?:['\u2019]s\b)?)|(\p{L}[\p{L}\p{M}\p{N}]*(?:['\u2019\u2010\u2011-][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*)|(\S)/uy;

/*
 * Memo of word -> lemma. Private and a pure function's cache, so sharing it between articles and
 * requests cannot change any result; it is cleared when full to bound memory.
 */
const lemmaMemo = new Map<string, string>();
const LEMMA_MEMO_MAX = 50_000; // a large article has ~10k distinct word forms

/** The lemma of a word form, memoised (tokenize is called once per sentence). */
function cachedLemma(surface: string): string {
	let lemma = lemmaMemo.get(surface);
	if (lemma === undefined) {
		lemma = lemmatize(surface);
		if (lemmaMemo.size >= LEMMA_MEMO_MAX) lemmaMemo.clear();
		lemmaMemo.set(surface, lemma);
	}
	return lemma;
}

/** Whether a UTF-16 code unit is an ASCII letter. */
function isAsciiLetter(c: number): boolean {
	return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Whether a UTF-16 code unit is an ASCII letter or digit. */
function isAsciiAlnum(c: number): boolean {
	return isAsciiLetter(c) || (c >= 48 && c <= 57);
}

/**
 * End of a plain ASCII word starting at i (letters, then letters and digits) when TOKEN_RE would
 * match exactly that run, else -1 (the expression decides). The run must end the text or stop at
 * ASCII that cannot continue a token: not an apostrophe or hyphen (joined words), and not a period
 * after a single letter (an acronym, "U.S."). Most words of a text take this path, which builds
 * no match array.
 */
function plainWordEnd(text: string, i: number): number {
	if (!isAsciiLetter(text.charCodeAt(i))) return -1;
	let j = i + 1;
	while (j < text.length && isAsciiAlnum(text.charCodeAt(j))) j++;
	if (j === text.length) return j;
	const c = text.charCodeAt(j);
	if (c >= 128 || c === 39 || c === 45) return -1; // non-ASCII, ' or -
	if (c === 46 && j - i === 1) return -1; // "U." may start an acronym
	return j;
}

/** Lemma of a number token: thousands separators dropped so "26,580" matches "26580". */
function numberLemma(text: string): string {
	return text.replace(/,(?=\d{3}\b)/g, '').toLowerCase();
}

/**
 * Splits text into word, number and punctuation tokens; offsets are `offset` + index into text.
 * @example tokenize("Russians fled.", 10) // [{start:10,end:18,text:'Russians',lemma:'russian',kind:'word'}, …]
 */
export function tokenize(text: string, offset = 0): Token[] {
	const tokens: Token[] = [];
	const n = text.length;
	let i = 0;
	while (i < n) {
		const code = text.charCodeAt(i);
		// fast skip for ASCII whitespace; Unicode spaces are gone after normalisation
		if (code === 32 || code === 10 || code === 9 || code === 13) {
			i++;
			continue;
		}
		const plain = plainWordEnd(text, i);
		if (plain > 0) {
			const surface = text.slice(i, plain);
			const start = offset + i;
			tokens.push({
				start,
				end: start + surface.length,
				text: surface,
				lemma: cachedLemma(surface),
				kind: 'word'
			});
			i = plain;
			continue;
		}
		TOKEN_RE.lastIndex = i;
		const m = TOKEN_RE.exec(text);
		if (!m) {
			i++; // a non-ASCII space: \S did not match it
			continue;
		}
		const surface = m[0];
		const start = offset + i;
		const end = start + surface.length;
		if (m[1] !== undefined) {
			tokens.push({ start, end, text: surface, lemma: numberLemma(surface), kind: 'number' });
		} else if (m[4] !== undefined) {
			tokens.push({ start, end, text: surface, lemma: surface, kind: 'punct' });
		} else {
			tokens.push({ start, end, text: surface, lemma: cachedLemma(surface), kind: 'word' });
		}
		i += surface.length;
	}
	return tokens;
}

/**
 * Lemmas of the content words and numbers among tokens (stopwords and punctuation dropped).
 * @example contentLemmas(tokenize('The men fled the war.')) // ['man', 'flee', 'war']
 */
export function contentLemmas(tokens: readonly Token[]): string[] {
	const out: string[] = [];
	for (const t of tokens) {
		if (t.kind === 'punct') continue;
		if (t.kind === 'word' && isStopword(t.lemma)) continue;
		out.push(t.lemma);
	}
	return out;
}

/** Tokens of every sentence per article object: the engine and the framing layers share them. */
const SENTENCE_TOKENS = new WeakMap<SegmentedArticle, Token[][]>();

/**
 * The tokens of each sentence of an article (by sentence index), tokenised once per article
 * object; callers must not change them.
 * @example sentenceTokens(article)[0][0].lemma // 'joe'
 */
export function sentenceTokens(article: SegmentedArticle): readonly Token[][] {
	let out = SENTENCE_TOKENS.get(article);
	if (!out) {
		out = article.sentences.map((s) => tokenize(article.text.slice(s.start, s.end), s.start));
		SENTENCE_TOKENS.set(article, out);
	}
	return out;
}

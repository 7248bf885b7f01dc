/**
 * Where a term occurs in an article's body: an inverted index from lemma to positions, built once
 * per article, so measuring ten themes of a 20,000-word article looks up occurrences instead of
 * rescanning every sentence for every term.
 */
import { tokenize } from '../text/tokens';
import type { SegmentedArticle, Token } from '../types';
import { bodySentenceTokens, type SentenceTokens } from './content-tokens';

/** A term prepared for matching: its lemma sequence and its lower-cased text (for names). */
export interface TermMatcher {
	lemmas: string[];
	name: string;
}

/**
 * Prepares a term: "Working classes" -> lemmas [work, class]; "United States" -> name "united states".
 * @example toMatcher('Working classes').lemmas // ['work', 'class']
 */
export function toMatcher(term: string): TermMatcher {
	const lemmas = tokenize(term)
		.filter((t) => t.kind !== 'punct')
		.map((t) => t.lemma);
	return {
		lemmas,
		name: term
			.trim()
			.toLowerCase()
			.replace(/['\u2019]s?$/u, '')
	};
}

interface ArticleIndex {
	sentences: SentenceTokens[];
	/** lemma of a term token (names merged) -> positions in `sentences` (one per occurrence) */
	terms: Map<string, number[]>;
	/**
	 * lemma of a raw word token -> its occurrences as flat pairs: position in `sentences`, token
	 * index, position, token index, … (one array per lemma, not one per occurrence)
	 */
	tokens: Map<string, number[]>;
	/** per sentence, the merged multiword names (a phrase must not cut through one) */
	names: Token[][];
}

const CACHE = new WeakMap<SegmentedArticle, ArticleIndex>();

/** A merged name's text has a space ("United States"); a constant, as it is tested per term. */
const SPACE = /\s/;

/** Appends a value to a map of lists. */
function push<T>(map: Map<string, T[]>, key: string, value: T): void {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}

/** Appends an occurrence (sentence position, token index) to a map of flat pair lists. */
function pushPair(map: Map<string, number[]>, key: string, pos: number, k: number): void {
	const list = map.get(key);
	if (list) list.push(pos, k);
	else map.set(key, [pos, k]);
}

/** Builds (once) the inverted index of an article's body. */
function indexOf(article: SegmentedArticle): ArticleIndex {
	const cached = CACHE.get(article);
	if (cached) return cached;
	const sentences = bodySentenceTokens(article);
	const terms = new Map<string, number[]>();
	const tokens = new Map<string, number[]>();
	const names: Token[][] = [];
	sentences.forEach((s, pos) => {
		for (const t of s.terms) push(terms, t.lemma, pos);
		s.tokens.forEach((t, k) => {
			if (t.kind !== 'punct') pushPair(tokens, t.lemma, pos, k);
		});
		names.push(s.terms.filter((t) => SPACE.test(t.text)));
	});
	const index = { sentences, terms, tokens, names };
	CACHE.set(article, index);
	return index;
}

/**
 * Occurrences of a term per body sentence (keyed by position in `bodySentenceTokens`). A single
 * word matches a term token of the same lemma (so "unite" does not match inside the name
 * "United States"); a name matches its merged token; a phrase matches consecutive tokens that do
 * not cut through a name.
 * @example countTerm(article, toMatcher('working class')).get(2) // 1
 */
export function countTerm(article: SegmentedArticle, m: TermMatcher): Map<number, number> {
	const index = indexOf(article);
	const counts = new Map<number, number>();
	const add = (pos: number) => counts.set(pos, (counts.get(pos) ?? 0) + 1);
	if (m.lemmas.length === 0) return counts;
	for (const pos of index.terms.get(m.name) ?? []) add(pos);
	if (m.lemmas.length === 1) {
		if (m.lemmas[0] !== m.name) for (const pos of index.terms.get(m.lemmas[0]) ?? []) add(pos);
		return counts;
	}
	const occurrences = index.tokens.get(m.lemmas[0]) ?? [];
	for (let o = 0; o < occurrences.length; o += 2) {
		const pos = occurrences[o];
		const k = occurrences[o + 1];
		const tokens = index.sentences[pos].tokens;
		const n = m.lemmas.length;
		if (k + n > tokens.length) continue;
		let ok = true;
		for (let d = 1; d < n && ok; d++) {
			const t = tokens[k + d];
			ok = t.kind !== 'punct' && t.lemma === m.lemmas[d];
		}
		if (!ok) continue;
		const start = tokens[k].start;
		const end = tokens[k + n - 1].end;
		// a phrase cutting through a name is no match; one spelling out a whole name is, unless the
		// name's merged token was already counted above
		const name = index.names[pos].find((x) => x.start < end && start < x.end);
		if (name && (name.start !== start || name.end !== end || name.lemma === m.name)) continue;
		add(pos);
	}
	return counts;
}

/** The body sentences of an article, in the order `countTerm` positions refer to. */
export function indexedSentences(article: SegmentedArticle): readonly SentenceTokens[] {
	return indexOf(article).sentences;
}

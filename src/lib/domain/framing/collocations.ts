/**
 * Two-word terms ("working class", "credible fear", "war resister"): adjacent content words that
 * the pair of articles uses together more often than apart. A reader recognises "working class";
 * "work" and "class" ranked separately tell them little.
 */
import type { SegmentedArticle, Token } from '../types';
import { bodySentenceTokens, type SentenceTokens } from './content-tokens';
import { isGenericWord } from './generic-words';

/** A collocation's frequency and its readable lemma: "working class", not "work class". */
interface Collocation {
	count: number;
	/** the modifier as most often written (lower-cased), then the head word's lemma */
	lemma: string;
}

/** Collocations found in a pair, keyed "lemma1 lemma2". */
type Collocations = ReadonlyMap<string, Collocation>;

const CAPITAL = /^\p{Lu}/u;
// tested for every pair of adjacent terms: constants, not literals re-created on each call
const APOSTROPHE = /['\u2019]/u;
const FINAL_S = /s$/i;

const DEFAULTS = {
	// a pairing seen once is a coincidence of phrasing
	minCount: 2,
	// the pair must cover at least half the uses of its rarer word, else the words live apart
	minCohesion: 0.5
} as const;

/** Whether two consecutive terms may form a compound ("working class", not "work, class"). */
function joinable(x: Token, y: Token, text: string): boolean {
	// one space: no punctuation or stopword (compared by code: no slice per pair)
	if (y.start !== x.end + 1 || text.charCodeAt(x.end) !== 32) return false;
	if (x.lemma.includes(' ') || y.lemma.includes(' ')) return false; // names are already one term
	if (isGenericWord(x.lemma) || isGenericWord(y.lemma)) return false; // "McKee said"
	if (APOSTROPHE.test(x.text)) return false; // "Putin’s draft" is a possessive, not a compound
	// a plural first word is a subject, not a modifier: "Russians fled" (but "Russian migrants")
	if (FINAL_S.test(x.text) && x.lemma !== x.text.toLowerCase()) return false;
	// "deporting Russians", "welcome Russians": a lower-case word before a name is a verb or
	// adjective with its object, not a compound (compounds read "Russian migrants")
	return !(CAPITAL.test(y.text) && !CAPITAL.test(x.text));
}

/** Consecutive terms that may form a compound. */
function adjacentPairs(terms: readonly Token[], text: string): [Token, Token][] {
	const pairs: [Token, Token][] = [];
	for (let i = 0; i + 1 < terms.length; i++) {
		if (joinable(terms[i], terms[i + 1], text)) pairs.push([terms[i], terms[i + 1]]);
	}
	return pairs;
}

/**
 * Finds the bigrams of adjacent content terms that hold together across both articles.
 * @example findCollocations([[a, sentencesA], [b, sentencesB]]).get('work class') // { count: 4, lemma: 'working class' }
 */
function findCollocations(
	sides: readonly [SegmentedArticle, readonly SentenceTokens[]][],
	opts: { minCount?: number; minCohesion?: number } = {}
): Collocations {
	const minCount = opts.minCount ?? DEFAULTS.minCount;
	const minCohesion = opts.minCohesion ?? DEFAULTS.minCohesion;
	const unigram = new Map<string, number>();
	const bigram = new Map<string, number>();
	const modifiers = new Map<string, Map<string, number>>();
	// each counted pair with its key, so the modifiers are read in a second pass for the frequent
	// bigrams only (most occur once: a map of forms for each of them was most of the garbage)
	const seenKeys: string[] = [];
	const seenModifiers: Token[] = [];
	for (const [article, sentences] of sides) {
		for (const s of sentences) {
			if (s.repeat) continue;
			for (const t of s.terms) unigram.set(t.lemma, (unigram.get(t.lemma) ?? 0) + 1);
			for (const [x, y] of adjacentPairs(s.terms, article.text)) {
				const key = `${x.lemma} ${y.lemma}`;
				bigram.set(key, (bigram.get(key) ?? 0) + 1);
				seenKeys.push(key);
				seenModifiers.push(x);
			}
		}
	}
	for (let k = 0; k < seenKeys.length; k++) {
		const key = seenKeys[k];
		if ((bigram.get(key) as number) < minCount) continue;
		let forms = modifiers.get(key);
		if (!forms) {
			forms = new Map<string, number>();
			modifiers.set(key, forms);
		}
		const form = seenModifiers[k].text.toLowerCase();
		forms.set(form, (forms.get(form) ?? 0) + 1);
	}
	const out = new Map<string, Collocation>();
	// most bigrams occur once: drop them before sorting what is left
	const frequent = [...bigram].filter(([, count]) => count >= minCount);
	for (const [key, count] of frequent.sort((p, q) => (p[0] < q[0] ? -1 : 1))) {
		const [x, y] = key.split(' ');
		const rarer = Math.min(unigram.get(x) ?? 0, unigram.get(y) ?? 0);
		if (count < minCohesion * rarer) continue;
		const forms = [...(modifiers.get(key) ?? [])].sort(
			(p, q) => q[1] - p[1] || (p[0] < q[0] ? -1 : 1)
		);
		out.set(key, { count, lemma: `${forms[0]?.[0] ?? x} ${y}` });
	}
	return out;
}

/** First lemmas of a pair's collocations, per collocation map (read once per sentence). */
const FIRSTS = new WeakMap<Collocations, Set<string>>();

/** The lemmas that start a collocation ("work" of "work class"), memoised per collocation map. */
function firstWords(collocations: Collocations): Set<string> {
	let firsts = FIRSTS.get(collocations);
	if (!firsts) {
		firsts = new Set<string>();
		for (const key of collocations.keys()) firsts.add(key.slice(0, key.indexOf(' ')));
		FIRSTS.set(collocations, firsts);
	}
	return firsts;
}

/**
 * Replaces each collocation's two terms by one term spanning both (left to right; where two
 * collocations overlap, the more frequent wins).
 * @example applyCollocations(terms, text, findCollocations(sides))[0].lemma // 'working class'
 */
function applyCollocations(
	terms: readonly Token[],
	text: string,
	collocations: Collocations
): Token[] {
	if (collocations.size === 0) return [...terms];
	const firsts = firstWords(collocations);
	// each term's strength as the first of a collocation, read once (the loop asks twice)
	const strengths = terms.map((x, i) => {
		const y = terms[i + 1];
		// a word that starts no collocation needs no key built (most words)
		if (!y || !firsts.has(x.lemma) || !joinable(x, y, text)) return 0;
		return collocations.get(`${x.lemma} ${y.lemma}`)?.count ?? 0;
	});
	const out: Token[] = [];
	for (let i = 0; i < terms.length; i++) {
		const here = strengths[i];
		if (here > 0 && here >= (strengths[i + 1] ?? 0)) {
			const x = terms[i];
			const y = terms[i + 1];
			out.push({
				start: x.start,
				end: y.end,
				text: text.slice(x.start, y.end),
				lemma: collocations.get(`${x.lemma} ${y.lemma}`)?.lemma ?? `${x.lemma} ${y.lemma}`,
				kind: 'word'
			});
			i++;
		} else out.push(terms[i]);
	}
	return out;
}

/** One body sentence's terms after collocations are joined. */
export interface SentenceTerms {
	sentence: number;
	terms: Token[];
	/** a verbatim repeat of an earlier sentence: statistics skip it */
	repeat: boolean;
}

/** Pair cache: vocabulary and themes both need the same joined terms. */
const PAIR_CACHE = new WeakMap<SegmentedArticle, WeakMap<SegmentedArticle, PairTerms>>();

/** Both articles' sentence terms, with the pair's collocations joined into single terms. */
interface PairTerms {
	a: SentenceTerms[];
	b: SentenceTerms[];
	collocations: Collocations;
}

/**
 * Terms of every body sentence of both articles, collocations joined.
 * @example buildPairTerms(a, b).b[0].terms.map((t) => t.lemma) // ['united states', 'deport', …]
 */
export function buildPairTerms(a: SegmentedArticle, b: SegmentedArticle): PairTerms {
	const cached = PAIR_CACHE.get(a)?.get(b);
	if (cached) return cached;
	const sa = bodySentenceTokens(a);
	const sb = bodySentenceTokens(b);
	const collocations = findCollocations([
		[a, sa],
		[b, sb]
	]);
	const join = (article: SegmentedArticle, sentences: readonly SentenceTokens[]) =>
		sentences.map((s) => ({
			sentence: s.sentence,
			terms: applyCollocations(s.terms, article.text, collocations),
			repeat: s.repeat
		}));
	const out = { a: join(a, sa), b: join(b, sb), collocations };
	const inner = PAIR_CACHE.get(a) ?? new WeakMap<SegmentedArticle, PairTerms>();
	inner.set(b, out);
	PAIR_CACHE.set(a, inner);
	return out;
}

/**
 * Distinctive vocabulary of two articles: "Fightin' Words" (Monroe, Colaresi & Quinn 2008), the
 * log-odds ratio of each lemma with an informative Dirichlet prior, divided by its standard
 * deviation. The prior's background is general English (SUBTLEXus, shipped with the app) blended
 * with the pair's own pooled counts; see `DEFAULTS` for why.
 */
import type { SegmentedArticle, Span, Token } from '../types';
import { buildPairTerms, type SentenceTerms } from './collocations';
import { buildBackgroundPrior, decodeFrequencyList, type BackgroundPrior } from './frequency-prior';
import { SUBTLEX_TOP, SUBTLEX_TOTAL } from './frequency-prior-data.server';
import { isStopword } from '../text/tokens';
import { isGenericWord } from './generic-words';

/**
 * Verbs and phrases of reporting and attribution beyond the generic list: every news text uses
 * them, so a difference in their counts is house style, never vocabulary worth a reader's click.
 */
const REPORTING = new Set(
	`accord according state explain reply respond comment write speak told said says saying
	announce confirm mention`.split(/\s+/)
);

/**
 * Whether a lemma may be ranked at all: not a function word, not a reporting verb, not a word too
 * general to say anything about either article ("say", "thing", "make").
 * @example isRankable('say') // false
 */
function isRankable(lemma: string): boolean {
	return !isStopword(lemma) && !isGenericWord(lemma) && !REPORTING.has(lemma);
}

/** One distinctive lemma with its evidence in both articles. */
export interface Term {
	lemma: string;
	/** δ/σ: positive leans to article A, negative to B */
	zeta: number;
	/** log-odds ratio δ (A over B) */
	delta: number;
	countA: number;
	countB: number;
	/** surface forms seen in either article, most frequent first */
	forms: string[];
	/** every occurrence, so a click can highlight the term in both columns */
	occurrences: { a: Span[]; b: Span[] };
}

/** The ranking for each side: `a` most typical of A first (ζ > 0), `b` of B first (ζ < 0). */
export interface DistinctiveTerms {
	a: Term[];
	b: Term[];
}

/** Tuning of `buildTerms`; every field has a reasoned default. */
interface FightinWordsOptions {
	/** terms kept per side */
	limit?: number;
	/** prior strength α0 in pseudo-tokens; default: the pair's content tokens (nA + nB) */
	alpha0?: number;
	/** share of the prior that comes from general English rather than the pair itself */
	backgroundWeight?: number;
	/** a term must occur at least this often in the article it characterises */
	minCount?: number;
	/** background counts; default: the shipped SUBTLEXus top 20,000 */
	prior?: BackgroundPrior;
}

const DEFAULTS = {
	// 25 fills a chart column and a teacher can still read every term
	limit: 25,
	// half general English, half the pair: the English half shrinks everyday words ("know",
	// "thing") towards no difference; the pooled half keeps a name or term of art that subtitles
	// never use (α_w ≈ 0) from getting an infinite variance, as Monroe et al.'s in-corpus prior does
	backgroundWeight: 0.5,
	// one occurrence is anecdote, not vocabulary
	minCount: 2
} as const;

/**
 * δ and ζ for one word: counts y in each article, article sizes n, prior pseudo-count α_w and
 * total prior α0, exactly as in Monroe et al. (2008), eq. 16, 18–19.
 * @example logOdds(3, 1, 10, 10, 1, 20).delta // ln(4/26) − ln(2/28) ≈ 0.767
 */
export function logOdds(
	yA: number,
	yB: number,
	nA: number,
	nB: number,
	alphaW: number,
	alpha0: number
): { delta: number; zeta: number } {
	const delta =
		Math.log((yA + alphaW) / (nA + alpha0 - yA - alphaW)) -
		Math.log((yB + alphaW) / (nB + alpha0 - yB - alphaW));
	const variance = 1 / (yA + alphaW) + 1 / (yB + alphaW);
	return { delta, zeta: delta / Math.sqrt(variance) };
}

let subtlexPrior: BackgroundPrior | undefined;

/** The shipped SUBTLEXus prior, decoded and lemmatised once per process (~20k words). */
function defaultPrior(): BackgroundPrior {
	subtlexPrior ??= buildBackgroundPrior(decodeFrequencyList(SUBTLEX_TOP), SUBTLEX_TOTAL);
	return subtlexPrior;
}

/**
 * One lemma's occurrences: every token (for its span) and those counted (for the surface forms).
 * Spans and forms are read only for the few terms kept, so the tokens themselves are kept here.
 */
interface LemmaTally {
	count: number;
	tokens: Token[];
	counted: Token[];
}

/**
 * Counts every content term of an article's body, with its tokens. A verbatim repeat of a
 * sentence (pull quote) adds its spans, so a click still highlights it, but no count.
 */
function tally(sentences: readonly SentenceTerms[]): {
	tallies: Map<string, LemmaTally>;
	n: number;
} {
	const tallies = new Map<string, LemmaTally>();
	let n = 0;
	for (const sentence of sentences) {
		for (const t of sentence.terms) {
			let entry = tallies.get(t.lemma);
			if (!entry) {
				entry = { count: 0, tokens: [], counted: [] };
				tallies.set(t.lemma, entry);
			}
			entry.tokens.push(t);
			if (sentence.repeat) continue;
			n++;
			entry.count++;
			entry.counted.push(t);
		}
	}
	return { tallies, n };
}

/** The spans of a lemma's occurrences in text order. */
function spansOf(x: LemmaTally | undefined): Span[] {
	return x ? x.tokens.map((t) => ({ start: t.start, end: t.end })) : [];
}

/** Surface forms of both articles, most frequent first, then alphabetical (deterministic). */
function mergeForms(x: LemmaTally | undefined, y: LemmaTally | undefined): string[] {
	const all = new Map<string, number>();
	for (const tokens of [x?.counted, y?.counted]) {
		for (const t of tokens ?? []) all.set(t.text, (all.get(t.text) ?? 0) + 1);
	}
	return [...all]
		.sort((p, q) => q[1] - p[1] || (p[0] < q[0] ? -1 : p[0] > q[0] ? 1 : 0))
		.map(([form]) => form);
}

/** Orders by |ζ| descending, then lemma, so equal scores never reorder between runs. */
function byStrength(x: Term, y: Term): number {
	return Math.abs(y.zeta) - Math.abs(x.zeta) || (x.lemma < y.lemma ? -1 : 1);
}

/**
 * Ranks the lemmas that most distinguish article A from article B (and B from A) by ζ.
 * @example buildTerms(a, b).a[0] // { lemma: 'asylum', zeta: 1.9, countA: 12, countB: 3, … }
 */
export function buildTerms(
	a: SegmentedArticle,
	b: SegmentedArticle,
	opts: FightinWordsOptions = {}
): DistinctiveTerms {
	const limit = opts.limit ?? DEFAULTS.limit;
	const minCount = opts.minCount ?? DEFAULTS.minCount;
	const lambda = opts.backgroundWeight ?? DEFAULTS.backgroundWeight;
	const prior = opts.prior ?? defaultPrior();
	const pair = buildPairTerms(a, b);
	const A = tally(pair.a);
	const B = tally(pair.b);
	const pooledN = A.n + B.n;
	// the prior is worth one more pair of articles: strong enough to damp a word seen twice,
	// weak enough that the articles' own lengths still normalise the rates (α0 ≫ n would not)
	const alpha0 = opts.alpha0 ?? Math.max(pooledN, 1);
	const terms: Term[] = [];
	// every lemma of either article once; no sorting needed, since byStrength breaks ties by lemma
	const lemmas = new Set(A.tallies.keys());
	for (const lemma of B.tallies.keys()) lemmas.add(lemma);
	for (const lemma of lemmas) {
		const x = A.tallies.get(lemma);
		const y = B.tallies.get(lemma);
		const yA = x?.count ?? 0;
		const yB = y?.count ?? 0;
		if (yA + yB === 0) continue; // seen only in a repeated sentence
		// too rare on both sides to be kept for either (most lemmas): no score, no object
		if (yA < minCount && yB < minCount) continue;
		if (!isRankable(lemma)) continue;
		const share =
			(1 - lambda) * ((prior.counts.get(lemma) ?? 0) / prior.total) +
			lambda * ((yA + yB) / pooledN);
		const { delta, zeta } = logOdds(yA, yB, A.n, B.n, alpha0 * share, alpha0);
		terms.push({
			lemma,
			zeta,
			delta,
			countA: yA,
			countB: yB,
			forms: [],
			occurrences: { a: [], b: [] }
		});
	}
	// surface forms and spans only for the terms kept: most lemmas are never shown
	const withForms = (t: Term) => {
		const x = A.tallies.get(t.lemma);
		const y = B.tallies.get(t.lemma);
		return { ...t, forms: mergeForms(x, y), occurrences: { a: spansOf(x), b: spansOf(y) } };
	};
	return {
		a: terms
			.filter((t) => t.zeta > 0 && t.countA >= minCount)
			.sort(byStrength)
			.slice(0, limit)
			.map(withForms),
		b: terms
			.filter((t) => t.zeta < 0 && t.countB >= minCount)
			.sort(byStrength)
			.slice(0, limit)
			.map(withForms)
	};
}

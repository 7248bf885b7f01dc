/**
 * Shared-fact suggestions: pairs of sentences, one per article, that state the same fact, each
 * with a score, a relation, the shared names, numbers, dates and phrases, and a word diff.
 * Candidates are scored in pair-score.ts; here they are selected and described.
 */
import type { SegmentedArticle } from '../types';
import { buildWordDiff } from './diff';
import { buildArticleFeatures, type ArticleFeatures } from './features';
import { scorePairs, type ScoredPair } from './pair-score';
import { classifyRelation } from './relation';
import type { SharedFact } from './types';

export type { SharedFact } from './types';

/** Tuning of the suggestions; the defaults were set on the ECB+ development topics. */
export interface SharedFactOptions {
	/** minimum score (0..1) of a suggestion, before the raise for articles that disagree */
	minScore?: number;
	/** how many suggestions one sentence may take part in */
	maxPerSentence?: number;
}

const DEFAULTS: Required<SharedFactOptions> = {
	minScore: 0.4,
	// news reports restate their main fact, so a sentence may have two good counterparts
	maxPerSentence: 2
};

/** A further link of a sentence must score at least this share of its first link. */
const SECOND_LINK_RATIO = 0.9;

/**
 * Greedy selection, best score first (ties broken by position, for determinism). A sentence's
 * first link is its best counterpart; a further link is kept only when nearly as good as the
 * first on both sides (news reports restate their main fact, so one sentence can have two
 * equally good counterparts).
 */
function selectPairs(candidates: ScoredPair[], maxPerSentence: number): ScoredPair[] {
	const sorted = [...candidates].sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
	const bestA = new Map<number, number>();
	const bestB = new Map<number, number>();
	const usedA = new Map<number, number>();
	const usedB = new Map<number, number>();
	const out: ScoredPair[] = [];
	for (const c of sorted) {
		const na = usedA.get(c.a) ?? 0;
		const nb = usedB.get(c.b) ?? 0;
		if (na >= maxPerSentence || nb >= maxPerSentence) continue;
		if (na > 0 && c.score < SECOND_LINK_RATIO * (bestA.get(c.a) as number)) continue;
		if (nb > 0 && c.score < SECOND_LINK_RATIO * (bestB.get(c.b) as number)) continue;
		if (na === 0) bestA.set(c.a, c.score);
		if (nb === 0) bestB.set(c.b, c.score);
		usedA.set(c.a, na + 1);
		usedB.set(c.b, nb + 1);
		out.push(c);
	}
	return out;
}

/** Shown text of shared details: "A text", or "A text / B text" where the two differ. */
function label(a: string, b: string): string {
	return a === b ? a : `${a} / ${b}`;
}

/** Shared facts of two articles plus each sentence's best similarity on the other side. */
export interface Alignment {
	facts: SharedFact[];
	/** per sentence of A: highest weighted cosine to any sentence of B (0 for furniture) */
	bestA: number[];
	bestB: number[];
}

/**
 * Aligns two articles from precomputed features: shared facts, best first, and the best
 * similarities that one-sided claims are judged by.
 */
export function alignArticles(
	fa: ArticleFeatures,
	fb: ArticleFeatures,
	options: SharedFactOptions = {}
): Alignment {
	const o = { ...DEFAULTS, ...options };
	const { candidates, bestA, bestB } = scorePairs(fa, fb, o.minScore);
	const facts = selectPairs(candidates, o.maxPerSentence).map((c): SharedFact => {
		const sa = fa.sentences[c.a];
		const sb = fb.sentences[c.b];
		const d = c.details;
		return {
			id: `a${sa.index}-b${sb.index}`,
			a: { sentence: sa.index, start: sa.start, end: sa.end },
			b: { sentence: sb.index, start: sb.start, end: sb.end },
			score: Math.round(c.score * 1000) / 1000,
			relation: classifyRelation(d, sa, sb, c.similarity),
			entities: [...new Set(d.entities.map((e) => e.a.text))],
			numbers: [...new Set(d.quantities.map((q) => label(q.a.text, q.b.text)))],
			dates: [...new Set(d.dates.map((x) => label(x.a.text, x.b.text)))],
			phrases: d.phrases,
			diff: buildWordDiff(sa.text, sb.text)
		};
	});
	return { facts, bestA, bestB };
}

/**
 * Suggests shared facts between two segmented articles, best first.
 * @example suggestSharedFacts(segmentArticle(a), segmentArticle(b))[0]
 * // {id:'a3-b1', relation:'different-detail', dates:['March 2023 / March 18'], …}
 */
export function suggestSharedFacts(
	a: SegmentedArticle,
	b: SegmentedArticle,
	options: SharedFactOptions = {}
): SharedFact[] {
	return alignArticles(buildArticleFeatures(a), buildArticleFeatures(b), options).facts;
}

/**
 * One-sided claims ("blindspots"): passages of one article with no counterpart in the other —
 * not part of any shared fact and not even lexically close to any passage on the other side.
 * Each comes with the names, numbers and dates that the other article never mentions, which is
 * what a class can discuss ("B never says how many crossed the border").
 */
import type { SegmentedArticle } from '../types';
import { buildArticleFeatures, type ArticleFeatures } from './features';
import { alignArticles, type Alignment } from './shared-facts';
import type { OneSidedClaim, OneSidedClaims, SentenceFeatures, SharedFact } from './types';

/** Best similarity under which a passage has no counterpart (linked pairs mostly score above). */
const MAX_COUNTERPART_SIMILARITY = 0.15;
/** Content words a passage needs to state a claim at all (not "Hey there!", not a byline). */
const MIN_CONTENT_WORDS = 4;

/** The numbers and dates an article mentions anywhere, for quick look-up. */
interface DetailIndex {
	numbers: Set<number>;
	dates: Set<string>;
}

/** Indexes an article's numbers (by value) and dates (by text, case-folded). */
function indexDetails(f: ArticleFeatures): DetailIndex {
	const numbers = new Set<number>();
	const dates = new Set<string>();
	for (const s of f.sentences) {
		for (const q of s.quantities) numbers.add(q.value);
		for (const d of s.dates) dates.add(d.text.toLowerCase());
	}
	return { numbers, dates };
}

/** Details of a sentence absent from the other article, as written. */
function unmatchedDetails(
	s: SentenceFeatures,
	other: ArticleFeatures,
	index: DetailIndex
): string[] {
	const out: string[] = [];
	for (const e of s.entities) {
		if (e.keys.every((k) => !other.lemmas.has(k) && !other.nameKeys.has(k))) out.push(e.text);
	}
	for (const q of s.quantities) if (!index.numbers.has(q.value)) out.push(q.text);
	for (const d of s.dates) if (!index.dates.has(d.text.toLowerCase())) out.push(d.text);
	return [...new Set(out)];
}

/** One side's claims with no counterpart. */
function sideClaims(
	own: ArticleFeatures,
	other: ArticleFeatures,
	linked: Set<number>,
	best: number[]
): OneSidedClaim[] {
	const out: OneSidedClaim[] = [];
	const index = indexDetails(other);
	for (const s of own.sentences) {
		if (!s.eligible || s.headline || linked.has(s.index)) continue;
		if (s.bag.size < MIN_CONTENT_WORDS) continue;
		const bestSimilarity = best[s.index] ?? 0;
		if (bestSimilarity >= MAX_COUNTERPART_SIMILARITY) continue;
		out.push({
			sentence: s.index,
			start: s.start,
			end: s.end,
			bestSimilarity: Math.round(bestSimilarity * 1000) / 1000,
			unmatchedDetails: unmatchedDetails(s, other, index)
		});
	}
	return out;
}

/**
 * One-sided claims from the same decisions as the shared facts: a passage the model finds any
 * likely counterpart for (a shared fact or a pair it is unsure of) is never listed as one-sided.
 */
export function oneSidedFromFeatures(
	fa: ArticleFeatures,
	fb: ArticleFeatures,
	alignment: Pick<Alignment, 'bestA' | 'bestB' | 'counterpartsA' | 'counterpartsB'>
): OneSidedClaims {
	return {
		a: sideClaims(fa, fb, alignment.counterpartsA, alignment.bestA),
		b: sideClaims(fb, fa, alignment.counterpartsB, alignment.bestB)
	};
}

/**
 * Finds the passages of each article with no counterpart in the other.
 * @example findOneSided(a, b, suggestSharedFacts(a, b)).b[0]
 * // {sentence: 9, bestSimilarity: 0.04, unmatchedDetails: ['Haiti', 'Afghanistan'], …}
 */
export function findOneSided(
	a: SegmentedArticle,
	b: SegmentedArticle,
	facts: readonly SharedFact[]
): OneSidedClaims {
	const fa = buildArticleFeatures(a);
	const fb = buildArticleFeatures(b);
	const alignment = alignArticles(fa, fb);
	// facts a caller passes in (accepted ones, say) count as counterparts too
	for (const f of facts) {
		alignment.counterpartsA.add(f.a.sentence);
		alignment.counterpartsB.add(f.b.sentence);
	}
	return oneSidedFromFeatures(fa, fb, alignment);
}

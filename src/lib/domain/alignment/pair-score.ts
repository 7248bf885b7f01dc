/**
 * Scoring of candidate sentence pairs. Precision comes first (a wrong "shared fact" misleads a
 * class), so a pair must pass several tests: the sentences say much the same in informative
 * words (weighted cosine); they share more than their participants (a word that says something
 * about them, a number, a date or a phrase); no detail clashes (another number for the same
 * thing, another year, different participants, opposite acts such as "checked into" / "checked
 * out of"); and the score — the cosine, with what is said, the shared details and a pair of
 * leads counting extra — must clear a threshold that rises when the two articles hardly name the
 * same people and places (likely two different events on one topic).
 */
import { matchDetails, type DetailMatch } from './details';
import { isDistinctiveKey } from './entities';
import { buildEventAgreement } from './event-agreement';
import type { ArticleFeatures } from './features';
import { findSimilarPairs } from './candidates';
import { predicateEvidence } from './predicate';
import { oppositeActs } from './opposite-acts';
import { buildLemmaStats, buildSentenceVector, type SentenceVector } from './similarity';
import { wordInformation } from './word-weights';

/** The rule's constants, set on the ECB+ development topics (each with its reason). */
export const RULES = {
	// candidate floor only: details may lift a loosely worded pair, the final score decides
	minSimilarity: 0.1,
	// square root of the word weights: a single rare name must not make two sentences "similar"
	weightPower: 0.5,
	// a pair needs some specific detail in common: a name, a number, a date or a rare phrase …
	minDetail: 0.3,
	// … unless, between two articles on one event, it says much the same in other words
	echoSimilarity: 0.35,
	// score per unit of shared-detail weight (capped at 3 units)
	detailBonus: 0.2,
	// what is said counts on top of whom it names: the predicate part of the cosine again
	predicateBonus: 0.4,
	// inverted pyramid: each report states its main fact first, so two leads likely share it
	leadBonus: 0.1,
	// threshold raise for two articles that share no names at all …
	docPenalty: 0.3,
	// … shrinking to none once half their name mentions recur in the other article
	docSaturation: 0.5,
	// each sentence names someone the other article never mentions: perhaps another event
	unknownFactor: 0.8,
	// a fact needs a predicate and an argument: fewer content words make a fragment
	minContent: 3
} as const;

/** A scored candidate pair of sentence indexes. */
export interface ScoredPair {
	a: number;
	b: number;
	similarity: number;
	details: DetailMatch;
	score: number;
}

/** Weight of the shared details, split by kind (see {@link detailWeight}). */
export interface DetailWeights {
	/** who, where, when, how many: names, numbers, dates */
	specific: number;
	/** distinctive wording both passages use */
	phrases: number;
}

/**
 * Weight of the shared details: a distinctive name counts up to 1 (a name common in everyday
 * English, like "America", less; a name in every sentence of the pair, like the story's
 * protagonist, less); a number counts 1 with a counted word or when large, else ½; a date counts
 * 1 with a year or a day, ½ for a bare weekday, month or relative date; a shared phrase of rare
 * words counts up to 1.
 * @example detailWeight(matchDetails(sa, sb, fa, fb)) // {specific: 1.5, phrases: 0}
 */
export function detailWeight(
	d: DetailMatch,
	rarity: (key: string) => number = () => 1
): DetailWeights {
	let specific = 0;
	for (const { a } of d.entities) {
		let best = 0;
		for (const k of a.keys) {
			// 7 nats ≈ "America", 12 ≈ a rare name
			const info = Math.min(1, Math.max(0, (wordInformation(k, k) - 7) / 5));
			best = Math.max(best, info * rarity(k));
		}
		specific += best;
	}
	for (const { a } of d.quantities) specific += a.unit !== undefined || a.value >= 10 ? 1 : 0.5;
	for (const { a, b } of d.dates) {
		const precise =
			(a.year !== undefined && b.year !== undefined) ||
			(a.day !== undefined && b.day !== undefined);
		specific += precise ? 1 : 0.5;
	}
	let phrases = 0;
	for (const p of d.phrases) {
		const [x, y] = p.split(' ');
		// two everyday words ("last year", 16 nats together) are no evidence; rare pairs are
		const info = Math.min(1, Math.max(0, (wordInformation(x, x) + wordInformation(y, y) - 16) / 6));
		phrases += info * Math.max(rarity(x), rarity(y));
	}
	return { specific, phrases };
}

/**
 * Whether the details clash so that the two sentences cannot report one fact: another number
 * for the same counted thing, another year, or different participants — each sentence names
 * someone the other article never mentions, and they share no distinctive name and no counted
 * number (a "66-year-old" victim named in one report and not in the other is still one victim).
 */
function clashes(d: DetailMatch): boolean {
	const participants =
		d.unknownA.length > 0 &&
		d.unknownB.length > 0 &&
		!d.entities.some((e) => e.a.keys.some(isDistinctiveKey)) &&
		!d.quantities.some((q) => q.a.unit !== undefined && q.b.unit !== undefined);
	return participants || d.quantityConflicts.length > 0 || d.dateConflicts.length > 0;
}

/** Scored candidates and each sentence's best similarity on the other side. */
export interface ScoredPairs {
	candidates: ScoredPair[];
	bestA: number[];
	bestB: number[];
}

/**
 * Scores the candidate sentence pairs of two articles (features precomputed): similarity plus
 * shared details, vetoed by clashes, weighed against how far the articles agree on the event.
 * @example scorePairs(fa, fb, 0.25).candidates[0] // {a: 6, b: 7, similarity: 0.31, score: 0.5, …}
 */
export function scorePairs(
	fa: ArticleFeatures,
	fb: ArticleFeatures,
	minScore: number
): ScoredPairs {
	const o = RULES;
	const stats = buildLemmaStats(fa, fb);
	const rarity = (k: string) => stats.rarity.get(stats.family.get(k) ?? k) ?? 1;
	const vector = (f: ArticleFeatures) =>
		f.sentences.map((s) =>
			s.eligible && !s.headline && s.bag.size >= o.minContent
				? buildSentenceVector(s, stats, o.weightPower)
				: undefined
		);
	const vectors = [vector(fa), vector(fb)];
	const { pairs, bestA, bestB } = findSimilarPairs(vectors[0], vectors[1], o.minSimilarity);
	const agreement = buildEventAgreement(fa, fb).score;
	const sameStory = agreement >= o.docSaturation;
	const threshold = minScore + o.docPenalty * (1 - Math.min(1, agreement / o.docSaturation));
	const candidates: ScoredPair[] = [];
	const va = vectors[0];
	const vb = vectors[1];
	const leadA = va.findIndex((v) => v !== undefined);
	const leadB = vb.findIndex((v) => v !== undefined);
	for (const { a, b, similarity } of pairs) {
		const sa = fa.sentences[a];
		const sb = fb.sentences[b];
		const details = matchDetails(sa, sb, fa, fb);
		if (clashes(details)) continue;
		// "checked into" / "checked out of", "hired" / "fired": two events, however alike
		if (oppositeActs(sa.tokens, sb.tokens)) continue;
		const predicate = predicateEvidence(
			sa,
			sb,
			va[a] as SentenceVector,
			vb[b] as SentenceVector,
			details.phrases
		);
		// a fact is something said about someone: more than the names must be shared
		if (predicate.told + details.quantities.length + details.dates.length === 0) continue;
		const weights = detailWeight(details, rarity);
		const detail = weights.specific + weights.phrases;
		// echoed wording stands in for who/where/when only between articles on one event
		const gate = sameStory ? detail : weights.specific;
		if (gate < o.minDetail && !(sameStory && similarity >= o.echoSimilarity)) continue;
		let score =
			similarity + o.predicateBonus * predicate.similarity + o.detailBonus * Math.min(detail, 3);
		if (a === leadA && b === leadB) score += o.leadBonus;
		score = Math.min(1, score);
		// each sentence names someone the other article never mentions: perhaps another event
		if (details.unknownA.length > 0 && details.unknownB.length > 0) score *= o.unknownFactor;
		if (score >= threshold) candidates.push({ a, b, similarity, details, score });
	}
	return { candidates, bestA, bestB };
}

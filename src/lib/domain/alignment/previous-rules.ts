/**
 * The previous, hand-set engine (engine-1): its constants, set by hand on the ECB+ development
 * topics, and its score of a pair. The learned model reads this score as one feature among the
 * others, and the evaluation replays it to report the previous engine beside the new one.
 */
import type { DetailMatch } from './details';
import type { DetailWeights } from './detail-weight';
import type { PredicateEvidence } from './predicate';

/** The previous engine's rule constants, set by hand on the ECB+ development topics. */
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

/** The previous engine's lowest score before the raise for articles that disagree. */
export const RULE_MIN_SCORE = 0.4;

/**
 * The previous engine's score of a pair: refused on a clash, else cosine plus bonuses.
 * `sameStory`: the two articles agree on the event.
 */
export function previousRuleScore(
	details: DetailMatch,
	predicate: PredicateEvidence,
	weights: DetailWeights,
	similarity: number,
	clash: boolean,
	lead: boolean,
	sameStory: boolean
): number {
	const o = RULES;
	if (clash) return 0;
	// a fact is something said about someone: more than the names must be shared
	if (predicate.told + details.quantities.length + details.dates.length === 0) return 0;
	// echoed wording stands in for who/where/when only between articles on one event
	const detail = weights.specific + weights.phrases;
	const gate = sameStory ? detail : weights.specific;
	if (gate < o.minDetail && !(sameStory && similarity >= o.echoSimilarity)) return 0;
	let score =
		similarity + o.predicateBonus * predicate.similarity + o.detailBonus * Math.min(detail, 3);
	if (lead) score += o.leadBonus;
	score = Math.min(1, score);
	if (details.unknownA.length > 0 && details.unknownB.length > 0) score *= o.unknownFactor;
	return score;
}

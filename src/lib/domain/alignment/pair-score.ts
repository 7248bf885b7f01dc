/**
 * Scoring of candidate sentence pairs. Every pair that shares informative words is described by
 * its evidence (pair-features.ts) and the learned model (fact-model.ts) turns that into the
 * probability that both sentences state one fact. The previous engine's hand-set rule score —
 * the cosine with what is said, the shared details and a pair of leads counting extra, refused
 * outright on a clash, and judged against a threshold that rises when the two articles hardly
 * name the same people — is kept as one feature among the others, and so that the evaluation can
 * still report the previous engine beside the new one.
 */
import { matchDetails, type DetailMatch } from './details';
import { isDistinctiveKey } from './entities';
import { buildEventAgreement } from './event-agreement';
import type { ArticleFeatures } from './features';
import { findSimilarPairs } from './candidates';
import { predicateEvidence, type PredicateEvidence } from './predicate';
import { oppositeActs } from './opposite-acts';
import { buildLemmaStats, buildSentenceVector, type SentenceVector } from './similarity';
import { wordInformation } from './word-weights';
import { FACT_MODEL, factProbability, probabilityBound, type FactModel } from './fact-model';
import { ACT_FEATURES, FEATURE_NAMES, pairFeatures, type PairEvidence } from './pair-features';
import { ClauseIndex } from './clauses';
import { ActIndex } from './acts';

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

/** A scored candidate pair of sentence indexes. */
export interface ScoredPair {
	a: number;
	b: number;
	similarity: number;
	details: DetailMatch;
	/**
	 * the model's probability that the two sentences state one fact (0..1); for a pair that
	 * cannot reach the scorer's floor, the most it could reach (its acts are not read)
	 */
	probability: number;
	/** the previous engine's rule score (0 when one of its gates refused the pair) */
	ruleScore: number;
	/** the feature vector the model read (FEATURE_NAMES order) */
	features: number[];
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
 * Whether the two sentences name different participants: each names someone the other article
 * never mentions, and they share no distinctive name and no counted number (a "66-year-old"
 * victim named in one report and not in the other is still one victim).
 */
function participantsClash(d: DetailMatch): boolean {
	return (
		d.unknownA.length > 0 &&
		d.unknownB.length > 0 &&
		!d.entities.some((e) => e.a.keys.some(isDistinctiveKey)) &&
		!d.quantities.some((q) => q.a.unit !== undefined && q.b.unit !== undefined)
	);
}

/** Scored candidates and each sentence's best similarity on the other side. */
export interface ScoredPairs {
	candidates: ScoredPair[];
	bestA: number[];
	bestB: number[];
	/** the previous engine's threshold on ruleScore for this pair of articles */
	ruleThreshold: number;
}

/**
 * Rank of each pair's similarity among the pairs of the same sentence (1 = its most similar
 * counterpart), for one side chosen by `side`; ties share the better rank.
 */
function ranks<T extends { similarity: number }>(
	pairs: readonly T[],
	side: (p: T) => number
): number[] {
	const bySentence = new Map<number, number[]>();
	pairs.forEach((p, k) => {
		const list = bySentence.get(side(p));
		if (list) list.push(k);
		else bySentence.set(side(p), [k]);
	});
	const out = new Array<number>(pairs.length);
	for (const list of bySentence.values()) {
		list.sort((x, y) => pairs[y].similarity - pairs[x].similarity);
		list.forEach((k, i) => {
			// ties share the better rank
			const prev = i > 0 ? list[i - 1] : -1;
			out[k] = prev >= 0 && pairs[prev].similarity === pairs[k].similarity ? out[prev] : i + 1;
		});
	}
	return out;
}

/**
 * The previous engine's score of a pair: refused on a clash, else cosine plus bonuses.
 * `sameStory`: the two articles agree on the event.
 */
function previousRuleScore(
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

/** Options of {@link scorePairs}. */
export interface ScoreOptions {
	/**
	 * Probability below which a pair is of no use to the caller (default: the model's counterpart
	 * level). Pairs that cannot reach it are scored without reading their acts; their probability
	 * is then the highest they could have, still below the floor.
	 */
	floor?: number;
	/** Read every pair's acts (training needs every feature of every pair). */
	exhaustive?: boolean;
}

/** Pairs this alike may be shown as same-subject contrasts, which ask whether they share an act. */
export const CONTRAST_SIMILARITY = 0.2;

/** Positions of the act features in the vectors. */
const ACT_FEATURE_INDEX = ACT_FEATURES.map((n) => FEATURE_NAMES.indexOf(n));

/** The previous engine's lowest score before the raise for articles that disagree. */
const RULE_MIN_SCORE = 0.4;

/**
 * Scores every candidate sentence pair of two articles (features precomputed): its evidence, the
 * model's probability, and the previous engine's rule score.
 * @example scorePairs(fa, fb).candidates[0] // {a: 6, b: 7, similarity: 0.31, probability: 0.91, …}
 */
export function scorePairs(
	fa: ArticleFeatures,
	fb: ArticleFeatures,
	model: FactModel = FACT_MODEL,
	options: ScoreOptions = {}
): ScoredPairs {
	const floor = options.floor ?? model.counterpart;
	const o = RULES;
	const stats = buildLemmaStats(fa, fb);
	const rarity = (k: string) => stats.rarity.get(stats.family.get(k) ?? k) ?? 1;
	const keyOf = (l: string) => stats.family.get(l) ?? l;
	const vector = (f: ArticleFeatures) =>
		f.sentences.map((s) =>
			s.eligible && !s.headline && s.bag.size >= o.minContent
				? buildSentenceVector(s, stats, o.weightPower)
				: undefined
		);
	const vectors = [vector(fa), vector(fb)];
	const { pairs, bestA, bestB } = findSimilarPairs(vectors[0], vectors[1], o.minSimilarity);
	const event = buildEventAgreement(fa, fb);
	const agreement = event.score;
	const sameStory = agreement >= o.docSaturation;
	const ruleThreshold =
		RULE_MIN_SCORE + o.docPenalty * (1 - Math.min(1, agreement / o.docSaturation));
	const va = vectors[0];
	const vb = vectors[1];
	const leadA = va.findIndex((v) => v !== undefined);
	const leadB = vb.findIndex((v) => v !== undefined);
	const clauses = new ClauseIndex(stats, o.weightPower);
	const acts = new ActIndex([fa, fb], keyOf);
	const rankA = ranks(pairs, (p) => p.a);
	const rankB = ranks(pairs, (p) => p.b);
	const eligible = (vs: (SentenceVector | undefined)[]) => vs.filter((v) => v !== undefined).length;
	const density = pairs.length / Math.max(1, Math.min(eligible(va), eligible(vb)));
	const scored: ScoredPair[] = [];
	const pending: { evidence: PairEvidence; needsActs: boolean }[] = [];
	pairs.forEach(({ a, b, similarity }, k) => {
		const sa = fa.sentences[a];
		const sb = fb.sentences[b];
		const details = matchDetails(sa, sb, fa, fb);
		const clash = participantsClash(details);
		const conflict = details.quantityConflicts.length > 0 || details.dateConflicts.length > 0;
		// "checked into" / "checked out of", "hired" / "fired": two events, however alike
		const opposite = oppositeActs(sa.tokens, sb.tokens);
		const predicate = predicateEvidence(
			sa,
			sb,
			va[a] as SentenceVector,
			vb[b] as SentenceVector,
			details.phrases
		);
		const weights = detailWeight(details, rarity);
		const lead = a === leadA && b === leadB;
		const ruleScore = previousRuleScore(
			details,
			predicate,
			weights,
			similarity,
			clash || conflict || opposite,
			lead,
			sameStory
		);
		const evidence: PairEvidence = {
			a: sa,
			b: sb,
			similarity,
			details,
			predicate,
			weights,
			participantClash: clash,
			opposite,
			lead,
			mutualBest: similarity === bestA[a] && similarity === bestB[b],
			agreement,
			yearConflict: event.yearConflict,
			ruleScore,
			ruleThreshold,
			rankA: rankA[k],
			rankB: rankB[k],
			density,
			clauseSimilarity: clauses.bestClauseSimilarity(sa, sb)
		};
		const features = pairFeatures(evidence);
		const bound = probabilityBound(model, features, ACT_FEATURE_INDEX);
		// acts matter where the pair could clear the floor or be shown as a contrast
		const needsActs = options.exhaustive || bound >= floor || similarity >= CONTRAST_SIMILARITY;
		pending.push({ evidence, needsActs });
		scored.push({ a, b, similarity, details, probability: bound, ruleScore, features });
	});
	// the acts of just the sentences that need them, tagged in one pass per article
	acts.prepare(pending.flatMap((p) => (p.needsActs ? [p.evidence.a, p.evidence.b] : [])));
	pending.forEach((p, k) => {
		if (!p.needsActs) return;
		const features = pairFeatures(p.evidence, acts);
		scored[k] = { ...scored[k], features, probability: factProbability(model, features) };
	});
	return { candidates: scored, bestA, bestB, ruleThreshold };
}

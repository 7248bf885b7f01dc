/**
 * Scoring of candidate sentence pairs. Every pair that shares informative words is described by
 * its evidence (pair-features.ts) and the learned model (fact-model.ts) turns that into the
 * probability that both sentences state one fact. The previous engine's hand-set rule score
 * (previous-rules.ts) is kept as one feature among the others, and so that the evaluation can
 * still report the previous engine beside the new one.
 */
import { matchDetails, type DetailMatch } from './details';
import { isDistinctiveKey } from './entities';
import { buildEventAgreement } from './event-agreement';
import type { ArticleFeatures } from './features';
import { findSimilarPairs } from './candidates';
import { predicateEvidence } from './predicate';
import { oppositeActs } from './opposite-acts';
import { buildLemmaStats, buildSentenceVector, type SentenceVector } from './similarity';
import { FACT_MODEL, factProbability, probabilityBound, type FactModel } from './fact-model';
import { ACT_FEATURES, FEATURE_NAMES, pairFeatures, type PairEvidence } from './pair-features';
import { ClauseIndex } from './clauses';
import { ActIndex } from './acts';
import { detailWeight } from './detail-weight';
import { previousRuleScore, RULE_MIN_SCORE, RULES } from './previous-rules';
import { documentFeatures, sameEventProbability } from './same-event';

/** A scored candidate pair of sentence indexes. */
export interface ScoredPair {
	a: number;
	b: number;
	similarity: number;
	details: DetailMatch;
	/**
	 * the model's probability that the two sentences state one fact (0..1); for a pair that
	 * cannot reach the scorer's floor, the most it could reach (its acts, and for a pair that
	 * cannot be a contrast either, its clauses are not read: those features are 0)
	 */
	probability: number;
	/** the previous engine's rule score (0 when one of its gates refused the pair) */
	ruleScore: number;
	/** the feature vector the model read (FEATURE_NAMES order) */
	features: number[];
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
	/** the document stage's probability that the two articles report one event */
	sameEvent: number;
	/** the document features it read (DOCUMENT_FEATURE_NAMES order; training refits on them) */
	documentFeatures: number[];
	/**
	 * A candidate as it is with its clauses and acts read: itself, unless the scorer deferred them
	 * (options.deferContrasts); then its probability and features as if they had been read then.
	 */
	withActs(c: ScoredPair): ScoredPair;
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
	/**
	 * Leave unread the clauses and acts of pairs that cannot reach the floor and matter only as
	 * possible contrasts, until the caller asks for them with `withActs`: a long pair has hundreds
	 * of such pairs and shows at most a handful of contrasts (their acts tag most of the sentences
	 * the acts would otherwise tag).
	 */
	deferContrasts?: boolean;
}

/** Pairs this alike may be shown as same-subject contrasts, which ask whether they share an act. */
export const CONTRAST_SIMILARITY = 0.2;

/** Positions of the act features in the vectors. */
const ACT_FEATURE_INDEX = ACT_FEATURES.map((n) => FEATURE_NAMES.indexOf(n));
/** Position of the clause similarity, and of it with the act features. */
const CLAUSE_INDEX = FEATURE_NAMES.indexOf('clauseSimilarity');
const ACT_AND_CLAUSE_INDEX = [...ACT_FEATURE_INDEX, CLAUSE_INDEX];
/**
 * Room left below the floor for a pair scored without its clauses: the bound takes the clause
 * cosine at 1, which rounding may exceed by a few units in the last place.
 */
const BOUND_MARGIN = 1e-9;

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
	// first pass: what every candidate says before its acts or clauses are read, and what all of
	// them say together about the two articles (the document stage needs the whole list before
	// any pair is bounded against the floor)
	const partial = pairs.map(({ a, b, similarity }, k) => {
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
			clauseSimilarity: 0,
			sameEvent: 0
		};
		return evidence;
	});
	const documentVector = documentFeatures(
		partial.map((e, k) => ({
			a: pairs[k].a,
			b: pairs[k].b,
			similarity: e.similarity,
			details: e.details,
			specific: e.weights.specific,
			participantClash: e.participantClash,
			rulePass: e.ruleScore > 0 && e.ruleScore >= ruleThreshold
		})),
		{
			agreement,
			yearConflict: event.yearConflict,
			bestA: va.map((v, i) => (v ? bestA[i] : undefined)),
			bestB: vb.map((v, i) => (v ? bestB[i] : undefined)),
			leadA,
			leadB,
			fa,
			fb
		}
	);
	const sameEvent = sameEventProbability(model.document, documentVector);
	const scored: ScoredPair[] = [];
	const pending: { evidence: PairEvidence; needsActs: boolean }[] = [];
	// contrast-only pairs left unread (deferContrasts), and what reading one gives
	const deferred = new Map<ScoredPair, PairEvidence>();
	const read = new Map<ScoredPair, ScoredPair>();
	partial.forEach((evidence, k) => {
		const { a, b, similarity } = pairs[k];
		const { details, ruleScore } = evidence;
		const sa = evidence.a;
		const sb = evidence.b;
		evidence.sameEvent = sameEvent;
		const features = pairFeatures(evidence);
		// clauses matter where the pair could clear the floor whatever they say, or be a contrast
		// (most candidates of a long pair can do neither: their clauses are never compared)
		const clauseBound = probabilityBound(model, features, ACT_AND_CLAUSE_INDEX);
		const canPass = options.exhaustive || clauseBound >= floor - BOUND_MARGIN;
		const readClauses = canPass || (similarity >= CONTRAST_SIMILARITY && !options.deferContrasts);
		if (!readClauses) {
			const pair = { a, b, similarity, details, probability: clauseBound, ruleScore, features };
			if (similarity >= CONTRAST_SIMILARITY) deferred.set(pair, evidence);
			pending.push({ evidence, needsActs: false });
			scored.push(pair);
			return;
		}
		evidence.clauseSimilarity = clauses.bestClauseSimilarity(sa, sb);
		features[CLAUSE_INDEX] = evidence.clauseSimilarity;
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
	const withActs = (c: ScoredPair): ScoredPair => {
		const evidence = deferred.get(c);
		if (!evidence) return c;
		let done = read.get(c);
		if (!done) {
			evidence.clauseSimilarity = clauses.bestClauseSimilarity(evidence.a, evidence.b);
			const features = pairFeatures(evidence, acts);
			done = { ...c, features, probability: factProbability(model, features) };
			read.set(c, done);
		}
		return done;
	};
	return {
		withActs,
		candidates: scored,
		bestA,
		bestB,
		ruleThreshold,
		sameEvent,
		documentFeatures: documentVector
	};
}

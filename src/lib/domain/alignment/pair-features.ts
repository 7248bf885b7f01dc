/**
 * The evidence a learned model weighs for each candidate pair of sentences: how alike they are in
 * informative words, what they say beyond whom they name, the details they share or clash on
 * (names, numbers, dates), whether they report the same act of compatible participants, and how
 * far the two articles agree on the event at all. Every feature is a number in about 0..1 with a
 * plain meaning, so the fitted weights can be read (fact-model.json).
 */
import { compareActs, type ActAgreement, type ActIndex } from './acts';
import type { DetailMatch } from './details';
import type { PredicateEvidence } from './predicate';
import type { SentenceFeatures } from './types';

/** Names of the features, in the order of the vectors (the model file repeats them). */
export const FEATURE_NAMES = [
	'similarity',
	'predicateSimilarity',
	'specificDetails',
	'sharedPhrases',
	'toldWords',
	'sharedNumbers',
	'sharedDates',
	'detailConflict',
	'participantClash',
	'oppositeActs',
	'unknownNames',
	'leadPair',
	'eventAgreement',
	'yearConflict',
	'sharedActs',
	'differentActs',
	'agentsNamed',
	'phraseOnly',
	'lengthRatio',
	'mutualBest',
	'negationMismatch',
	'ruleScore',
	'ruleMargin',
	'rulePass',
	'similarityByAgreement',
	'mainActShared',
	'rankA',
	'rankB',
	'candidateDensity',
	'sameAgents',
	'agentConflict',
	'clauseSimilarity',
	'sameClaim',
	'sameEvent'
] as const;

/** One feature's name. */
export type FeatureName = (typeof FEATURE_NAMES)[number];

/**
 * The features read from the two sentences' acts (part-of-speech tags). Tagging is the costly
 * part of scoring, so a pair whose other evidence rules it out is scored without them.
 */
export const ACT_FEATURES: readonly FeatureName[] = [
	'sharedActs',
	'differentActs',
	'agentsNamed',
	'phraseOnly',
	'mainActShared',
	'sameAgents',
	'agentConflict',
	'sameClaim',
	'negationMismatch'
];

/** Act comparison of a pair whose acts were not read: every act feature at 0. */
const ACTS_NOT_READ: ActAgreement = {
	shared: 0,
	differ: false,
	agents: false,
	main: false,
	sameAgents: false,
	agentConflict: false,
	sameClaim: false,
	negationMismatch: false
};

/** What the scorer knows about a candidate pair before it is turned into numbers. */
export interface PairEvidence {
	a: SentenceFeatures;
	b: SentenceFeatures;
	similarity: number;
	details: DetailMatch;
	predicate: PredicateEvidence;
	/** weight of shared names, numbers, dates (see detailWeight) and of shared phrases */
	weights: { specific: number; phrases: number };
	participantClash: boolean;
	opposite: boolean;
	lead: boolean;
	/** the pair is each sentence's most similar counterpart */
	mutualBest: boolean;
	/** article-level agreement on names (0..1) and a year conflict */
	agreement: number;
	yearConflict: boolean;
	/** the previous, hand-set engine's score (0 when one of its gates refused the pair) */
	ruleScore: number;
	/** the previous engine's threshold for this pair of articles */
	ruleThreshold: number;
	/** rank of the pair's similarity among the candidates of sentence a (1 = its best), and of b */
	rankA: number;
	rankB: number;
	/** candidate pairs per eligible sentence of the shorter article: how much of the pair is topic */
	density: number;
	/** highest cosine between a clause of a and a clause of b */
	clauseSimilarity: number;
	/** the document stage's probability that the two articles report one event (same-event.ts) */
	sameEvent: number;
}

/** Position of each feature in the vectors. */
const F = Object.fromEntries(FEATURE_NAMES.map((n, i) => [n, i])) as Record<FeatureName, number>;

/** Caps a count or weight and scales it to 0..1. */
function capped(x: number, cap: number): number {
	return Math.min(x, cap) / cap;
}

/** 1 for true, 0 for false. */
function flag(x: boolean): number {
	return x ? 1 : 0;
}

/**
 * Turns the evidence of one pair into the feature vector the model reads (FEATURE_NAMES order);
 * without `acts`, the {@link ACT_FEATURES} are 0 (see probabilityBound in fact-model.ts).
 * @example pairFeatures(evidence, new ActIndex(keyOf))[0] // the weighted cosine, e.g. 0.42
 */
export function pairFeatures(e: PairEvidence, acts?: ActIndex): number[] {
	const d = e.details;
	const agreement = acts ? compareActs(acts.of(e.a), acts.of(e.b)) : ACTS_NOT_READ;
	const specific = e.weights.specific;
	const lengthA = e.a.bag.size;
	const lengthB = e.b.bag.size;
	// written in place by position: one array per pair, no keyed record to read back (a scored
	// pair of a long comparison is one of thousands; written in FEATURE_NAMES order, the array
	// stays packed); a feature left out fails the tests
	const x: number[] = [];
	x[F.similarity] = e.similarity;
	x[F.predicateSimilarity] = e.predicate.similarity;
	x[F.specificDetails] = capped(specific, 3);
	x[F.sharedPhrases] = capped(e.weights.phrases, 2);
	x[F.toldWords] = capped(e.predicate.told, 5);
	x[F.sharedNumbers] = capped(d.quantities.length, 2);
	x[F.sharedDates] = capped(d.dates.length, 2);
	x[F.detailConflict] = flag(d.quantityConflicts.length + d.dateConflicts.length > 0);
	x[F.participantClash] = flag(e.participantClash);
	x[F.oppositeActs] = flag(e.opposite);
	x[F.unknownNames] = flag(d.unknownA.length > 0 && d.unknownB.length > 0);
	x[F.leadPair] = flag(e.lead);
	x[F.eventAgreement] = e.agreement;
	x[F.yearConflict] = flag(e.yearConflict);
	x[F.sharedActs] = capped(agreement.shared, 2);
	x[F.differentActs] = flag(agreement.differ);
	x[F.agentsNamed] = flag(agreement.agents);
	// a shared turn of phrase with no shared act and no shared detail is word choice, not a fact
	x[F.phraseOnly] = flag(d.phrases.length > 0 && agreement.shared === 0 && specific < 0.3);
	x[F.lengthRatio] = Math.min(lengthA, lengthB) / Math.max(1, lengthA, lengthB);
	x[F.mutualBest] = flag(e.mutualBest);
	// a negated main act, not a "not" in a later clause ("…on the basis that they are not meeting…")
	x[F.negationMismatch] = flag(agreement.negationMismatch);
	x[F.ruleScore] = e.ruleScore;
	// how far the previous engine's score clears its threshold, which rises between articles
	// that hardly name the same people (a refused pair sits at the floor)
	x[F.ruleMargin] = e.ruleScore > 0 ? Math.max(-0.5, e.ruleScore - e.ruleThreshold) : -0.5;
	x[F.rulePass] = flag(e.ruleScore > 0 && e.ruleScore >= e.ruleThreshold);
	// wording counts for more between articles that agree on who and where
	x[F.similarityByAgreement] = e.similarity * Math.min(1, e.agreement / 0.5);
	x[F.mainActShared] = flag(agreement.main);
	// a shared fact is usually each passage's closest counterpart, not its fifth
	x[F.rankA] = 1 / e.rankA;
	x[F.rankB] = 1 / e.rankB;
	// in a long opinion piece every sentence shares the topic's words with many others
	x[F.candidateDensity] = capped(e.density, 10);
	// who did it: the same participant acts in both, or each names another actor
	x[F.sameAgents] = flag(agreement.sameAgents);
	x[F.agentConflict] = flag(agreement.agentConflict);
	x[F.clauseSimilarity] = e.clauseSimilarity;
	x[F.sameClaim] = flag(agreement.sameClaim);
	// two reports of one event restate it; two events of one kind only share its words
	x[F.sameEvent] = e.sameEvent;
	return x;
}

/** Position of the document stage's probability in the vectors. */
export const SAME_EVENT_INDEX = FEATURE_NAMES.indexOf('sameEvent');

/**
 * A copy of a feature vector with another document-stage probability: training replaces the
 * committed document model's output by one fitted without the held-out topics.
 * @example withSameEvent(features, 0.9)[SAME_EVENT_INDEX] // 0.9
 */
export function withSameEvent(features: readonly number[], probability: number): number[] {
	const out = [...features];
	out[SAME_EVENT_INDEX] = probability;
	return out;
}

/**
 * Shared-fact suggestions: pairs of sentences, one per article, that state the same fact, each
 * with a calibrated probability, a relation, the shared names, numbers, dates and phrases, and a
 * word diff; and same-subject contrasts (pairs that talk about the same thing but make different
 * claims). Candidates are scored in pair-score.ts; here they are selected and described.
 */
import { sentenceStance } from './stance';
import type { SegmentedArticle } from '../types';
import { buildWordDiff } from './diff';
import { buildArticleFeatures, type ArticleFeatures } from './features';
import { FACT_MODEL, type FactModel } from './fact-model';
import { CONTRAST_SIMILARITY, scorePairs, type ScoredPair } from './pair-score';
import { classifyRelation } from './relation';
import { FEATURE_NAMES } from './pair-features';
import type { Relation, SharedFact } from './types';

export type { SharedFact } from './types';

/** Tuning of the suggestions; the defaults come with the fitted model. */
export interface SharedFactOptions {
	/** the fitted model (default: the committed fact-model.json) */
	model?: FactModel;
	/** probability at or above which a pair is a shared fact (default: the model's threshold) */
	threshold?: number;
	/** how many suggestions one sentence may take part in */
	maxPerSentence?: number;
}

/** Index of each feature in the vectors. */
const FEATURE_INDEX = Object.fromEntries(FEATURE_NAMES.map((n, i) => [n, i])) as Record<
	(typeof FEATURE_NAMES)[number],
	number
>;

/** News reports restate their main fact, so a sentence may have two good counterparts. */
export const MAX_PER_SENTENCE = 2;

/** How much more probable a topic neighbour must be to take a same-claim pair's place. */
const CLAIM_PREFERENCE = 0.1;

/** A further link of a sentence must reach at least this share of its first link's probability. */
const SECOND_LINK_RATIO = 0.9;

/**
 * Greedy selection, strongest first (ties broken by position, for determinism). A sentence's
 * first link is its best counterpart; a further link is kept only when nearly as strong as the
 * first on both sides: one sentence may restate a fact another article makes in two sentences.
 * When the first link tells the same claim (`sameClaim`), so must the second.
 * @example selectPairs(candidates.filter((c) => c.probability >= 0.5), 2, (c) => c.probability)
 */
export function selectPairs<T extends { a: number; b: number }>(
	candidates: readonly T[],
	maxPerSentence: number,
	strength: (c: T) => number,
	sameClaim: (c: T) => boolean = () => false
): T[] {
	const sorted = [...candidates].sort(
		(x, y) => strength(y) - strength(x) || x.a - y.a || x.b - y.b
	);
	const bestA = new Map<number, number>();
	const bestB = new Map<number, number>();
	const usedA = new Map<number, number>();
	const usedB = new Map<number, number>();
	const claimA = new Map<number, boolean>();
	const claimB = new Map<number, boolean>();
	const out: T[] = [];
	for (const c of sorted) {
		const s = strength(c);
		const na = usedA.get(c.a) ?? 0;
		const nb = usedB.get(c.b) ?? 0;
		if (na >= maxPerSentence || nb >= maxPerSentence) continue;
		if (na > 0 && s < SECOND_LINK_RATIO * (bestA.get(c.a) as number)) continue;
		if (nb > 0 && s < SECOND_LINK_RATIO * (bestB.get(c.b) as number)) continue;
		const claim = sameClaim(c);
		// a sentence whose first counterpart tells its claim keeps a second one only if that tells
		// it too: a topic neighbour beside the same claim is a contrast, not a restatement
		if (!claim && (claimA.get(c.a) || claimB.get(c.b))) continue;
		if (na === 0) {
			bestA.set(c.a, s);
			claimA.set(c.a, claim);
		}
		if (nb === 0) {
			bestB.set(c.b, s);
			claimB.set(c.b, claim);
		}
		usedA.set(c.a, na + 1);
		usedB.set(c.b, nb + 1);
		out.push(c);
	}
	return out;
}

/**
 * How strongly a pair competes for its sentences' places: its probability, with a pair that tells
 * the same act of the same agent ("the Biden administration is now beginning to deport Russian
 * individuals" / "Joe Biden is deporting Russians") put ahead of topic neighbours up to a tenth
 * more probable — the same tenth as a sentence's second link may fall behind its first. The
 * model can hardly weigh this: in its training data, reports of two similar events tell the same
 * act of the same people too.
 */
function claimFirst(c: ScoredPair): number {
	return c.probability + CLAIM_PREFERENCE * c.features[FEATURE_INDEX.sameClaim];
}

/** Shown text of shared details: "A text", or "A text / B text" where the two differ. */
function label(a: string, b: string): string {
	return a === b ? a : `${a} / ${b}`;
}

/** Shared facts of two articles, same-subject contrasts, and what one-sided claims are judged by. */
export interface Alignment {
	facts: SharedFact[];
	/**
	 * Pairs about the same subject that make different claims (relation "different-claims"):
	 * framing contrasts for a class to discuss, never shown as facts.
	 */
	contrasts: SharedFact[];
	/** per sentence of A: highest weighted cosine to any sentence of B (0 for furniture) */
	bestA: number[];
	bestB: number[];
	/** sentences of A and of B with a possible counterpart (never listed as one-sided) */
	counterpartsA: Set<number>;
	counterpartsB: Set<number>;
}

/** Few contrasts, the clearest first: a class discusses a handful, not a list. */
const MAX_CONTRASTS = 6;

/**
 * Same-subject pairs: candidates the model does not take for one fact that still name the same
 * participants, numbers or dates or report the same act, one per sentence, and never a sentence
 * already linked as a shared fact. `withActs` reads a candidate's acts where the scorer deferred
 * them: only for the few candidates this walk reaches (a deferred pair's probability is a bound
 * below the threshold, so the filter below holds before and after its acts are read).
 */
function selectContrasts(
	candidates: readonly ScoredPair[],
	facts: readonly ScoredPair[],
	threshold: number,
	withActs: (c: ScoredPair) => ScoredPair = (c) => c
): ScoredPair[] {
	const usedA = new Set(facts.map((f) => f.a));
	const usedB = new Set(facts.map((f) => f.b));
	const out: ScoredPair[] = [];
	const sorted = candidates
		.filter((c) => c.probability < threshold && c.similarity >= CONTRAST_SIMILARITY)
		.sort((x, y) => y.similarity - x.similarity || x.a - y.a || x.b - y.b);
	for (const c of sorted) {
		if (out.length >= MAX_CONTRASTS) break;
		if (usedA.has(c.a) || usedB.has(c.b)) continue;
		// same subject: shared specific details (read without acts), or a shared act
		const read = withActs(c);
		const f = read.features;
		if (!(f[FEATURE_INDEX.specificDetails] > 0 || f[FEATURE_INDEX.sharedActs] > 0)) continue;
		usedA.add(c.a);
		usedB.add(c.b);
		out.push(read);
	}
	return out;
}

/**
 * A clash that no amount of shared wording outweighs: another number for the same counted thing
 * or a date that cannot be the same, participants the other article never names on both sides,
 * or opposite acts ("checked into" / "checked out of"); or two articles that name none of the
 * same people or places and date their events in different years (two earthquakes: "rescue teams
 * were sent" in both is not one fact). Such pairs tell two events; the model weighs these too,
 * but a class must never see them as one fact.
 */
export function vetoed(c: ScoredPair): boolean {
	const f = c.features;
	return (
		f[FEATURE_INDEX.detailConflict] > 0 ||
		f[FEATURE_INDEX.participantClash] > 0 ||
		f[FEATURE_INDEX.oppositeActs] > 0 ||
		(f[FEATURE_INDEX.yearConflict] > 0 && f[FEATURE_INDEX.eventAgreement] === 0)
	);
}

/** Which sentences of an article state claims rather than positions, by feature index. */
export function claimsOf(f: ArticleFeatures): boolean[] {
	return f.sentences.map((s) => sentenceStance(s.text) === 'claim');
}

/**
 * The candidates shown as shared facts: at or above the threshold, not vetoed, both sentences
 * claims (a position — "we must…", "it shouldn't take…" — is compared as framing, never as a
 * fact), the same claim first (see claimFirst). The app and the evaluation both choose here.
 */
export function chooseFacts<T extends ScoredPair>(
	candidates: readonly T[],
	claims: { a: readonly boolean[]; b: readonly boolean[] },
	threshold: number,
	maxPerSentence = MAX_PER_SENTENCE
): T[] {
	return selectPairs(
		candidates.filter(
			(c) => c.probability >= threshold && !vetoed(c) && claims.a[c.a] && claims.b[c.b]
		),
		maxPerSentence,
		claimFirst,
		(c) => c.features[FEATURE_INDEX.sameClaim] === 1
	);
}

/** Describes a selected pair for the reader: passages, confidence, relation, shared details, diff. */
function describePair(
	c: ScoredPair,
	fa: ArticleFeatures,
	fb: ArticleFeatures,
	relation: Relation
): SharedFact {
	const sa = fa.sentences[c.a];
	const sb = fb.sentences[c.b];
	const d = c.details;
	return {
		id: `a${sa.index}-b${sb.index}`,
		a: { sentence: sa.index, start: sa.start, end: sa.end },
		b: { sentence: sb.index, start: sb.start, end: sb.end },
		score: Math.round(c.probability * 1000) / 1000,
		relation,
		entities: [...new Set(d.entities.map((e) => e.a.text))],
		numbers: [...new Set(d.quantities.map((q) => label(q.a.text, q.b.text)))],
		dates: [...new Set(d.dates.map((x) => label(x.a.text, x.b.text)))],
		phrases: d.phrases,
		diff: buildWordDiff(sa.text, sb.text)
	};
}

/**
 * Aligns two articles from precomputed features: shared facts (same claims first, then most probable), same-subject
 * contrasts, and the evidence one-sided claims are judged by.
 */
export function alignArticles(
	fa: ArticleFeatures,
	fb: ArticleFeatures,
	options: SharedFactOptions = {}
): Alignment {
	const model = options.model ?? FACT_MODEL;
	const threshold = options.threshold ?? model.threshold;
	const { candidates, bestA, bestB, withActs } = scorePairs(fa, fb, model, {
		floor: Math.min(threshold, model.counterpart),
		deferContrasts: true
	});
	const chosen = chooseFacts(
		candidates,
		{ a: claimsOf(fa), b: claimsOf(fb) },
		threshold,
		options.maxPerSentence
	);
	const facts = chosen.map((c) =>
		describePair(
			c,
			fa,
			fb,
			classifyRelation(c.details, fa.sentences[c.a], fb.sentences[c.b], c.similarity)
		)
	);
	const contrasts = selectContrasts(candidates, chosen, threshold, withActs).map((c) =>
		describePair(c, fa, fb, 'different-claims')
	);
	const counterpartsA = new Set<number>();
	const counterpartsB = new Set<number>();
	for (const c of candidates) {
		if (c.probability < model.counterpart) continue;
		counterpartsA.add(fa.sentences[c.a].index);
		counterpartsB.add(fb.sentences[c.b].index);
	}
	for (const f of facts) {
		counterpartsA.add(f.a.sentence);
		counterpartsB.add(f.b.sentence);
	}
	return { facts, contrasts, bestA, bestB, counterpartsA, counterpartsB };
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

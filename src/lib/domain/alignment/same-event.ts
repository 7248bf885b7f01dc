/**
 * The document-pair stage: before any sentence pair is judged, how likely the two articles report
 * one event at all. Two reports of one event have many sentences with a close counterpart that
 * shares its names, numbers and dates; two reports of two events of one kind (two earthquakes, two
 * celebrities in rehab) share the topic's words in many sentences but their details clash or are
 * missing. A small logistic model (fitted by `npm run train` on ECB+ with leave-one-topic-out,
 * stored in fact-model.json under `document`) reads aggregates of all candidates of the pair; its
 * probability is then one feature of every sentence pair (`sameEvent` in pair-features.ts).
 * Every aggregate is one pass over the candidates: the stage adds linear work only.
 */
import type { DetailMatch } from './details';
import type { ArticleFeatures } from './features';

/** Names of the document features, in the order of the vectors (the model file repeats them). */
export const DOCUMENT_FEATURE_NAMES = [
	'nameAgreement',
	'yearConflict',
	'strongShareLow',
	'strongShareHigh',
	'topSimilarity',
	'top3Similarity',
	'leadSimilarity',
	'detailShare',
	'conflictShare',
	'clashShare',
	'rulePassShare',
	'dateShare',
	'numberShare',
	'meanBest',
	'sameDay',
	'dayConflict',
	'sameCount'
] as const;

/** A fitted logistic model over standardised document features. */
export interface DocumentModel {
	/** must equal DOCUMENT_FEATURE_NAMES */
	features: string[];
	mean: number[];
	scale: number[];
	weights: number[];
	bias: number;
}

/** What the document stage reads of one candidate pair (all known before acts or clauses). */
export interface CandidateSummary {
	a: number;
	b: number;
	similarity: number;
	details: DetailMatch;
	/** weight of the distinctive names, numbers and dates the pair shares (detailWeight) */
	specific: number;
	participantClash: boolean;
	/** the previous engine's rules accept the pair */
	rulePass: boolean;
}

/** Article-level context of the candidates. */
export interface DocumentContext {
	/** name agreement of the two articles (event-agreement.ts), 0..1 */
	agreement: number;
	yearConflict: boolean;
	/** each eligible sentence's best similarity on the other side (ineligible: undefined) */
	bestA: readonly (number | undefined)[];
	bestB: readonly (number | undefined)[];
	/** indexes of the two articles' first eligible sentences (-1: none) */
	leadA: number;
	leadB: number;
	/** the two articles (their dates and counted numbers are compared as wholes) */
	fa: ArticleFeatures;
	fb: ArticleFeatures;
}

/** The calendar days (month and day) an article's body names, as "month-day". */
function calendarDays(f: ArticleFeatures): Set<string> {
	const out = new Set<string>();
	for (const s of f.sentences) {
		if (!s.eligible) continue;
		for (const d of s.dates) {
			if (d.month !== undefined && d.day !== undefined) out.add(`${d.month}-${d.day}`);
		}
	}
	return out;
}

/** The counted numbers of an article's body ("7.5 magnitude", "26 pirate") as "value unit". */
function countedNumbers(f: ArticleFeatures): Set<string> {
	const out = new Set<string>();
	for (const s of f.sentences) {
		if (!s.eligible) continue;
		for (const q of s.quantities) if (q.unit !== undefined) out.add(`${q.value} ${q.unit}`);
	}
	return out;
}

/** Whether two sets share an element. */
function meet(x: ReadonlySet<string>, y: ReadonlySet<string>): boolean {
	for (const v of x) if (y.has(v)) return true;
	return false;
}

/** Similarity from which a sentence counts as having a strong counterpart. */
export const STRONG_SIMILARITY = 0.35;
/** Similarity from which a candidate's details are counted as agreeing or clashing. */
const DETAIL_SIMILARITY = 0.25;
/** Shared-detail weight from which a candidate shares something distinctive. */
const SPECIFIC_DETAIL = 0.3;

/** What one side's best similarities say: eligible sentences, the share with a strong counterpart, their mean (0 for none). */
function sideSummary(best: readonly (number | undefined)[]): {
	eligible: number;
	strongShare: number;
	meanBest: number;
} {
	let eligible = 0;
	let strong = 0;
	let sum = 0;
	for (const s of best) {
		if (s === undefined) continue;
		eligible++;
		sum += s;
		if (s >= STRONG_SIMILARITY) strong++;
	}
	return eligible === 0
		? { eligible, strongShare: 0, meanBest: 0 }
		: { eligible, strongShare: strong / eligible, meanBest: sum / eligible };
}

/**
 * The document features of two articles from their candidates (DOCUMENT_FEATURE_NAMES order), in
 * one pass: no pair is compared twice and nothing grows faster than the candidate list.
 * @example documentFeatures(candidates, context) // [0.62, 0, 0.4, 0.55, 0.81, 0.7, 0.81, 0.5, 0, 0.1, 0.3]
 */
export function documentFeatures(
	candidates: readonly CandidateSummary[],
	context: DocumentContext
): number[] {
	const top = [0, 0, 0];
	let lead = 0;
	let close = 0;
	let detail = 0;
	let conflict = 0;
	let clash = 0;
	let pass = 0;
	let dated = 0;
	let counted = 0;
	for (const c of candidates) {
		if (c.similarity > top[2]) {
			top[2] = c.similarity;
			top.sort((x, y) => y - x);
		}
		if (c.a === context.leadA && c.b === context.leadB) lead = c.similarity;
		if (c.rulePass) pass++;
		if (c.similarity < DETAIL_SIMILARITY) continue;
		close++;
		if (c.specific >= SPECIFIC_DETAIL) detail++;
		if (c.details.quantityConflicts.length > 0 || c.details.dateConflicts.length > 0) conflict++;
		if (c.participantClash) clash++;
		if (c.details.dates.length > 0) dated++;
		if (c.details.quantities.length > 0) counted++;
	}
	const daysA = calendarDays(context.fa);
	const daysB = calendarDays(context.fb);
	const sameDay = meet(daysA, daysB);
	const sideA = sideSummary(context.bestA);
	const sideB = sideSummary(context.bestB);
	const eligible = Math.max(1, Math.min(sideA.eligible, sideB.eligible));
	const values: Record<(typeof DOCUMENT_FEATURE_NAMES)[number], number> = {
		nameAgreement: context.agreement,
		yearConflict: context.yearConflict ? 1 : 0,
		strongShareLow: Math.min(sideA.strongShare, sideB.strongShare),
		strongShareHigh: Math.max(sideA.strongShare, sideB.strongShare),
		topSimilarity: top[0],
		top3Similarity: (top[0] + top[1] + top[2]) / 3,
		leadSimilarity: lead,
		// shares among the close candidates; none close: nothing agrees, nothing clashes
		detailShare: close === 0 ? 0 : detail / close,
		conflictShare: close === 0 ? 0 : conflict / close,
		clashShare: close === 0 ? 0 : clash / close,
		// per sentence of the shorter article, capped: long op-eds pass many weak pairs
		rulePassShare: Math.min(1, pass / eligible),
		dateShare: close === 0 ? 0 : dated / close,
		numberShare: close === 0 ? 0 : counted / close,
		meanBest: Math.min(sideA.meanBest, sideB.meanBest),
		// the same day named in both, or both name days and never the same one
		sameDay: sameDay ? 1 : 0,
		dayConflict: daysA.size > 0 && daysB.size > 0 && !sameDay ? 1 : 0,
		sameCount: meet(countedNumbers(context.fa), countedNumbers(context.fb)) ? 1 : 0
	};
	return DOCUMENT_FEATURE_NAMES.map((n) => values[n]);
}

/**
 * Probability that two articles report one event, from their document features.
 * @example sameEventProbability(model.document, documentFeatures(candidates, context)) // 0.93
 */
export function sameEventProbability(model: DocumentModel, x: readonly number[]): number {
	let z = model.bias;
	for (let i = 0; i < x.length; i++) {
		z += model.weights[i] * ((x[i] - model.mean[i]) / model.scale[i]);
	}
	return 1 / (1 + Math.exp(-z));
}

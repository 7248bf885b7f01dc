/**
 * Clauses of a sentence, for what a long sentence says in one of its parts: "Yet, the Biden
 * administration is now beginning to deport Russian individuals on the basis that they are not
 * meeting the criteria …" states "the administration is deporting Russians" in its first clause,
 * and a short sentence of the other article may state just that. Whole-sentence cosine dilutes the
 * match with everything else the long sentence says; the best clause pair does not.
 */
import type { Token } from '../types';
import { isStopword } from '../text/tokens';
import { cosine, type LemmaStats, type SentenceVector } from './similarity';
import type { SentenceFeatures } from './types';

/** Punctuation that ends a clause or an inserted phrase. */
const BREAK_PUNCT = new Set([',', ';', ':', '—', '–', '(', ')']);
/** Words that open a new clause: contrast, concession, cause, time, condition, complements, relatives. */
const BREAK_WORDS = new Set([
	'that',
	'after',
	'before',
	'when',
	'if',
	'since',
	'but',
	'while',
	'although',
	'though',
	'whereas',
	'because',
	'despite',
	'which',
	'who',
	'whom',
	'whose'
]);
/** A clause needs a few content words to state anything; shorter ones join their neighbour. */
const MIN_CLAUSE_WORDS = 3;

/** Content-word lemmas of each clause of a token list. */
export function splitClauses(tokens: readonly Token[]): string[][] {
	const clauses: string[][] = [];
	let current: string[] = [];
	for (const t of tokens) {
		if ((t.kind === 'punct' && BREAK_PUNCT.has(t.text)) || BREAK_WORDS.has(t.lemma)) {
			if (current.length > 0) {
				closeClause(clauses, current);
				current = [];
			}
			continue;
		}
		if (t.kind === 'punct' || t.lemma.length < 2 || (t.kind === 'word' && isStopword(t.lemma))) {
			continue;
		}
		current.push(t.lemma);
	}
	if (current.length > 0) closeClause(clauses, current);
	return clauses.filter((c) => c.length > 0);
}

/** Ends a clause: long enough, or the first, it stands alone; else it joins the one before. */
function closeClause(clauses: string[][], current: string[]): void {
	if (current.length >= MIN_CLAUSE_WORDS || clauses.length === 0) clauses.push(current);
	else clauses[clauses.length - 1].push(...current);
}

/** Weighted vector of a list of lemmas (same weights as the sentence vectors). */
function vectorOf(lemmas: readonly string[], stats: LemmaStats, power: number): SentenceVector {
	const w = new Map<string, number>();
	let sq = 0;
	for (const lemma of lemmas) {
		const key = stats.family.get(lemma) ?? lemma;
		const x = Math.pow(stats.weights.get(key) ?? 0, power);
		if (x <= 0 || w.has(key)) continue;
		w.set(key, x);
		sq += x * x;
	}
	return { weights: w, norm: Math.sqrt(sq) };
}

/** Clause vectors of the sentences of one comparison, computed when first asked for. */
export class ClauseIndex {
	private readonly cache = new Map<SentenceFeatures, SentenceVector[]>();

	/** Weights and the power applied to them, as for the sentence vectors. */
	constructor(
		private readonly stats: LemmaStats,
		private readonly power: number
	) {}

	/** The clause vectors of a sentence. */
	vectors(s: SentenceFeatures): SentenceVector[] {
		let v = this.cache.get(s);
		if (!v) {
			v = splitClauses(s.tokens).map((c) => vectorOf(c, this.stats, this.power));
			this.cache.set(s, v);
		}
		return v;
	}

	/**
	 * Highest cosine between a clause of one sentence and a clause of the other.
	 * @example index.bestClauseSimilarity(sa, sb) // 0.61 where the sentences score 0.19
	 */
	bestClauseSimilarity(a: SentenceFeatures, b: SentenceFeatures): number {
		let best = 0;
		for (const x of this.vectors(a))
			for (const y of this.vectors(b)) best = Math.max(best, cosine(x, y));
		return best;
	}
}

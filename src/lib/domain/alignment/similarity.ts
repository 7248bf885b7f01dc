/**
 * Lexical similarity of two sentences from different articles: cosine of content-word vectors
 * weighted by how informative each word is, in everyday English (rare words weigh more) and
 * within the pair of articles (a word in every sentence, like the topic's own name, weighs less).
 */
import type { ArticleFeatures } from './features';
import { buildWordFamilies } from './word-families';
import type { SentenceFeatures } from './types';
import { wordInformation } from './word-weights';

/** Information (nats) of a word as frequent as "the": such words carry no weight at all. */
const INFORMATION_FLOOR = 4;
/** Cap so that an unknown name outweighs a rare everyday word only modestly (names ≈ 17.7). */
const INFORMATION_CAP = 13;

/** A sentence's weighted content-word vector with its Euclidean norm. */
export interface SentenceVector {
	weights: Map<string, number>;
	norm: number;
}

/**
 * Attribution verbs: news sentences wrap facts in "X said", "according to Y"; the wrapper is
 * not the fact, so these words count a fifth of their weight.
 */
const ATTRIBUTION = new Set(['say', 'tell', 'report', 'add', 'accord', 'according', 'quote']);
const ATTRIBUTION_FACTOR = 0.2;

/** Lemma statistics of a pair of articles, computed once per comparison. */
export interface LemmaStats {
	/** lemma → derivational family key ("deportation" → "deport") */
	family: Map<string, string>;
	/** background information × in-pair inverse sentence frequency, per family key */
	weights: Map<string, number>;
	/**
	 * In-pair rarity in 0..1 per family key: 1 for a word in one sentence, near 0 for one in
	 * every sentence (a protagonist's name says which story, not which fact of it).
	 */
	rarity: Map<string, number>;
}

/**
 * Weights and rarity of every content word family of the pair (eligible sentences only).
 * @example buildLemmaStats(fa, fb).weights.get('rehab') // > …get('say')
 */
export function buildLemmaStats(a: ArticleFeatures, b: ArticleFeatures): LemmaStats {
	const surface = new Map<string, string>();
	const lemmas = new Set<string>();
	const eligible = [...a.sentences, ...b.sentences].filter((s) => s.eligible);
	for (const s of eligible) {
		// punctuation is never a bag lemma, so its surface is never asked for
		for (const t of s.tokens) {
			if (t.kind !== 'punct' && !surface.has(t.lemma)) surface.set(t.lemma, t.text);
		}
		for (const l of s.bag.keys()) lemmas.add(l);
	}
	const family = buildWordFamilies(lemmas);
	// per family key, in order of first use: sentences using it, the last one counted, information
	const tallies = new Map<string, FamilyTally>();
	// per lemma, not per use: a lemma has one surface form here, so one information
	const lemmaInformation = new Map<string, number>();
	for (let si = 0; si < eligible.length; si++) {
		for (const l of eligible[si].bag.keys()) {
			const key = family.get(l) ?? l;
			let info = lemmaInformation.get(l);
			if (info === undefined) {
				info = wordInformation(surface.get(l) ?? l, l);
				lemmaInformation.set(l, info);
			}
			let f = tallies.get(key);
			if (!f) tallies.set(key, (f = { df: 0, last: -1, information: 0 }));
			if (f.last !== si) {
				f.last = si;
				f.df++;
			}
			// a family is as informative as its rarest member ("deportation" lends "deport" its weight)
			f.information = Math.max(f.information, info);
		}
	}
	const n = eligible.length;
	const weights = new Map<string, number>();
	const rarity = new Map<string, number>();
	const maxIdf = Math.log(1 + n);
	for (const [key, f] of tallies) {
		const info = Math.min(f.information, INFORMATION_CAP);
		const background = Math.max(0, info - INFORMATION_FLOOR);
		const local = Math.log(1 + n / f.df);
		const attribution = ATTRIBUTION.has(key) ? ATTRIBUTION_FACTOR : 1;
		weights.set(key, background * local * attribution);
		rarity.set(key, local / maxIdf);
	}
	return { family, weights, rarity };
}

/** A word family's counts while the lemma statistics are gathered. */
interface FamilyTally {
	/** eligible sentences using the family */
	df: number;
	/** the last sentence counted in df (a family used twice in one sentence counts once) */
	last: number;
	/** information of its rarest member */
	information: number;
}

/**
 * The weighted vector of one sentence over word families (a word repeated in one sentence
 * counts once: repeating it does not make the sentence state more of a fact).
 */
export function buildSentenceVector(
	s: SentenceFeatures,
	stats: LemmaStats,
	power = 1
): SentenceVector {
	const w = new Map<string, number>();
	let sq = 0;
	for (const lemma of s.bag.keys()) {
		const key = stats.family.get(lemma) ?? lemma;
		const x = Math.pow(stats.weights.get(key) ?? 0, power);
		if (x <= 0 || w.has(key)) continue;
		w.set(key, x);
		sq += x * x;
	}
	return { weights: w, norm: Math.sqrt(sq) };
}

/**
 * Cosine similarity of two sentence vectors (0..1).
 * @example cosine(v, v) // 1
 */
export function cosine(x: SentenceVector, y: SentenceVector): number {
	if (x.norm === 0 || y.norm === 0) return 0;
	// the smaller vector is walked (no array for the pair: this runs for every clause pair)
	const xSmaller = x.weights.size <= y.weights.size;
	const small = xSmaller ? x : y;
	const big = xSmaller ? y : x;
	let dot = 0;
	for (const [l, w] of small.weights) {
		const v = big.weights.get(l);
		if (v !== undefined) dot += w * v;
	}
	return dot / (x.norm * y.norm);
}

/** The lemmas two sentence vectors share, heaviest first. */
export function sharedLemmas(x: SentenceVector, y: SentenceVector): string[] {
	const out: [string, number][] = [];
	for (const [l, w] of x.weights) {
		const v = y.weights.get(l);
		if (v !== undefined) out.push([l, w * v]);
	}
	return out.sort((p, q) => q[1] - p[1]).map(([l]) => l);
}

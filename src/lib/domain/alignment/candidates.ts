/**
 * Candidate generation through an inverted index: only sentence pairs that share an informative
 * word are ever compared, so the cost grows with the postings, not with the product of the two
 * articles' lengths. The same pass records each sentence's best similarity on the other side
 * (the evidence for one-sided claims).
 */
import type { SentenceVector } from './similarity';

/** Pairs at or above the similarity floor, and each sentence's best similarity on the other side. */
export interface SimilarPairs {
	pairs: { a: number; b: number; similarity: number }[];
	bestA: number[];
	bestB: number[];
}

/**
 * Finds the sentence pairs whose weighted cosine reaches `minSimilarity`; `undefined` vectors
 * (ineligible sentences) take no part.
 * @example findSimilarPairs(vectorsA, vectorsB, 0.25).pairs // [{a:3, b:1, similarity:0.52}, …]
 */
export function findSimilarPairs(
	va: readonly (SentenceVector | undefined)[],
	vb: readonly (SentenceVector | undefined)[],
	minSimilarity: number
): SimilarPairs {
	// per word: sentence of B, weight, sentence, weight, … (flat: no object per posting)
	const postings = new Map<string, number[]>();
	vb.forEach((v, s) => {
		if (!v) return;
		for (const [l, w] of v.weights) {
			const p = postings.get(l);
			if (p) p.push(s, w);
			else postings.set(l, [s, w]);
		}
	});
	const pairs: SimilarPairs['pairs'] = [];
	const bestA = new Array<number>(va.length).fill(0);
	const bestB = new Array<number>(vb.length).fill(0);
	// dot products with the sentences of B met so far, and those sentences in the order met
	// (arrays reused for every sentence of A instead of a map: a long pair meets many postings)
	const dot = new Float64Array(vb.length);
	/** the sentence of A that last met each sentence of B */
	const metBy = new Int32Array(vb.length).fill(-1);
	const met: number[] = [];
	va.forEach((v, a) => {
		if (!v || v.norm === 0) return;
		met.length = 0;
		for (const [l, w] of v.weights) {
			const p = postings.get(l);
			if (!p) continue;
			for (let k = 0; k < p.length; k += 2) {
				const s = p[k];
				if (metBy[s] !== a) {
					metBy[s] = a;
					met.push(s);
				}
				dot[s] += w * p[k + 1];
			}
		}
		for (const b of met) {
			const d = dot[b];
			dot[b] = 0;
			const similarity = d / (v.norm * (vb[b] as SentenceVector).norm);
			if (similarity > bestA[a]) bestA[a] = similarity;
			if (similarity > bestB[b]) bestB[b] = similarity;
			if (similarity >= minSimilarity) pairs.push({ a, b, similarity });
		}
	});
	return { pairs, bestA, bestB };
}

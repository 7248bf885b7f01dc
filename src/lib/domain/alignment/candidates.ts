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
	// per word: the sentences of B using it and its weight in each (two arrays, so sentence
	// numbers stay small integers and no object is made per posting)
	const postings = new Map<string, Postings>();
	for (let s = 0; s < vb.length; s++) {
		const v = vb[s];
		if (v) v.weights.forEach((w, l) => addPosting(postings, l, s, w));
	}
	const pairs: SimilarPairs['pairs'] = [];
	const bestA = new Array<number>(va.length).fill(0);
	const bestB = new Array<number>(vb.length).fill(0);
	// dot products with the sentences of B met so far, and those sentences in the order met
	// (arrays reused for every sentence of A instead of a map: a long pair meets many postings)
	const dot = new Float64Array(vb.length);
	/** the sentence of A that last met each sentence of B */
	const metBy = new Int32Array(vb.length).fill(-1);
	const met: number[] = [];
	for (let a = 0; a < va.length; a++) {
		const v = va[a];
		if (!v || v.norm === 0) continue;
		met.length = 0;
		for (const l of v.weights.keys()) {
			const p = postings.get(l);
			if (!p) continue;
			const w = v.weights.get(l) as number;
			const { sentences, weights } = p;
			for (let k = 0; k < sentences.length; k++) {
				const s = sentences[k];
				if (metBy[s] !== a) {
					metBy[s] = a;
					met.push(s);
				}
				dot[s] += w * weights[k];
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
	}
	return { pairs, bestA, bestB };
}

/** The sentences of one article using a word, and the word's weight in each. */
interface Postings {
	sentences: number[];
	weights: number[];
}

/** Adds sentence `s` with weight `w` to the postings of word `l`. */
function addPosting(postings: Map<string, Postings>, l: string, s: number, w: number): void {
	const p = postings.get(l);
	if (p) {
		p.sentences.push(s);
		p.weights.push(w);
	} else postings.set(l, { sentences: [s], weights: [w] });
}

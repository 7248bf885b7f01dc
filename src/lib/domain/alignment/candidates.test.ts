import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findSimilarPairs } from './candidates';
import { cosine, type SentenceVector } from './similarity';

/** A sentence vector from lemma weights. */
function vector(entries: [string, number][]): SentenceVector {
	const weights = new Map(entries);
	return { weights, norm: Math.sqrt(entries.reduce((s, [, w]) => s + w * w, 0)) };
}

describe('findSimilarPairs', () => {
	it('finds exactly the pairs all-pairs cosine finds, and the best similarities', () => {
		const lemma = fc.constantFrom('war', 'draft', 'asylum', 'ice', 'guardian', 'march');
		const sentence = fc.option(
			fc.uniqueArray(fc.tuple(lemma, fc.double({ min: 0.1, max: 5, noNaN: true })), {
				selector: ([l]) => l,
				maxLength: 4
			}),
			{ nil: undefined }
		);
		fc.assert(
			fc.property(
				fc.array(sentence, { maxLength: 6 }),
				fc.array(sentence, { maxLength: 6 }),
				(xs, ys) => {
					const va = xs.map((x) => (x ? vector(x) : undefined));
					const vb = ys.map((y) => (y ? vector(y) : undefined));
					const { pairs, bestA, bestB } = findSimilarPairs(va, vb, 0.3);
					const expected: string[] = [];
					va.forEach((x, i) =>
						vb.forEach((y, j) => {
							if (x && y && x.norm > 0 && y.norm > 0 && cosine(x, y) >= 0.3)
								expected.push(`${i}-${j}`);
						})
					);
					expect(pairs.map((p) => `${p.a}-${p.b}`).sort()).toEqual(expected.sort());
					va.forEach((x, i) => {
						const best = Math.max(0, ...vb.map((y) => (x && y ? cosine(x, y) : 0)));
						expect(bestA[i]).toBeCloseTo(best);
					});
					expect(bestB).toHaveLength(vb.length);
				}
			)
		);
	});
});

import { describe, expect, it } from 'vitest';
import { sentenceAt } from './sentence-at';

/** Sentences of the given lengths, back to back from offset 0. */
const sentences = (lengths: number[]) => {
	let start = 0;
	return lengths.map((n, index) => {
		const s = { index, start, end: start + n };
		start += n;
		return s;
	});
};
const A = sentences([10, 10, 10]);

describe('sentenceAt', () => {
	it.each([
		[0, 0],
		[9, 0],
		[10, 1],
		[29, 2],
		[30, -1],
		[-1, -1]
	])('offset %i is in sentence %i', (offset, expected) => {
		expect(sentenceAt(A, offset)).toBe(expected);
	});
	it('finds nothing in an article without sentences', () => {
		expect(sentenceAt([], 0)).toBe(-1);
	});
});

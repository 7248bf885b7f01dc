import { describe, expect, it } from 'vitest';
import { estimateTextWidth, fitLabel, formatShare, round } from './text-fit';

describe('estimateTextWidth', () => {
	it.each([
		['', 12, 0],
		['iii', 10, 9.6],
		['mmm', 10, 28.5],
		['draft', 12, 12 * (0.62 + 0.32 + 0.62 + 0.32 + 0.32)]
	])('%j at %dpx is %d', (text, size, width) => {
		expect(estimateTextWidth(text, size)).toBeCloseTo(width, 5);
	});

	it('grows with font size and length', () => {
		expect(estimateTextWidth('asylum', 14)).toBeGreaterThan(estimateTextWidth('asylum', 12));
		expect(estimateTextWidth('asylums', 12)).toBeGreaterThan(estimateTextWidth('asylum', 12));
	});
});

describe('fitLabel', () => {
	const long = 'Legality, constitutionality and jurisprudence';
	it.each([
		['short label kept', 'Economic', 200, 'Economic'],
		['cut with ellipsis', long, 120, null],
		['nothing fits', long, 2, '']
	])('%s', (_name, text, width, expected) => {
		const fitted = fitLabel(text, width, 12);
		if (expected !== null) expect(fitted).toBe(expected);
		else {
			expect(fitted.endsWith('…')).toBe(true);
			expect(long.startsWith(fitted.slice(0, -1))).toBe(true);
		}
		expect(estimateTextWidth(fitted, 12)).toBeLessThanOrEqual(Math.max(width, 0));
	});
});

describe('formatShare and round', () => {
	it.each([
		[0, '0%'],
		[0.536, '54%'],
		[1, '100%'],
		[NaN, '0%'],
		[Infinity, '0%']
	])('formatShare(%d) = %s', (share, text) => {
		expect(formatShare(share)).toBe(text);
	});

	it.each([
		[1.23456, 1.23],
		[-0.005, -0],
		[NaN, 0]
	])('round(%d) = %d', (v, r) => {
		expect(round(v)).toBe(r);
	});
});

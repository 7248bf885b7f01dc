import { describe, expect, it } from 'vitest';
import { colorDistance, contrastRatio, type Deficiency } from '$lib/test-support/color-check';
import {
	GRID,
	HIGHLIGHT,
	INK,
	MUTED,
	ONE_SIDED_COLOR,
	PAPER,
	RELATION_STYLES,
	SIDE_COLORS,
	SIDE_TINTS
} from './palette';

const DEFICIENCIES: (Deficiency | undefined)[] = [
	undefined,
	'protanopia',
	'deuteranopia',
	'tritanopia'
];

describe('color-check', () => {
	it.each([
		['#000000', '#ffffff', 21],
		['#ffffff', '#ffffff', 1],
		['#767676', '#ffffff', 4.54]
	])('contrast %s on %s is %d', (fg, bg, ratio) => {
		expect(contrastRatio(fg, bg)).toBeCloseTo(ratio, 1);
	});

	it('measures black/white as 100 ΔE and grey as nothing between its own simulations', () => {
		expect(colorDistance('#000000', '#ffffff')).toBeCloseTo(100, 3);
		expect(colorDistance('#808080', '#808080', 'deuteranopia')).toBe(0);
	});

	it('simulation collapses the red/green pair a deuteranope confuses', () => {
		const normal = colorDistance('#d62728', '#2ca02c');
		const deutan = colorDistance('#d62728', '#2ca02c', 'deuteranopia');
		expect(deutan).toBeLessThan(normal / 2);
	});

	it('rejects malformed colours', () => {
		expect(() => contrastRatio('red', '#fff')).toThrow();
	});
});

describe('palette', () => {
	const texts: [string, string][] = [
		['ink', INK],
		['muted', MUTED],
		['side a', SIDE_COLORS.a],
		['side b', SIDE_COLORS.b]
	];
	it.each(texts)('%s text reaches 4.5:1 on paper, highlight and both tints', (_name, color) => {
		expect(contrastRatio(color, PAPER)).toBeGreaterThanOrEqual(4.5);
		expect(contrastRatio(color, HIGHLIGHT)).toBeGreaterThanOrEqual(4.5);
		expect(contrastRatio(color, SIDE_TINTS.a)).toBeGreaterThanOrEqual(4.5);
		expect(contrastRatio(color, SIDE_TINTS.b)).toBeGreaterThanOrEqual(4.5);
	});

	const marks: [string, string][] = [
		...Object.entries(RELATION_STYLES).map(([k, s]): [string, string] => [k, s.color]),
		['one-sided', ONE_SIDED_COLOR]
	];
	it.each(marks)('%s marks reach 3:1 on paper', (_name, color) => {
		expect(contrastRatio(color, PAPER)).toBeGreaterThanOrEqual(3);
	});

	it.each(DEFICIENCIES)('link and one-sided colours stay apart (ΔE ≥ 10) for %s', (d) => {
		const colors = marks.map(([, c]) => c);
		for (let i = 0; i < colors.length; i++)
			for (let j = i + 1; j < colors.length; j++)
				expect(colorDistance(colors[i], colors[j], d)).toBeGreaterThanOrEqual(10);
	});

	it.each(DEFICIENCIES)('A and B stay far apart (ΔE ≥ 40) for %s', (d) => {
		expect(colorDistance(SIDE_COLORS.a, SIDE_COLORS.b, d)).toBeGreaterThanOrEqual(40);
	});

	it('every relation has its own dash pattern and label, not only its own colour', () => {
		const styles = Object.values(RELATION_STYLES);
		expect(new Set(styles.map((s) => s.dash)).size).toBe(styles.length);
		expect(new Set(styles.map((s) => s.label)).size).toBe(styles.length);
	});

	it('grid lines stay faint: decoration, lighter than any mark', () => {
		expect(contrastRatio(GRID, PAPER)).toBeLessThan(3);
	});
});

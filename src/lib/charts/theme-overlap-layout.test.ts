import { describe, expect, it } from 'vitest';
import { loadSeedFixture } from '$lib/test-support/seed-fixture';
import { buildThemeOverlapLayout, THEME_LAYOUT, type ThemeInput } from './theme-overlap-layout';

const theme = (id: string, shareA: number, shareB: number, overlap = 0): ThemeInput => ({
	id,
	label: `${id} / term`,
	shareA,
	shareB,
	overlap,
	termCounts: [
		{ term: id, a: 3, b: 1 },
		{ term: 'term', a: 0, b: 5 }
	]
});

const THEMES = [theme('small', 0.1, 0.05), theme('big', 0.5, 0.25, 2), theme('mid', 0, 0.4, 1)];

describe('buildThemeOverlapLayout', () => {
	it.each([375, 640, 900])('at %d px: A left of centre, B right, lengths ∝ shares', (width) => {
		const layout = buildThemeOverlapLayout(THEMES, width);
		expect(layout.width).toBe(width);
		for (const row of layout.rows) {
			expect(row.a.x + row.a.width).toBeLessThanOrEqual(
				layout.centre - THEME_LAYOUT.gutter / 2 + 0.01
			);
			expect(row.b.x).toBeGreaterThanOrEqual(layout.centre + THEME_LAYOUT.gutter / 2 - 0.01);
			expect(row.a.x).toBeGreaterThanOrEqual(THEME_LAYOUT.margin);
			expect(row.b.x + row.b.width).toBeLessThanOrEqual(width - THEME_LAYOUT.margin);
		}
		const big = layout.rows.find((r) => r.id === 'big')!;
		const small = layout.rows.find((r) => r.id === 'small')!;
		// 0.5 : 0.25 on the same scale on both sides, 0.5 : 0.1 across rows
		expect(big.a.width / big.b.width).toBeCloseTo(2, 1);
		expect(big.a.width / small.a.width).toBeCloseTo(5, 1);
	});

	it('sorts rows by combined share, then id', () => {
		const rows = buildThemeOverlapLayout(
			[...THEMES, theme('aa-tie', 0.2, 0.1), theme('zz-tie', 0.1, 0.2)],
			640
		).rows;
		expect(rows.map((r) => r.id)).toEqual(['big', 'mid', 'aa-tie', 'zz-tie', 'small']);
	});

	it('puts each overlap mark in the middle of its own row', () => {
		const layout = buildThemeOverlapLayout(THEMES, 640);
		for (const row of layout.rows) {
			expect(row.overlap.cx).toBe(layout.centre);
			expect(row.overlap.cy - row.overlap.r).toBeGreaterThanOrEqual(row.y);
			expect(row.overlap.cy + row.overlap.r).toBeLessThanOrEqual(row.y + row.height);
		}
		expect(layout.rows.map((r) => r.overlap.count)).toEqual([2, 1, 0]);
	});

	it('stacks rows without overlap, inside the chart height', () => {
		const layout = buildThemeOverlapLayout(THEMES, 640);
		layout.rows.forEach((row, i) => {
			if (i > 0) expect(row.y).toBeCloseTo(layout.rows[i - 1].y + layout.rows[i - 1].height, 6);
			expect(row.barY).toBeGreaterThan(row.labelY - 1);
			expect(row.y + row.height).toBeLessThanOrEqual(layout.height);
		});
	});

	it.each([
		[
			'one share',
			theme('deportation', 0.536, 0.39, 2),
			'Theme deportation / term: 54% of A, 39% of B, 2 shared facts'
		],
		['singular fact', theme('x', 0, 1, 1), 'Theme x / term: 0% of A, 100% of B, 1 shared fact']
	])('labels marks: %s', (_name, t, label) => {
		expect(buildThemeOverlapLayout([t], 640).rows[0].ariaLabel).toBe(label);
	});

	it('places value labels outside the bars, towards the outer edges', () => {
		const [row] = buildThemeOverlapLayout([theme('x', 0.3, 0.3)], 640).rows;
		expect(row.a.valueX).toBeLessThan(row.a.x);
		expect(row.a.valueAnchor).toBe('end');
		expect(row.b.valueX).toBeGreaterThan(row.b.x + row.b.width);
		expect(row.b.valueAnchor).toBe('start');
	});

	it('orders tooltip terms by total use', () => {
		const [row] = buildThemeOverlapLayout([theme('x', 0.3, 0.3)], 640).rows;
		expect(row.terms.map((t) => t.term)).toEqual(['term', 'x']);
	});

	it.each([
		['no themes', [], 640],
		['all zero shares', [theme('z', 0, 0)], 640],
		['NaN share', [theme('n', NaN, 0.2)], 640],
		['zero width', THEMES, 0]
	])('%s gives finite numbers', (_name, themes, width) => {
		const layout = buildThemeOverlapLayout(themes, width);
		expect(layout.rows).toHaveLength(themes.length);
		const numbers = JSON.stringify(layout).match(/-?\d+(\.\d+)?|null/g) ?? [];
		expect(numbers).not.toContain('null');
		expect(Number.isFinite(layout.height)).toBe(true);
		for (const row of layout.rows) {
			expect(row.a.width).toBeGreaterThanOrEqual(0);
			expect(row.b.width).toBeGreaterThanOrEqual(0);
		}
	});

	it('lays out the seed pair: every theme, nothing outside the chart', () => {
		const { themes } = loadSeedFixture();
		const layout = buildThemeOverlapLayout(themes, 375);
		expect(layout.rows).toHaveLength(themes.length);
		for (const row of layout.rows) {
			expect(row.a.x).toBeGreaterThanOrEqual(0);
			expect(row.b.x + row.b.width).toBeLessThanOrEqual(375);
		}
	});
});

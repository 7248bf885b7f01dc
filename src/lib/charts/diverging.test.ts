import { describe, expect, it } from 'vitest';
import { buildDivergingAxis, type DivergingOptions } from './diverging';

const base: DivergingOptions = {
	width: 400,
	margin: 8,
	gutter: 40,
	valueRoom: 30,
	max: 0.5,
	tickFormat: (v) => `${v}`
};

describe('buildDivergingAxis', () => {
	it.each([
		['plain', base, { centre: 200, baseA: 180, baseB: 220, span: 142 }],
		['label room', { ...base, labelRoom: 50 }, { centre: 200, baseA: 130, baseB: 270, span: 92 }],
		[
			'narrow: no room left',
			{ ...base, width: 100 },
			{ centre: 50, baseA: 30, baseB: 70, span: 0 }
		],
		['zero width', { ...base, width: 0 }, { centre: 0, baseA: -20, baseB: 20, span: 0 }]
	])('%s', (_name, opts, expected) => {
		const axis = buildDivergingAxis(opts);
		expect({
			centre: axis.centre,
			baseA: axis.baseA,
			baseB: axis.baseB,
			span: axis.span
		}).toEqual(expected);
	});

	it('gives proportional lengths, equal on both sides, clamped to the span', () => {
		const axis = buildDivergingAxis(base);
		expect(axis.length(0.5)).toBeCloseTo(axis.span, 6);
		expect(axis.length(0.25)).toBeCloseTo(axis.span / 2, 6);
		expect(axis.length(2)).toBeCloseTo(axis.span, 6);
	});

	it.each([
		['NaN', NaN],
		['negative', -1],
		['zero', 0],
		['infinite', Infinity]
	])('%s value gives a zero-length bar', (_name, value) => {
		expect(buildDivergingAxis(base).length(value)).toBe(0);
	});

	it.each([
		['max 0', 0],
		['max NaN', NaN]
	])('%s falls back to a unit scale instead of NaN', (_name, max) => {
		const axis = buildDivergingAxis({ ...base, max });
		expect(axis.length(0.5)).toBeCloseTo(axis.span / 2, 6);
		for (const t of axis.ticks) expect(Number.isFinite(t.xA) && Number.isFinite(t.xB)).toBe(true);
	});

	it('mirrors ticks: A left of its baseline, B right of its baseline, same distance', () => {
		const axis = buildDivergingAxis(base);
		expect(axis.ticks.length).toBeGreaterThan(1);
		for (const t of axis.ticks) {
			expect(t.xA).toBeLessThanOrEqual(axis.baseA);
			expect(t.xB).toBeGreaterThanOrEqual(axis.baseB);
			expect(axis.baseA - t.xA).toBeCloseTo(t.xB - axis.baseB, 6);
			expect(t.label).toBe(String(t.value));
		}
	});

	it('draws no ticks when there is no room for bars', () => {
		expect(buildDivergingAxis({ ...base, width: 60 }).ticks).toEqual([]);
	});
});

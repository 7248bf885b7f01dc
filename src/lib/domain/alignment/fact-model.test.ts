import { describe, expect, it } from 'vitest';
import { FACT_MODEL, factProbability, probabilityBound } from './fact-model';
import { ACT_FEATURES, FEATURE_NAMES } from './pair-features';

describe('FACT_MODEL', () => {
	it('was fitted on the features the engine computes, with provenance and a calibration', () => {
		expect(FACT_MODEL.features).toEqual([...FEATURE_NAMES]);
		expect(FACT_MODEL.weights).toHaveLength(FEATURE_NAMES.length);
		expect(FACT_MODEL.version).toMatch(/^fact-model-\d+$/);
		expect(FACT_MODEL.calibration.a).toBeGreaterThan(0);
		expect(FACT_MODEL.threshold).toBeGreaterThan(FACT_MODEL.counterpart);
	});

	it('gives probabilities in 0..1 that rise with the evidence it weighs most', () => {
		const base = FACT_MODEL.mean.slice();
		const i = FEATURE_NAMES.indexOf('similarity');
		const p0 = factProbability(FACT_MODEL, base);
		const more = base.slice();
		more[i] = 1;
		expect(p0).toBeGreaterThan(0);
		expect(p0).toBeLessThan(1);
		expect(factProbability(FACT_MODEL, more)).toBeGreaterThan(p0);
	});
});

describe('probabilityBound', () => {
	const free = ACT_FEATURES.map((n) => FEATURE_NAMES.indexOf(n));
	it.each([
		['at the means', FACT_MODEL.mean.slice()],
		['all zero', FEATURE_NAMES.map(() => 0)],
		['all one', FEATURE_NAMES.map(() => 1)]
	])('is at least the probability of any act features in 0..1 (%s)', (_, x) => {
		const bound = probabilityBound(FACT_MODEL, x, free);
		// every corner of the act features' box
		for (let mask = 0; mask < 1 << free.length; mask++) {
			const y = x.slice();
			free.forEach((i, k) => (y[i] = (mask >> k) & 1));
			expect(factProbability(FACT_MODEL, y)).toBeLessThanOrEqual(bound + 1e-12);
		}
	});

	it('is the probability itself when no feature is free', () => {
		const x = FACT_MODEL.mean.slice();
		expect(probabilityBound(FACT_MODEL, x, [])).toBeCloseTo(factProbability(FACT_MODEL, x), 12);
	});
});

import { describe, expect, it } from 'vitest';
import { FACT_MODEL, factProbability } from './fact-model';
import { FEATURE_NAMES } from './pair-features';

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

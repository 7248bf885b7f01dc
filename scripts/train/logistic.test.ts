import { describe, expect, it } from 'vitest';
import { fitLogistic, predictLogistic } from './logistic';

describe('fitLogistic', () => {
	it('recovers the direction and size of a known effect', () => {
		// P(y=1) = σ(2x - 1) on a grid, expressed as weighted copies
		const X: number[][] = [];
		const y: number[] = [];
		for (let k = 0; k <= 20; k++) {
			const x = k / 10;
			const p = 1 / (1 + Math.exp(-(2 * x - 1)));
			const ones = Math.round(p * 200);
			for (let i = 0; i < 200; i++) {
				X.push([x]);
				y.push(i < ones ? 1 : 0);
			}
		}
		const fit = fitLogistic(X, y, { l2: 0 });
		expect(fit.weights[0] / fit.scale[0]).toBeCloseTo(2, 1);
		expect(predictLogistic(fit, [0.5])).toBeCloseTo(0.5, 1);
	});

	it('is deterministic and shrinks with a larger ridge', () => {
		const X = [[0], [1], [2], [3], [0.5], [2.5]];
		const y = [0, 0, 1, 1, 1, 0];
		expect(fitLogistic(X, y)).toEqual(fitLogistic(X, y));
		expect(Math.abs(fitLogistic(X, y, { l2: 10 }).weights[0])).toBeLessThan(
			Math.abs(fitLogistic(X, y, { l2: 0.1 }).weights[0])
		);
	});
});

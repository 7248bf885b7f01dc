import { describe, expect, it } from 'vitest';
import { cueFrames, majorityBaseline, scoreFrames, type FramingSet } from './frames';

// hand-made texts in the data sets' shape (no issue-framing text)
const set: FramingSet = {
	name: 'test',
	labels: [1, 5, 7],
	items: [
		{ text: 'The court ruled the statute unconstitutional.', gold: new Set([5]) },
		{ text: 'Police arrested the smugglers.', gold: new Set([7]) },
		{ text: 'Taxes and wages rose with inflation.', gold: new Set([1]) },
		{ text: 'The judge jailed the offender.', gold: new Set([5, 7]) },
		{ text: 'Nothing to see here.', gold: new Set([5]) }
	]
};

describe('scoreFrames', () => {
	it('scores the cue frames per class, with top-frame and exact-set accuracy', () => {
		const r = scoreFrames(set, cueFrames);
		expect(r.answered).toBe(4 / 5);
		expect(r.accuracy).toBe(4 / 5);
		expect(r.exact).toBe(4 / 5);
		const legal = r.classes.find((c) => c.code === 5)!;
		// gold 5 in three texts, found in two; predicted twice, both right
		expect(legal).toMatchObject({ support: 3, precision: 1 });
		expect(legal.recall).toBeCloseTo(2 / 3);
		expect(r.macroF1).toBeCloseTo((1 + 0.8 + 1) / 3);
	});

	it('gives the majority baseline one class and F1 only there', () => {
		const majority = majorityBaseline(set);
		expect(majority.code).toBe(5);
		const r = scoreFrames(set, majority.system);
		expect(r.accuracy).toBe(3 / 5);
		expect(r.classes.filter((c) => c.f1 > 0).map((c) => c.code)).toEqual([5]);
	});
});

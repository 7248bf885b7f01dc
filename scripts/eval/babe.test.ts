import { describe, expect, it } from 'vitest';
import { runBabe, type BabeSentence } from './babe';

// hand-made sentences in BABE's shape (no BABE text): gold words are listed, not located
const data: BabeSentence[] = [
	{ text: 'Critics slammed the phony plan.', biased: ['slammed', 'phony'], label: 'Biased' },
	{ text: 'The mayor said the plan would pass.', biased: [], label: 'Non-biased' },
	{ text: 'The bizarre rally drew a large crowd.', biased: ['bizarre'], label: 'Biased' }
];

describe('runBabe', () => {
	const report = runBabe(data, 3);

	it('scores the layer word by word against the listed words', () => {
		// spans: slammed, phony, bizarre — all marked; 3 of the 3 marked words found
		expect(report.loaded).toMatchObject({ spans: 3, predicted: 3, hits: 3, gold: 3 });
		expect(report.loaded.precision).toBe(1);
		expect(report.loaded.recall).toBe(1);
		expect(report.loaded.inBiased).toBe(1);
		expect(report.words).toBe(5 + 7 + 7);
	});

	it('draws random spans of the same count and length in the same sentences', () => {
		expect(report.random.spans).toBe(3);
		expect(report.random.predicted).toBe(3);
		expect(report.random.precision).toBeLessThan(1);
	});

	it('runs the adjective/adverb baseline in the same call', () => {
		expect(report.adjAdv.spans).toBeGreaterThan(0);
		expect(report.adjAdv.hits).toBeGreaterThan(0);
	});

	it('breaks the layer down by kind', () => {
		const byKind = Object.fromEntries(report.byKind.map((k) => [k.kind, k.spans]));
		expect(byKind).toMatchObject({ saying: 1, loaded: 2 });
	});
});

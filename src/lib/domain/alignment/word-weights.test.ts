import { describe, expect, it } from 'vitest';
import { backgroundCount, isCommonWord, wordInformation } from './word-weights';

describe('wordInformation', () => {
	it.each([
		// rarer in everyday English → more informative
		[
			['rehab', 'rehab'],
			['said', 'say']
		],
		[
			['deportations', 'deportation'],
			['people', 'people']
		],
		[
			['Lohan', 'lohan'],
			['police', 'police']
		]
	])('%j says more than %j', ([s1, l1], [s2, l2]) => {
		expect(wordInformation(s1, l1)).toBeGreaterThan(wordInformation(s2, l2));
	});
});

describe('isCommonWord', () => {
	it.each([
		['checks', true],
		['Into', true],
		['lohan', false],
		['ketsoyan', false]
	])('%s → %s', (word, expected) => {
		expect(isCommonWord(word)).toBe(expected);
	});
});

describe('backgroundCount', () => {
	it.each([
		// SUBTLEXus counts, from the compact top-20,000 list the framing prior ships
		['police', 12044],
		['Police', 12044],
		['rehab', 331],
		// below the list's floor (39 uses): unknown, hence rare
		['ketsoyan', 0]
	])('%s → %d', (word, count) => {
		expect(backgroundCount(word)).toBe(count);
	});
});

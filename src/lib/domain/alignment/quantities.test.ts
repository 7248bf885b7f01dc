import { describe, expect, it } from 'vitest';
import { tokenize } from '../text/tokens';
import { extractDates } from './dates';
import { extractQuantities } from './quantities';

/** Quantities found in a sentence (dates excluded first, as the engine does). */
function quantities(text: string) {
	const tokens = tokenize(text);
	const { used } = extractDates(tokens, text, 0);
	return extractQuantities(tokens, text, 0, used).map(({ start, end, ...q }) => {
		expect(text.slice(start, end)).toBe(q.text);
		return q;
	});
}

describe('extractQuantities', () => {
	it.each([
		['The navy captured 26 pirates.', [{ text: '26 pirates', value: 26, unit: 'pirate' }]],
		['took 23 of the raiders', [{ text: '23 of the raiders', value: 23, unit: 'raider' }]],
		[
			'around 26,580 Russians have tried',
			[{ text: '26,580 Russians', value: 26580, unit: 'russian' }]
		],
		['offering a $ 35,000 reward', [{ text: '$ 35,000', value: 35000, unit: '$' }]],
		['a $2.5 million deal', [{ text: '$2.5 million', value: 2.5e6, unit: '$' }]],
		['a 5.6-magnitude quake', [{ text: '5.6-magnitude', value: 5.6, unit: 'magnitude' }]],
		['A 61-year-old man', [{ text: '61-year-old', value: 61, unit: 'year-old' }]],
		['three people were killed', [{ text: 'three people', value: 3, unit: 'people' }]],
		// a capitalised modifier: the noun it modifies is what is counted
		[
			'seized 26 Somali pirates',
			[{ text: '26 Somali', value: 26, unit: 'somali', noun: 'pirate' }]
		],
		['up 10% on the year', [{ text: '10%', value: 10, unit: '%' }]],
		[
			'the 81st Academy Awards',
			[{ text: '81st Academy', value: 81, unit: 'academy', ordinal: true }]
		],
		['Tara Reid, 33, entered', [{ text: '33', value: 33 }]],
		// clock times, dates, glued names and "one" are not amounts
		['at 17:06 pm and 1 : 12 PM', []],
		['on March 18, 2023', []],
		['the Philadelphia 76ers', []],
		['one of the best', []]
	])('%s', (text, expected) => {
		expect(quantities(text)).toEqual(expected);
	});
});

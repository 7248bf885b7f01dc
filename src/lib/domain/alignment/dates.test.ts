import { describe, expect, it } from 'vitest';
import { tokenize } from '../text/tokens';
import { extractDates } from './dates';

/** Dates found in a sentence, without offsets. */
function dates(text: string) {
	return extractDates(tokenize(text), text, 0).dates.map(({ start, end, ...d }) => {
		expect(text.slice(start, end)).toBe(d.text);
		return d;
	});
}

describe('extractDates', () => {
	it.each([
		['The Guardian reported this on March 18.', [{ text: 'March 18', month: 3, day: 18 }]],
		['at some point in March 2023, the Guardian', [{ text: 'March 2023', month: 3, year: 2023 }]],
		['Posted May 2, 2013, 1:12 PM', [{ text: 'May 2, 2013', month: 5, day: 2, year: 2013 }]],
		['21 July 2013 Last updated', [{ text: '21 July 2013', day: 21, month: 7, year: 2013 }]],
		['Posted 11/28/05 at noon', [{ text: '11/28/05', month: 11, day: 28, year: 2005 }]],
		['27 / 09 / 2013 - Turkmenistan', [{ text: '27 / 09 / 2013', month: 9, day: 27, year: 2013 }]],
		[
			'updated Tue March 3, 2009',
			[{ text: 'Tue March 3, 2009', month: 3, day: 3, year: 2009, weekday: 2 }]
		],
		['She died Thursday night.', [{ text: 'Thursday', weekday: 4 }]],
		['He was arrested yesterday.', [{ text: 'yesterday', relative: 'yesterday' }]],
		['They left last night.', [{ text: 'last night', relative: 'last night' }]],
		['graduated in 2022 with', [{ text: '2022', year: 2022 }]],
		// everyday words and amounts are not dates
		['They may march in August.', [{ text: 'August', month: 8 }]],
		['around 26,580 Russians and 1336 people', []],
		['ambiguous 03/04/2020 order', [{ text: '03/04/2020', year: 2020 }]]
	])('%s', (text, expected) => {
		expect(dates(text)).toEqual(expected);
	});
});

import { describe, expect, it } from 'vitest';
import { segmentArticle } from '../text/segment';
import { compareDates, matchDetails } from './details';
import { buildArticleFeatures } from './features';

describe('compareDates', () => {
	it.each([
		[{ month: 3, year: 2023 }, { month: 3, day: 18 }, 'finer'],
		[{ month: 3, day: 18 }, { month: 3, day: 18 }, 'same'],
		[{ year: 2008 }, { year: 2013 }, 'conflict'],
		[{ month: 3, day: 18 }, { month: 3, day: 19 }, 'conflict'],
		[{ year: 2013 }, { month: 3, day: 18 }, 'unrelated'],
		[{ weekday: 6 }, { weekday: 5 }, 'conflict'],
		[{ relative: 'yesterday' }, { relative: 'yesterday' }, 'same'],
		[{ relative: 'yesterday' }, { weekday: 2 }, 'unrelated']
	])('%j vs %j → %s', (x, y, expected) => {
		expect(compareDates(x, y)).toBe(expected);
	});
});

/** Details matched between the first sentences of two one-line articles. */
function details(a: string, b: string) {
	const fa = buildArticleFeatures(segmentArticle(a));
	const fb = buildArticleFeatures(segmentArticle(b));
	const d = matchDetails(fa.sentences[0], fb.sentences[0], fa, fb);
	return {
		entities: d.entities.map((e) => `${e.a.text}=${e.b.text}`),
		quantities: d.quantities.map((q) => `${q.a.text}=${q.b.text}`),
		dates: d.dates.map((x) => `${x.a.text}=${x.b.text}`),
		quantityConflicts: d.quantityConflicts.map((q) => `${q.a.text}≠${q.b.text}`),
		dateConflicts: d.dateConflicts.map((x) => `${x.a.text}≠${x.b.text}`),
		unknownA: d.unknownA.map((e) => e.text),
		unknownB: d.unknownB.map((e) => e.text)
	};
}

describe('matchDetails', () => {
	it.each([
		[
			'The Indian Navy captured 23 pirates in the Gulf of Aden on Saturday.',
			'Indian commandos arrested 26 pirates in the Gulf of Aden on Thursday.',
			{ quantityConflicts: ['23 pirates≠26 pirates'], entities: ['Gulf of Aden=Gulf of Aden'] }
		],
		[
			'In March 2023, the Guardian revealed that deportations had resumed.',
			'The Guardian reported this on March 18.',
			{ dates: ['March 2023=March 18'], entities: ['Guardian=Guardian'] }
		],
		[
			'A 5.6-magnitude earthquake hit Qeshm island in 2008.',
			'A 5.9-magnitude earthquake hit Qeshm island in 2005.',
			{ quantityConflicts: ['5.6-magnitude≠5.9-magnitude'], dateConflicts: ['2008≠2005'] }
		],
		[
			'Tara Reid checked into rehab in Malibu.',
			'Lindsay Lohan checked into rehab in Malibu.',
			{ unknownA: ['Tara Reid'], unknownB: ['Lindsay Lohan'], entities: ['Malibu=Malibu'] }
		],
		[
			'The navy captured 23 pirates on Saturday.',
			'The navy seized 26 Somali pirates on Thursday.',
			{ quantityConflicts: ['23 pirates≠26 Somali'] }
		],
		// ages and spans count different things in one story: no clash
		[
			'A 60-year-old woman was arrested after eight days.',
			'Police solved the 41-year-old case after five days.',
			{ quantityConflicts: [], quantities: [] }
		],
		[
			'Around 26,580 Russians have tried to cross.',
			'About 26,000 Russians tried to cross.',
			{ quantities: ['26,580 Russians=26,000 Russians'] }
		]
	])('%s | %s', (a, b, expected) => {
		expect(details(a, b)).toMatchObject(expected);
	});
});

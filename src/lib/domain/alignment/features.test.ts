import { describe, expect, it } from 'vitest';
import { segmentArticle } from '../text/segment';
import { buildArticleFeatures } from './features';

const article = segmentArticle(
	[
		'Lindsay Lohan Checks Into Betty Ford Center',
		'Lindsay Lohan checked into the Betty Ford Center on Thursday, May 2, 2013, to begin a 90-day stay. Both call it a meat grinder.',
		'Photo: Étienne Laurent/EPA'
	].join('\n\n')
);
const features = buildArticleFeatures(article);

describe('buildArticleFeatures', () => {
	it.each([
		// [sentence, eligible, headline]
		[0, true, true],
		[1, true, false],
		[2, true, false],
		[3, false, true]
	])('sentence %i: eligible %s, headline %s', (i, eligible, headline) => {
		expect(features.sentences[i].eligible).toBe(eligible);
		expect(features.sentences[i].headline).toBe(headline);
	});

	it('extracts names, numbers, dates and phrases of a sentence', () => {
		const s = features.sentences[1];
		expect(s.entities.map((e) => e.text)).toEqual(['Lindsay Lohan', 'Betty Ford Center']);
		expect(s.quantities.map((q) => [q.text, q.value, q.unit])).toEqual([['90-day', 90, 'day']]);
		expect(s.dates.map((d) => [d.text, d.year, d.month, d.day, d.weekday])).toEqual([
			['Thursday, May 2, 2013', 2013, 5, 2, 4]
		]);
		expect(features.sentences[2].phrases).toContain('meat grinder');
		// "checked into" is read as the one word it means
		expect([...s.bag.keys()]).toEqual(expect.arrayContaining(['lohan', 'enter', 'stay']));
		expect(s.bag.has('check')).toBe(false);
	});

	it('collects the names and words the article uses (not its furniture)', () => {
		expect(features.nameKeys.has('lohan')).toBe(true);
		expect(features.lemmas.has('epa')).toBe(false);
	});
});

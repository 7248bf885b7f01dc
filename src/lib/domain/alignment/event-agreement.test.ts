import { describe, expect, it } from 'vitest';
import { segmentArticle } from '../text/segment';
import { buildEventAgreement } from './event-agreement';
import { buildArticleFeatures } from './features';

/** Agreement of two texts. */
function agreement(a: string, b: string) {
	return buildEventAgreement(
		buildArticleFeatures(segmentArticle(a)),
		buildArticleFeatures(segmentArticle(b))
	);
}

describe('buildEventAgreement', () => {
	it.each([
		{
			name: 'same names: full agreement',
			a: 'Tara Reid checked into Promises in Malibu. Reid was 33.',
			b: 'Actress Tara Reid entered Promises, a clinic in Malibu.',
			names: [0.99, 1.01],
			yearConflict: false
		},
		{
			name: 'no names in common: none',
			a: 'Tara Reid checked into Promises in Malibu.',
			b: 'Lindsay Lohan checked into the Betty Ford Center in Rancho Mirage.',
			names: [-0.01, 0.01],
			yearConflict: false
		},
		{
			name: 'years that never meet halve the agreement',
			a: 'A quake hit Qeshm in Iran in 2008.',
			b: 'A quake hit Qeshm in Iran in 2005.',
			names: [0.99, 1.01],
			yearConflict: true
		}
	])('$name', ({ a, b, names, yearConflict }) => {
		const r = agreement(a, b);
		expect(r.names).toBeGreaterThan(names[0]);
		expect(r.names).toBeLessThan(names[1]);
		expect(r.yearConflict).toBe(yearConflict);
		expect(r.score).toBeCloseTo(yearConflict ? r.names / 2 : r.names);
	});
});

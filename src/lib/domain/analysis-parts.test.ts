import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeComparison } from './analysis';
import { analysisDetails, hasDetails, joinAnalysis, readingPart } from './analysis-parts';
import { segmentArticle } from './text/segment';

const read = (f: string) => readFileSync(new URL(`../../../seeds/${f}`, import.meta.url), 'utf8');
const a = segmentArticle(read('000_22ed28cde7db5cf9.txt'));
const b = segmentArticle(read('004_cb2015502c2df88f.txt'));

describe('the reading part and the panel’s parts of an analysis', () => {
	const whole = analyzeComparison(a, b);
	const reading = readingPart(whole);
	const details = analysisDetails(whole);

	it('the reading part keeps what the text shows and leaves the panel’s parts out', () => {
		expect(Object.keys(reading).sort()).toEqual(
			[
				'contrasts',
				'engineVersion',
				'loadedLanguage',
				'oneSided',
				'sharedFacts',
				'wordChoices'
			].sort()
		);
		expect(reading.sharedFacts).toBe(whole.sharedFacts);
		// the page's first load carries much less of it
		expect(JSON.stringify(reading).length).toBeLessThan(JSON.stringify(whole).length / 2);
	});

	it.each([
		{ name: 'the whole analysis', given: whole, want: true },
		{ name: 'the reading part', given: reading, want: false },
		{
			name: 'the reading part with one part back',
			given: { ...reading, themes: whole.themes },
			want: false
		}
	])('hasDetails: $name → $want', ({ given, want }) => {
		expect(hasDetails(given)).toBe(want);
	});

	it.each([
		{
			name: 'both halves: the whole again',
			parts: () => joinAnalysis(reading, details),
			same: true
		},
		{ name: 'a whole analysis stays itself', parts: () => joinAnalysis(whole, null), same: true },
		{
			name: 'before the panel’s parts come: they read as empty',
			parts: () => joinAnalysis(reading, null),
			same: false
		}
	])('joinAnalysis: $name', ({ parts, same }) => {
		const joined = parts();
		if (same) expect(joined).toEqual(whole);
		else
			expect(joined).toEqual({
				...reading,
				terms: { a: [], b: [] },
				themes: [],
				frames: { a: { sentences: [], profile: [] }, b: { sentences: [], profile: [] } },
				factFrames: []
			});
	});
});

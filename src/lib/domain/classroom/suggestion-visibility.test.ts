import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeComparison } from '../analysis';
import { segmentArticle } from '../text/segment';
import {
	hiddenReason,
	suggestionsVisible,
	withholdSuggestions,
	type SuggestionMode
} from './suggestion-visibility';

const read = (f: string) =>
	readFileSync(new URL(`../../../../seeds/${f}`, import.meta.url), 'utf8');

describe('suggestionsVisible', () => {
	it.each([
		['off', 'individual', false],
		['off', 'reveal', false],
		['off', 'discuss', false],
		['after-reveal', 'individual', false],
		['after-reveal', 'reveal', true],
		['after-reveal', 'discuss', true],
		['on', 'individual', true],
		['on', 'reveal', true],
		['on', 'discuss', true]
	] as const)('%s in the %s phase → %s', (mode, phase, shown) => {
		expect(suggestionsVisible(mode, phase)).toBe(shown);
	});
});

describe('hiddenReason', () => {
	it.each([
		['off', /turned the machine’s suggestions off/],
		['after-reveal', /after the teacher reveals/]
	] as const)('%s says why', (mode: SuggestionMode, text) => {
		expect(hiddenReason(mode)).toMatch(text);
	});
});

describe('withholdSuggestions', () => {
	const analysis = analyzeComparison(
		segmentArticle(read('000_22ed28cde7db5cf9.txt')),
		segmentArticle(read('004_cb2015502c2df88f.txt'))
	);
	const held = withholdSuggestions(analysis);

	it('starts from an analysis that has every kind of suggestion', () => {
		expect(analysis.sharedFacts.length).toBeGreaterThan(0);
		expect(analysis.contrasts.length + analysis.oneSided.a.length).toBeGreaterThan(0);
		expect(analysis.wordChoices.length).toBeGreaterThan(0);
		expect(analysis.loadedLanguage.b.length).toBeGreaterThan(0);
		expect(analysis.frames.a.sentences.length).toBeGreaterThan(0);
		expect(analysis.themes.some((t) => t.overlap > 0)).toBe(true);
	});

	it.each([
		['sharedFacts', (x: typeof held) => x.sharedFacts.length],
		['contrasts', (x: typeof held) => x.contrasts.length],
		['oneSided', (x: typeof held) => x.oneSided.a.length + x.oneSided.b.length],
		['factFrames', (x: typeof held) => x.factFrames.length],
		['wordChoices', (x: typeof held) => x.wordChoices.length],
		['loadedLanguage', (x: typeof held) => x.loadedLanguage.a.length + x.loadedLanguage.b.length],
		[
			'frames per sentence',
			(x: typeof held) => x.frames.a.sentences.length + x.frames.b.sentences.length
		],
		['frame profile', (x: typeof held) => x.frames.a.profile.reduce((s, p) => s + p.sentences, 0)],
		[
			'facts in themes',
			(x: typeof held) => x.themes.reduce((s, t) => s + t.overlap + t.sharedFacts.length, 0)
		]
	])('takes out %s', (_name, count) => {
		expect(count(held)).toBe(0);
	});

	it('keeps the word counts: distinctive terms, theme word groups, the 15 frames', () => {
		expect(held.terms).toEqual(analysis.terms);
		expect(held.themes.map((t) => t.terms)).toEqual(analysis.themes.map((t) => t.terms));
		expect(held.frames.b.profile.map((p) => p.code)).toEqual(
			analysis.frames.b.profile.map((p) => p.code)
		);
	});

	it('sends none of the suggestions’ wording: no suggested passage survives in the JSON', () => {
		const json = JSON.stringify(held);
		for (const fact of analysis.sharedFacts) expect(json).not.toContain(`"${fact.id}"`);
		for (const span of analysis.loadedLanguage.b) expect(json).not.toContain(span.why);
	});
});

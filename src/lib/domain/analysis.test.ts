import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeComparison, ENGINE_VERSION } from './analysis';
import { segmentArticle } from './text/segment';

const read = (f: string) => readFileSync(new URL(`../../../seeds/${f}`, import.meta.url), 'utf8');
const a = segmentArticle(read('000_22ed28cde7db5cf9.txt'));
const b = segmentArticle(read('004_cb2015502c2df88f.txt'));

describe('analyzeComparison', () => {
	const analysis = analyzeComparison(a, b);

	it.each([
		'sharedFacts',
		'contrasts',
		'oneSided',
		'terms',
		'themes',
		'frames',
		'factFrames',
		'wordChoices',
		'loadedLanguage'
	])('has %s', (key) => {
		expect(analysis).toHaveProperty(key);
	});

	it('marks the loaded wording a teacher would point at, few per article', () => {
		expect(analysis.loadedLanguage.b.map((s) => s.exact)).toContain('heinous attack');
		for (const side of ['a', 'b'] as const) {
			expect(analysis.loadedLanguage[side].length).toBeLessThan(15);
		}
	});

	it('shows the word choices a teacher would point at on the seed pair', () => {
		const choices = analysis.wordChoices.map((w) => [w.a, w.b, w.kind]);
		// how each names the people deported, and the image both use
		expect(choices).toContainEqual(['migrants', 'war resisters', 'naming']);
		expect(choices).toContainEqual(['meat grinder', 'meat grinder', 'shared']);
		// two different acts of two different actors are no choice of words
		expect(choices.flat()).not.toContain('contributing');
	});

	it('gives every shared fact the frames of each side, keyed by its id', () => {
		expect(analysis.factFrames.map((f) => f.id)).toEqual(analysis.sharedFacts.map((f) => f.id));
		const framed = analysis.factFrames.filter((f) => f.a.length + f.b.length > 0);
		expect(framed.length).toBeGreaterThan(0);
		for (const f of framed) {
			for (const frame of [...f.a, ...f.b]) expect(frame.cues.length).toBeGreaterThan(0);
		}
	});

	it('carries the engine version the server caches by', () => {
		expect(analysis.engineVersion).toBe(ENGINE_VERSION);
	});

	it('never reports a linked passage as one-sided', () => {
		const linkedA = new Set(analysis.sharedFacts.map((f) => f.a.sentence));
		const linkedB = new Set(analysis.sharedFacts.map((f) => f.b.sentence));
		expect(analysis.oneSided.a.filter((c) => linkedA.has(c.sentence))).toEqual([]);
		expect(analysis.oneSided.b.filter((c) => linkedB.has(c.sentence))).toEqual([]);
		expect(analysis.oneSided.a.length).toBeGreaterThan(0);
	});

	it('is deterministic', () => {
		expect(JSON.stringify(analyzeComparison(a, b))).toBe(JSON.stringify(analysis));
	});
});

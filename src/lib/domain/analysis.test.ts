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
		'oneSided',
		'terms',
		'themes',
		'frames',
		'wordChoices',
		'loadedLanguage'
	])('has %s', (key) => {
		expect(analysis).toHaveProperty(key);
	});

	it('marks the loaded wording a teacher would point at, few per article', () => {
		expect(analysis.loadedLanguage.b.map((s) => s.exact)).toContain('heinous');
		for (const side of ['a', 'b'] as const) {
			expect(analysis.loadedLanguage[side].length).toBeLessThan(15);
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

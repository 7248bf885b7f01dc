import { describe, expect, it } from 'vitest';
import type { SharedFact } from '$lib/domain/alignment/types';
import { buildOneSidedSets, buildSentenceLinks, isVisible, otherSide, ribbonPath } from './links';

const fact = (id: string, a: number, b: number): SharedFact => ({
	id,
	a: { sentence: a, start: 0, end: 1 },
	b: { sentence: b, start: 0, end: 1 },
	score: 0.9,
	relation: 'same',
	entities: [],
	numbers: [],
	dates: [],
	phrases: [],
	diff: []
});

describe('buildSentenceLinks', () => {
	it.each([
		{ name: 'no facts', facts: [], a: [], b: [] },
		{
			name: 'one fact',
			facts: [fact('a1-b2', 1, 2)],
			a: [[1, ['a1-b2']]],
			b: [[2, ['a1-b2']]]
		},
		{
			name: 'one sentence in two facts',
			facts: [fact('a1-b2', 1, 2), fact('a1-b5', 1, 5)],
			a: [[1, ['a1-b2', 'a1-b5']]],
			b: [
				[2, ['a1-b2']],
				[5, ['a1-b5']]
			]
		}
	])('$name', ({ facts, a, b }) => {
		const links = buildSentenceLinks(facts);
		expect([...links.a]).toEqual(a);
		expect([...links.b]).toEqual(b);
	});
});

describe('ribbonPath', () => {
	it('starts at A top-left, closes, and spans the gutter width', () => {
		const d = ribbonPath({ top: 10, bottom: 30 }, { top: 100, bottom: 140 }, 72);
		expect(d.startsWith('M0,10')).toBe(true);
		expect(d.endsWith('Z')).toBe(true);
		expect(d).toContain('72,100');
		expect(d).toContain('72,140');
		expect(d).toContain('0,30');
	});
});

describe('small helpers', () => {
	it.each([
		[{ top: -10, bottom: 5 }, 100, true],
		[{ top: 90, bottom: 120 }, 100, true],
		[{ top: -30, bottom: -1 }, 100, false],
		[{ top: 101, bottom: 120 }, 100, false]
	])('isVisible(%o, %i) = %s', (extent, height, expected) => {
		expect(isVisible(extent, height)).toBe(expected);
	});
	it('otherSide', () => {
		expect(otherSide('a')).toBe('b');
		expect(otherSide('b')).toBe('a');
	});
	it('one-sided sets', () => {
		const sets = buildOneSidedSets({
			a: [{ sentence: 3, start: 0, end: 1, bestSimilarity: 0, unmatchedDetails: [] }],
			b: []
		});
		expect([...sets.a]).toEqual([3]);
		expect(sets.b.size).toBe(0);
	});
});

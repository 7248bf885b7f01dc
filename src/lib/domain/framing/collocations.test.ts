import { describe, expect, it } from 'vitest';
import { createArticle } from './article-fixture';
import { buildPairTerms } from './collocations';

const pairTerms = (a: string[], b: string[]) => {
	const pair = buildPairTerms(createArticle([a]), createArticle([b]));
	return {
		keys: [...pair.collocations.values()].map((c) => `${c.lemma}:${c.count}`),
		a: pair.a.map((s) => s.terms.map((t) => t.lemma)),
		b: pair.b.map((s) => s.terms.map((t) => t.lemma))
	};
};

describe('buildPairTerms: collocations', () => {
	it('joins a pair used together across both articles, with a readable lemma', () => {
		const r = pairTerms(
			['The working class pays.'],
			['Working classes unite.', 'The working class.']
		);
		expect(r.keys).toEqual(['working class:3']);
		expect(r.a).toEqual([['working class', 'pay']]);
		expect(r.b).toEqual([['working class', 'unite'], ['working class']]);
	});

	it.each([
		{ name: 'seen once', a: ['Credible fear matters.'], b: ['Nothing else.'] },
		{
			name: 'apart more than together',
			// 2 together, "credible" 5 and "fear" 5 in all: 2 < 0.5 · 5
			a: ['Credible fear.', 'Fear grows.', 'Fear rises.', 'Fear stays.'],
			b: ['Credible fear.', 'Credible sources.', 'Credible witness.', 'Credible claims.']
		},
		{ name: 'across punctuation', a: ['Class, work.'], b: ['Class, work.'] },
		{
			name: 'a verb and its named object',
			a: ['They welcome Russians.'],
			b: ['We welcome Russians.']
		},
		{ name: 'a plural subject and its verb', a: ['Russians fled.'], b: ['Russians fled.'] },
		{ name: 'a possessive', a: ['Putin’s draft.'], b: ['Putin’s draft.'] },
		{ name: 'a generic word', a: ['McKee said.'], b: ['McKee said.'] }
	])('does not join: $name', ({ a, b }) => {
		expect(pairTerms(a, b).keys).toEqual([]);
	});

	it('lets the more frequent of two overlapping collocations win', () => {
		const r = pairTerms(
			['Russian war resisters.', 'War resisters.'],
			['Russian war resisters.', 'War resisters.', 'Russian war.']
		);
		expect(r.a[0]).toEqual(['russian', 'war resister']);
	});
});

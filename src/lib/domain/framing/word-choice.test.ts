import { describe, expect, it } from 'vitest';
import { createArticle } from './article-fixture';
import { buildWordChoices } from './word-choice';

const A = createArticle([
	['Officials deported Russian migrants to Moscow on Friday.'],
	['The agency detained Russian migrants at the border crossing.'],
	['Officials praised the policy loudly.'],
	{ sentences: ['Subscribe to our newsletter today.'], furniture: true }
]);
const B = createArticle([
	['Officials deported war resisters to Moscow on Friday.'],
	['The agency detained war resisters at the border crossing.'],
	['Loudly, officials praised the policy.'],
	['Nothing in common here.']
]);
const fact = (a: number, b: number) => ({ a: { sentence: a }, b: { sentence: b } });

describe('buildWordChoices', () => {
	it('pairs the words each article puts in the same slot, aggregated over shared facts', () => {
		const choices = buildWordChoices(A, B, [fact(0, 0), fact(1, 1)]);
		expect(choices.map((c) => [c.a, c.b, c.count])).toEqual([
			['Russian migrants', 'war resisters', 2]
		]);
		const [choice] = choices;
		expect(choice.lemmasA).toEqual(['russian', 'migrant']);
		expect(choice.lemmasB).toEqual(['war', 'resister']);
		for (const o of choice.occurrences) {
			expect(A.text.slice(o.a.start, o.a.end)).toBe('Russian migrants');
			expect(B.text.slice(o.b.start, o.b.end)).toBe('war resisters');
		}
		expect(choice.occurrences.map((o) => o.fact)).toEqual([0, 1]);
	});

	it.each([
		{ name: 'words that only moved', facts: [fact(2, 2)] },
		{ name: 'no shared anchor', facts: [fact(2, 3)] },
		{ name: 'a furniture end', facts: [fact(3, 0)] },
		{
			name: 'a passage outside the differing words',
			facts: [{ a: { sentence: 0, start: 0, end: 18 }, b: { sentence: 0, start: 0, end: 18 } }]
		}
	])('finds no contrast in $name', ({ facts }) => {
		expect(buildWordChoices(A, B, facts)).toEqual([]);
	});
});

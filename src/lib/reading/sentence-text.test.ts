import { describe, expect, it } from 'vitest';
import { segmentArticle } from '$lib/domain/text/segment';
import { packComparison, unpackComparison } from './sentence-text';
import type { ArticleView, ComparisonView } from './view';

function article(id: string, text: string): ArticleView {
	const { paragraphs, sentences, text: normal } = segmentArticle(text);
	return { id, version: id, text: normal, meta: { title: id }, paragraphs, sentences };
}

const comparison: ComparisonView = {
	id: 'c1',
	slug: null,
	title: 'Two texts',
	a: article('a', 'Skip to content\n\nThe mayor spoke. She said “no.” Then she left.'),
	b: article('b', 'A headline\n\nCouncil met on Monday. It voted 5–2 to close the plant.')
};

describe('packComparison / unpackComparison', () => {
	const cases: { name: string; input: ComparisonView }[] = [
		{ name: 'segmented articles', input: comparison },
		{
			name: 'a sentence whose text is not its slice keeps its text',
			input: {
				...comparison,
				a: {
					...comparison.a,
					sentences: comparison.a.sentences.map((s, i) =>
						i === 1 ? { ...s, text: 'edited elsewhere' } : s
					)
				}
			}
		},
		{ name: 'an article without sentences', input: { ...comparison, b: article('b', '') } }
	];
	it.each(cases)('$name: round trip is exact', ({ input }) => {
		expect(unpackComparison(packComparison(input))).toEqual(input);
	});

	it('sends no sentence text that is a slice of the article', () => {
		const packed = packComparison(comparison);
		expect(comparison.a.sentences.length).toBeGreaterThan(2);
		for (const s of [...packed.a.sentences, ...packed.b.sentences])
			expect(s).not.toHaveProperty('text');
		expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(comparison).length);
	});

	it('keeps a sentence text that differs from its slice', () => {
		const edited = cases[1].input;
		expect(packComparison(edited).a.sentences[1].text).toBe('edited elsewhere');
	});
});

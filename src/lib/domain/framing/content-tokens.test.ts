import { describe, expect, it } from 'vitest';
import { createArticle } from './article-fixture';
import { bodySentenceTokens } from './content-tokens';

const termsOf = (sentences: string[], title = false) => {
	const article = createArticle([title ? { sentences, furniture: false } : sentences]);
	if (title) article.paragraphs[0].kind = 'title';
	return bodySentenceTokens(article).map((s) => s.terms.map((t) => `${t.text}→${t.lemma}`));
};

describe('bodySentenceTokens: terms', () => {
	const cases: { name: string; sentences: string[]; terms: string[][]; title?: boolean }[] = [
		{
			name: 'stopwords and single letters dropped, lemmas kept',
			sentences: ['The men fled the wars.'],
			terms: [['men→man', 'fled→flee', 'wars→war']]
		},
		{
			name: 'a capitalised run becomes one name',
			sentences: ['Russians flew to the United States and the White House.'],
			terms: [
				['Russians→russian', 'flew→fly', 'United States→united states', 'White House→white house']
			]
		},
		{
			name: 'a full name folds into the surname the article uses alone',
			sentences: ['He met President Vladimir Putin’s envoy.', 'Later Putin spoke.'],
			terms: [
				['met→meet', 'President Vladimir Putin’s→putin', 'envoy→envoy'],
				['Later→later', 'Putin→putin', 'spoke→speak']
			]
		},
		{
			name: '"of" joins a name, "and" does not',
			sentences: ['She studied at the University of Oregon with Sergei and Maksim.'],
			terms: [
				[
					'studied→study',
					'University of Oregon→university of oregon',
					'Sergei→sergei',
					'Maksim→maksim'
				]
			]
		},
		{
			name: 'the first word of a sentence never starts a name',
			sentences: ['Following Putin’s invasion, people fled.'],
			terms: [
				['Following→follow', 'Putin’s→putin', 'invasion→invasion', 'people→people', 'fled→flee']
			]
		},
		{
			name: 'headline case merges nothing',
			sentences: ['Sending Russians Back to Putin'],
			terms: [['Sending→send', 'Russians→russian', 'Putin→putin']]
		}
	];
	it.each(cases)('$name', ({ sentences, terms, title }) => {
		expect(termsOf(sentences, title)).toEqual(terms);
	});
});

describe('bodySentenceTokens: what is counted', () => {
	it('skips furniture and flags a verbatim repeat', () => {
		const article = createArticle([
			['Troops crossed.', 'Troops crossed.'],
			{ sentences: ['Donate today.'], furniture: true },
			['Troops crossed.']
		]);
		const out = bodySentenceTokens(article);
		expect(out.map((s) => [s.sentence, s.repeat])).toEqual([
			[0, false],
			[1, true],
			[3, true]
		]);
		for (const s of out)
			for (const t of s.terms) expect(article.text.slice(t.start, t.end)).toBe(t.text);
	});
});

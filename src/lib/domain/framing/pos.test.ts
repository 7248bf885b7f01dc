import { describe, expect, it } from 'vitest';
import { createArticle } from './article-fixture';
import { tagBody, tagSentence, tagSentences, tagText } from './pos';
import { segmentArticle } from '../text/segment';

describe('tagText', () => {
	it('tags words with lemmas and spans into the given text', () => {
		const text = 'The dictator postponed the talks.';
		const tokens = tagText(text, 10);
		expect(tokens.map((t) => [t.text, t.pos, t.lemma])).toEqual([
			['The', 'DET', 'the'],
			['dictator', 'NOUN', 'dictator'],
			['postponed', 'VERB', 'postpone'],
			['the', 'DET', 'the'],
			['talks', 'NOUN', 'talk'],
			['.', 'PUNCT', '.']
		]);
		for (const t of tokens) expect(text.slice(t.start - 10, t.end - 10)).toBe(t.text);
	});

	it.each([
		// the lite model calls these verbs
		['People said the actress checked in at Promises.', 'Promises', 'PROPN'],
		["Reid's representative confirmed the actress's stay.", 'stay', 'NOUN']
	])('repairs %s', (text, word, pos) => {
		expect(tagText(text).find((t) => t.text === word)?.pos).toBe(pos);
	});

	it('keeps offsets right around contractions and curly quotes', () => {
		const text = '“They can’t wait,” she said.';
		for (const t of tagText(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
	});
});

describe('tagSentence', () => {
	it('tags one sentence of an article in article offsets, once', () => {
		const article = createArticle([['First one here.', 'Leaders met today.']]);
		const tokens = tagSentence(article, 1);
		expect(article.text.slice(tokens[0].start, tokens[0].end)).toBe('Leaders');
		expect(tagSentence(article, 1)).toBe(tokens);
		expect(tagSentence(article, 9)).toEqual([]);
	});
});

describe('tagSentences', () => {
	const text = [
		'Updated 4:08 p.m.',
		'Indian Navy commandos captured 23 pirates in the Gulf of Aden on Saturday.',
		'According to a report, the actress checked in at Promises.',
		'The dictator postponed the talks'
	].join('\n\n');
	const tags = (article: ReturnType<typeof segmentArticle>) =>
		article.sentences.map((s) =>
			tagSentence(article, s.index).map((t) => [t.text, t.pos, t.start])
		);

	it.each([
		['all at once', [0, 1, 2, 3]],
		['every other', [1, 3]],
		['one', [2]],
		['none first', []]
	])('tags a sentence the same whichever others are tagged with it (%s)', (_, first) => {
		const alone = segmentArticle(text);
		for (const s of alone.sentences) tagSentence(alone, s.index);
		const batched = segmentArticle(text);
		tagSentences(batched, first as number[]);
		expect(tags(batched)).toEqual(tags(alone));
	});

	it('gives spans into the article text', () => {
		const article = segmentArticle(text);
		tagSentences(article, [0, 1, 2, 3]);
		for (const s of article.sentences) {
			for (const t of tagSentence(article, s.index)) {
				expect(article.text.slice(t.start, t.end)).toBe(t.text);
			}
		}
	});

	it('tags many sentences in several passes as it tags each alone', () => {
		// more sentences than one pass takes, furniture among them
		const many = Array.from(
			{ length: 30 },
			(_, i) => `Officials in Ward ${i} said the flooding closed ${i + 2} roads on Monday.`
		);
		const long = [text, ...many, 'Share this article', ...many.slice(0, 5)].join('\n\n');
		const alone = segmentArticle(long);
		for (const s of alone.sentences) tagSentence(alone, s.index);
		const body = segmentArticle(long);
		tagBody(body);
		const tagged = body.sentences.filter((s) => !s.furniture);
		expect(tagged.length).toBeGreaterThan(30);
		expect(tagged.length).toBeLessThan(body.sentences.length);
		expect(tags(body)).toEqual(tags(alone));
	});
});

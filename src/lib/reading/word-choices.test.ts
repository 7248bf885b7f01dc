import { describe, expect, it } from 'vitest';
import type { WordChoice } from '$lib/domain/framing/word-choice';
import { segmentArticle } from '$lib/domain/text/segment';
import {
	buildLabelItems,
	buildWordingItems,
	describeWording,
	quoteSpan,
	wordingKey
} from './word-choices';

const A = segmentArticle(
	'Officials spoke. The vast majority of Russian migrants currently attempting to enter left. They will go back into the meat grinder.'
);
const B = segmentArticle(
	'We stand with Russian war resisters facing deportation. Everyone deserves to escape the meat grinder, they say.'
);

/** The span of the first `words` in a text. */
function at(text: string, words: string) {
	const start = text.indexOf(words);
	return { start, end: start + words.length };
}

describe('quoteSpan', () => {
	it.each([
		{
			name: 'a few words each side, an ellipsis where the sentence goes on',
			text: A.text,
			words: 'migrants',
			n: 3,
			want: {
				before: '…majority of Russian ',
				words: 'migrants',
				after: ' currently attempting to…'
			}
		},
		{
			name: 'punctuation glued to the words stays outside them',
			text: B.text,
			words: 'meat grinder',
			n: 3,
			want: { before: '…to escape the ', words: 'meat grinder', after: ', they say.' }
		},
		{
			name: 'at the sentence start: nothing before, no ellipsis',
			text: B.text,
			words: 'We stand',
			n: 2,
			want: { before: '', words: 'We stand', after: ' with Russian…' }
		}
	])('$name', ({ text, words, n, want }) => {
		const sentences = text === A.text ? A.sentences : B.sentences;
		expect(quoteSpan(text, sentences, at(text, words), n)).toMatchObject(want);
	});

	it('names the sentence of the span, or -1 outside every sentence', () => {
		expect(quoteSpan(A.text, A.sentences, at(A.text, 'migrants')).sentence).toBe(1);
		expect(quoteSpan(A.text, [], at(A.text, 'migrants'))).toEqual({
			words: 'migrants',
			before: '',
			after: '',
			sentence: -1
		});
	});
});

/** A word choice of the engine's shape, from the texts above. */
function choice(
	kind: WordChoice['kind'],
	a: string,
	b: string,
	occurrences: { fact: number; id?: string }[]
): WordChoice {
	return {
		a,
		b,
		lemmasA: a.split(' '),
		lemmasB: b.split(' '),
		kind,
		role: 'subject',
		count: occurrences.length,
		occurrences: occurrences.map((o) => ({ ...o, a: at(A.text, a), b: at(B.text, b) }))
	};
}

describe('buildWordingItems', () => {
	const facts = new Map([
		['a1-b0', { relation: 'same' as const }],
		['a2-b1', { relation: 'different-claims' as const }]
	]);
	const articles = { a: A, b: B };

	it('lists contrasts before shared wording, each with where it was read', () => {
		const items = buildWordingItems(
			[
				choice('shared', 'meat grinder', 'meat grinder', [{ fact: -1 }]),
				choice('naming', 'migrants', 'war resisters', [{ fact: 0, id: 'a1-b0' }]),
				choice('act', 'attempting', 'facing', [{ fact: 1, id: 'a2-b1' }]),
				choice('naming', 'majority', 'deportation', [{ fact: 4 }])
			],
			articles,
			facts
		);
		expect(items.map((i) => [i.group, i.a.words, i.b.words, i.origin])).toEqual([
			['contrast', 'migrants', 'war resisters', { kind: 'fact', id: 'a1-b0' }],
			['contrast', 'attempting', 'facing', { kind: 'pair', id: 'a2-b1' }],
			['contrast', 'majority', 'deportation', { kind: 'across' }],
			['shared', 'meat grinder', 'meat grinder', { kind: 'shared' }]
		]);
		expect(items[0].spans).toEqual({
			a: [at(A.text, 'migrants')],
			b: [at(B.text, 'war resisters')]
		});
		expect(items[0].a.sentence).toBe(1);
		expect(items[0].b.sentence).toBe(0);
	});

	it('keys are the kind and lemmas, so two kinds of one pair of words stay apart', () => {
		const x = choice('naming', 'migrants', 'war resisters', [{ fact: 0 }]);
		expect(wordingKey(x)).toBe('naming:migrants|war resisters');
		expect(wordingKey({ ...x, kind: 'act' })).not.toBe(wordingKey(x));
	});

	it('leaves out a choice with no use to show, and lists nothing from nothing', () => {
		const none = { ...choice('naming', 'migrants', 'war resisters', []), occurrences: [] };
		expect(buildWordingItems([none], articles, facts)).toEqual([]);
		expect(buildWordingItems([], articles, facts)).toEqual([]);
	});

	it('tells a screen reader both wordings, or the one both share', () => {
		const [contrast, shared] = buildWordingItems(
			[
				choice('naming', 'migrants', 'war resisters', [{ fact: 0 }]),
				choice('shared', 'meat grinder', 'meat grinder', [{ fact: -1 }])
			],
			articles,
			facts
		);
		expect(describeWording(contrast)).toBe(
			'Article A says “migrants”, article B says “war resisters” for the same actor or thing: show both in the texts'
		);
		expect(describeWording(shared)).toBe('Both articles say “meat grinder”: show it in both texts');
	});
});

describe('buildLabelItems', () => {
	it('one item per label and side, with every use; other loaded wording is not a label', () => {
		const text = B.text;
		const loaded = {
			a: [{ ...at(A.text, 'migrants'), exact: 'migrants', kind: 'loaded' as const }],
			b: [
				{ ...at(text, 'war resisters'), exact: 'war resisters', kind: 'label' as const },
				{ start: 0, end: 2, exact: 'We', kind: 'label' as const },
				{ ...at(text, 'war resisters'), exact: 'War resisters', kind: 'label' as const }
			]
		};
		const items = buildLabelItems(loaded, { a: A, b: B });
		expect(items.map((i) => [i.key, i.side, i.count, i.quote.words, i.spans.a.length])).toEqual([
			['label:b:war resisters', 'b', 2, 'war resisters', 0],
			['label:b:we', 'b', 1, 'We', 0]
		]);
		expect(items[0].quote.sentence).toBe(0);
	});
});

import { describe, expect, it } from 'vitest';
import type { Paragraph, Sentence } from '$lib/domain/types';
import { buildArticlePieces, buildParagraphPieces, sentenceDomId, sharedDetails } from './view';

const text = 'Intro line\nFirst one.  Second one. tail';
const paragraph: Paragraph = { index: 1, start: 11, end: text.length, kind: 'body' };
const sentence = (index: number, start: number, end: number): Sentence => ({
	index,
	paragraph: 1,
	start,
	end,
	text: text.slice(start, end),
	furniture: false
});

describe('buildParagraphPieces', () => {
	const cases: { name: string; sentences: Sentence[]; expected: string[] }[] = [
		{
			name: 'sentences with a gap and a tail',
			sentences: [sentence(0, 11, 21), sentence(1, 23, 34)],
			expected: ['S:First one.', 'G:  ', 'S:Second one.', 'G: tail']
		},
		{ name: 'no sentences: one gap', sentences: [], expected: ['G:First one.  Second one. tail'] },
		{
			name: 'sentences of other paragraphs are ignored',
			sentences: [{ ...sentence(0, 0, 10), paragraph: 0 }, sentence(1, 11, 21)],
			expected: ['S:First one.', 'G:  Second one. tail']
		}
	];
	it.each(cases)('$name', ({ sentences, expected }) => {
		const pieces = buildParagraphPieces(text, paragraph, sentences);
		expect(
			pieces.map((p) => (p.kind === 'sentence' ? `S:${p.sentence.text}` : `G:${p.text}`))
		).toEqual(expected);
		// every character of the paragraph is rendered exactly once
		const joined = pieces.map((p) => (p.kind === 'sentence' ? p.sentence.text : p.text)).join('');
		expect(joined).toBe(text.slice(paragraph.start, paragraph.end));
	});
});

describe('buildArticlePieces', () => {
	const first: Paragraph = { index: 0, start: 0, end: 10, kind: 'title' };
	const cases: { name: string; paragraphs: Paragraph[]; sentences: Sentence[] }[] = [
		{
			name: 'two paragraphs, each with its sentences',
			paragraphs: [first, paragraph],
			sentences: [{ ...sentence(0, 0, 10), paragraph: 0 }, sentence(1, 11, 21), sentence(2, 23, 34)]
		},
		{ name: 'a paragraph without sentences', paragraphs: [first, paragraph], sentences: [] },
		{ name: 'no paragraphs', paragraphs: [], sentences: [sentence(0, 11, 21)] }
	];
	it.each(cases)(
		'$name: the same pieces as one paragraph at a time',
		({ paragraphs, sentences }) => {
			expect(buildArticlePieces(text, paragraphs, sentences)).toEqual(
				paragraphs.map((p) => buildParagraphPieces(text, p, sentences))
			);
		}
	);
});

describe('sentenceDomId', () => {
	it.each([
		['a', 0, 'a-s0'],
		['b', 12, 'b-s12']
	] as const)('%s %i -> %s', (side, index, id) => {
		expect(sentenceDomId(side, index)).toBe(id);
	});
});

describe('sharedDetails', () => {
	const none = { entities: [], numbers: [], dates: [], phrases: [] };
	const cases: { name: string; fact: Parameters<typeof sharedDetails>[0]; expected: string[] }[] = [
		{ name: 'nothing', fact: none, expected: [] },
		{
			name: 'a date that is also a phrase, once',
			fact: { ...none, dates: ['last week'], phrases: ['price rise', 'last week'] },
			expected: ['last week', 'price rise']
		},
		{
			name: 'the same name twice, differently cased',
			fact: { ...none, entities: ['Kyiv', 'kyiv'], numbers: ['40'] },
			expected: ['Kyiv', '40']
		},
		{
			name: 'blank details dropped',
			fact: { ...none, phrases: [' ', 'draft'] },
			expected: ['draft']
		}
	];
	it.each(cases)('$name', ({ fact, expected }) => {
		const details = sharedDetails(fact);
		expect(details.map((d) => d.text)).toEqual(expected);
		expect(new Set(details.map((d) => d.key)).size).toBe(details.length);
	});
});

import { describe, expect, it } from 'vitest';
import { factAgreement, salientTokens } from './facts';

describe('salientTokens', () => {
	const cases: { name: string; quote: string; before?: string; tokens: string[] }[] = [
		{
			name: 'numbers and names',
			quote: 'In 2019 Ms Ode won 1,200 votes.',
			tokens: ['2019', 'Ms', 'Ode', '1,200']
		},
		{ name: 'capital after a full stop starts a sentence', quote: 'He won. The count', tokens: [] },
		{
			name: 'quote mid-sentence: its first capital is a name',
			quote: 'Paris said',
			before: 'in ',
			tokens: ['Paris']
		},
		{ name: 'capital after an opening quote mark', quote: 'said: “We will', tokens: [] },
		{
			name: 'accents and acronyms',
			quote: 'the ÉLYSÉE and NATO in 3.5 days',
			tokens: ['ÉLYSÉE', 'NATO', '3.5']
		},
		{ name: 'nothing salient', quote: 'prices rose sharply', tokens: [] }
	];
	it.each(cases)('$name', ({ quote, before, tokens }) => {
		expect(salientTokens(quote, before)).toEqual(tokens);
	});
});

describe('factAgreement', () => {
	const quote = 'the council approved 450 new homes in Riverside';
	const cases = [
		{ name: 'all kept', text: 'Yes, the council approved 450 new homes in Riverside.', share: 1 },
		{
			name: 'number changed',
			text: 'Yes, the council approved 470 new homes in Riverside.',
			share: 0.5
		},
		{
			name: 'both changed',
			text: 'Yes, the council approved 300 new homes in Hillcrest.',
			share: 0
		},
		{
			name: 'a repeated number counts once per use',
			text: 'the council approved 450 new homes, 450 in Riverside',
			share: 1
		},
		{
			name: 'a name spelt differently by one edit in nine letters is kept',
			text: 'Yes, the council approved 450 new homes in Riversyde.',
			share: 1
		},
		{
			name: 'another name is not',
			text: 'Yes, the council approved 450 new homes in Riverdale.',
			share: 0.5
		}
	];
	it.each(cases)('$name', ({ text, share }) => {
		const span = { start: text.indexOf('the council'), end: text.length - 1 };
		expect(factAgreement(text, span, quote)).toBe(share);
	});

	it('reads 1,200 and 1200 as one number', () => {
		const text = 'approved 1200 homes';
		expect(factAgreement(text, { start: 0, end: text.length }, 'approved 1,200 homes')).toBe(1);
	});

	it('needs short names and numbers exactly', () => {
		const text = 'Mr Kin got 451 votes';
		expect(factAgreement(text, { start: 0, end: text.length }, 'Mr Kim got 450 votes', 'x ')).toBe(
			1 / 3
		);
	});

	it('widens a span that cuts a number to whole words', () => {
		const text = 'approved 450 homes';
		expect(factAgreement(text, { start: 0, end: 11 }, 'approved 450')).toBe(1);
	});
});

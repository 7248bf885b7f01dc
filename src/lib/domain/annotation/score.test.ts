import { describe, expect, it } from 'vitest';
import { ANCHOR_THRESHOLD, contextSimilarity, scoreCandidate } from './score';

describe('contextSimilarity', () => {
	const text = 'The mayor spoke first. Taxes will rise next year.';
	const at = text.indexOf('Taxes');
	const cases: {
		name: string;
		expected: string;
		side: 'before' | 'after';
		at: number;
		min: number;
		max: number;
	}[] = [
		{ name: 'identical prefix', expected: 'spoke first. ', side: 'before', at, min: 1, max: 1 },
		{ name: 'identical suffix', expected: 'Taxes will', side: 'after', at, min: 1, max: 1 },
		{
			name: 'one letter changed',
			expected: 'spoke forst. ',
			side: 'before',
			at,
			min: 0.92,
			max: 0.93
		},
		{
			name: 'a word inserted in the text',
			expected: 'mayor first. ',
			side: 'before',
			at,
			min: 0.55,
			max: 0.75
		},
		{
			name: 'unrelated text',
			expected: 'cloudy on Tuesday, ',
			side: 'before',
			at,
			min: 0,
			max: 0.5
		},
		{
			name: 'nothing before the start of the text: halfway',
			expected: 'Breaking: ',
			side: 'before',
			at: 0,
			min: 0.5,
			max: 0.5
		},
		{
			name: 'only white space after the end of the text: halfway',
			expected: ' More to come',
			side: 'after',
			at: text.length,
			min: 0.5,
			max: 0.5
		},
		{
			name: 'far end floats (suffix longer than text)',
			expected: 'year. More',
			side: 'after',
			at: text.length - 5,
			min: 0.5,
			max: 0.5
		}
	];
	it.each(cases)('$name', ({ expected, side, at, min, max }) => {
		const s = contextSimilarity(text, at, expected, side);
		expect(s).toBeGreaterThanOrEqual(min);
		expect(s).toBeLessThanOrEqual(max);
	});

	it('never scores 1 unless the whole recorded context is identical', () => {
		// differs only 100 units away from the passage, beyond the aligned part
		const context = 'X' + 'y'.repeat(99);
		const text = 'Z' + 'y'.repeat(99) + 'passage';
		const s = contextSimilarity(text, 100, context, 'before');
		expect(s).toBeLessThan(1);
		expect(s).toBeGreaterThan(0.95);
	});
});

describe('scoreCandidate', () => {
	const text = 'Alpha beta gamma. Delta epsilon zeta. Eta theta iota.';
	const span = { start: 18, end: 36 };
	const quote = 'Delta epsilon zeta';
	const cases = [
		{ name: 'no context or hint: the quote alone', context: {}, score: 1 },
		{
			name: 'matching context and hint',
			context: { prefix: 'gamma. ', suffix: '. Eta', hint: 18 },
			score: 1
		},
		{
			name: 'hint half the text away',
			context: { hint: 18 + text.length / 2 },
			score: (50 + 5) / 60
		}
	];
	it.each(cases)('$name', ({ context, score }) => {
		expect(scoreCandidate(text, span, 0, quote, context).score).toBeCloseTo(score, 6);
	});

	it('keeps a passage whose neighbour on one side was cut away with the rest of the text', () => {
		// the sentence before "Delta epsilon zeta." was deleted: it now opens the text
		const edited = text.slice(span.start);
		const m = scoreCandidate(edited, { start: 0, end: quote.length }, 0, quote, {
			prefix: 'Alpha beta gamma. ',
			suffix: '. Eta theta',
			hint: 18
		});
		expect(m.score).toBeGreaterThanOrEqual(ANCHOR_THRESHOLD);
	});

	it('a look-alike at the edge of the text with foreign text on its other side stays below', () => {
		const edited = `${quote} and then it rained all day over the hills.`;
		const m = scoreCandidate(edited, { start: 0, end: quote.length }, 0, quote, {
			prefix: 'Alpha beta gamma. ',
			suffix: '. Eta theta iota.',
			hint: 0
		});
		expect(m.score).toBeLessThan(ANCHOR_THRESHOLD);
	});

	it('foreign context on both sides stays below the threshold even for the exact quote', () => {
		const m = scoreCandidate(text, span, 0, quote, {
			prefix: 'weather was fine. ',
			suffix: ' and then it rained',
			hint: 18
		});
		expect(m.parts.quote).toBe(1);
		expect(m.score).toBeLessThan(ANCHOR_THRESHOLD);
	});
});

import { describe, expect, it } from 'vitest';
import { refineSpan } from './refine';

describe('refineSpan', () => {
	const cases: {
		name: string;
		text: string;
		quote: string;
		from: { start: number; end: number };
		context: { prefix?: string; suffix?: string };
		passage: string;
	}[] = [
		{
			name: 'start moves back to take in a word the edit distance cut off',
			text: 'After it, the city council voted.',
			quote: 'the council voted',
			from: { start: 14, end: 32 },
			context: { prefix: 'After it, ' },
			passage: 'the city council voted'
		},
		{
			name: 'end moves on to the suffix',
			text: 'We saw the report of the audit office today.',
			quote: 'the report of the office',
			from: { start: 7, end: 30 },
			context: { prefix: 'We saw ', suffix: ' today' },
			passage: 'the report of the audit office'
		},
		{
			name: 'without context the edges stay where the quote fits best',
			text: 'xx the council voted yy',
			quote: 'the council voted',
			from: { start: 3, end: 20 },
			context: {},
			passage: 'the council voted'
		}
	];
	it.each(cases)('$name', ({ text, quote, from, context, passage }) => {
		const start = text.indexOf(passage);
		const refined = refineSpan(text, from, quote, Math.floor(quote.length / 2), context);
		expect({ start: refined.start, end: refined.end }).toEqual({
			start,
			end: start + passage.length
		});
	});
});

import { describe, expect, it } from 'vitest';
import type { DiffPart, SharedFact } from '$lib/domain/alignment/types';
import { detailsFor, factQuotes, quoteRuns, type QuoteRun } from './fact-quotes';

const both = (value: string): DiffPart => ({ value, side: 'both' });
const onlyA = (value: string): DiffPart => ({ value, side: 'a' });
const onlyB = (value: string): DiffPart => ({ value, side: 'b' });

/** A run written compactly: [only, "text", "*shared*", …]. */
function show(runs: QuoteRun[]): string {
	return runs
		.map(
			(r) =>
				(r.only ? '{' : '') +
				r.pieces.map((p) => (p.shared ? `*${p.text}*` : p.text)).join('') +
				(r.only ? '}' : '')
		)
		.join('');
}

describe('detailsFor', () => {
	it.each([
		{
			name: 'details written alike go to both sides',
			fact: { entities: ['Joe Biden'], numbers: ['300'], dates: [], phrases: ['meat grinder'] },
			a: ['Joe Biden', '300', 'meat grinder'],
			b: ['Joe Biden', '300', 'meat grinder']
		},
		{
			name: 'a detail written differently gives each side its own form',
			fact: {
				entities: [],
				numbers: ['1,000 / a thousand'],
				dates: ['March 2023 / March 18'],
				phrases: []
			},
			a: ['1,000', 'March 2023'],
			b: ['a thousand', 'March 18']
		}
	])('$name', ({ fact, a, b }) => {
		expect(detailsFor(fact, 'a')).toEqual(a);
		expect(detailsFor(fact, 'b')).toEqual(b);
	});
});

describe('quoteRuns', () => {
	const parts = [
		both('Many '),
		onlyA('Russians fled'),
		onlyB('Joe Biden is deporting Russians who came'),
		both(' to the US in March 2023.')
	];
	it.each([
		{
			name: "A's quote: A's words marked, B's left out, the shared date marked",
			side: 'a' as const,
			details: ['March 2023', 'US'],
			want: 'Many {Russians fled} to the *US* in *March 2023*.'
		},
		{
			name: "B's quote: B's words marked, a shared name inside them marked too",
			side: 'b' as const,
			details: ['Russians', 'March 2023'],
			want: 'Many {Joe Biden is deporting *Russians* who came} to the US in *March 2023*.'
		},
		{
			name: 'details match whatever the case, longest first, never overlapping',
			side: 'a' as const,
			details: ['march', 'MARCH 2023'],
			want: 'Many {Russians fled} to the US in *March 2023*.'
		},
		{
			name: 'a whitespace-only difference is common wording',
			side: 'a' as const,
			details: [],
			want: 'Many {Russians fled} to the US in March 2023.'
		}
	])('$name', ({ side, details, want }) => {
		expect(show(quoteRuns(parts, side, details))).toBe(want);
	});

	it('leaves the spaces around one-sided words outside the mark', () => {
		const runs = quoteRuns([both('the'), onlyB(' came '), both('to')], 'b', []);
		expect(show(runs)).toBe('the {came} to');
		expect(runs.map((r) => r.only)).toEqual([false, true, false]);
	});

	it('keeps whitespace-only side parts unmarked', () => {
		const runs = quoteRuns([both('a'), onlyA(' '), both('b')], 'a', []);
		expect(runs).toEqual([{ only: false, pieces: [{ text: 'a b', shared: false }] }]);
	});
});

describe('factQuotes', () => {
	it('marks a detail only where both passages show it, each in its own form', () => {
		const fact = {
			entities: ['Russians', 'United States'],
			numbers: [],
			dates: ['March 2023 / March 18'],
			phrases: [],
			diff: [
				both('Russians fled in '),
				onlyA('March 2023'),
				onlyB('March 18 to the United States'),
				both('.')
			]
		} as unknown as SharedFact;
		const [a, b] = factQuotes(fact);
		expect(show(a.runs)).toBe('*Russians* fled in {*March 2023*}.');
		expect(show(b.runs)).toBe('*Russians* fled in {*March 18* to the United States}.');
	});
});

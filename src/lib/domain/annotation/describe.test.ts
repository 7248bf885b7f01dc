import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeTextPosition, describeTextQuote } from './describe';
import { matchTextQuote } from './match';
import type { TextQuoteSelector } from './selectors';

/*
 * Apache Annotator's describe cases (Apache-2.0; see ../shared/evaldata/anchoring/PROVENANCE.md),
 * read from the shared eval data. Offsets in `derived` are UTF-16, like ours.
 */
interface DescribeCase {
	expected: TextQuoteSelector;
	options: Record<string, unknown>;
	derived: { documentText: string; rangeTextOffsets: { start: number; end: number } };
}
const APACHE = new URL(
	'../../../../../shared/evaldata/anchoring/apache-annotator/',
	import.meta.url
);
const groups = JSON.parse(
	readFileSync(new URL('text-quote_describe-cases.json', APACHE), 'utf8')
) as Record<string, Record<string, DescribeCase>>;
const apacheCases = Object.entries(groups).flatMap(([group, cases]) =>
	Object.entries(cases).map(([name, c]) => ({ name: `${group}: ${name}`, group, ...c }))
);

const spanOf = (m: { start: number; end: number }) => ({ start: m.start, end: m.end });
const contextLength = (s: TextQuoteSelector) => (s.prefix ?? '').length + (s.suffix ?? '').length;

describe('describeTextQuote on Apache Annotator cases', () => {
	it('has all 22 cases', () => {
		expect(apacheCases).toHaveLength(22);
	});

	it.each(apacheCases)('$name', ({ group, expected, derived }) => {
		const text = derived.documentText;
		const target = spanOf(derived.rangeTextOffsets);
		// their selector finds exactly the target with our matcher
		expect(matchTextQuote(text, expected).map(spanOf)).toEqual([target]);
		// ours (default context) finds exactly the target and keeps 32 units where there are
		const ours = describeTextQuote(text, target);
		expect(matchTextQuote(text, ours).map(spanOf)).toEqual([target]);
		expect(ours.prefix!.length).toBeGreaterThanOrEqual(Math.min(32, target.start));
		expect(ours.suffix!.length).toBeGreaterThanOrEqual(Math.min(32, text.length - target.end));
		// with no base context ours is the minimal disambiguation: equal to theirs where they
		// ask for minimal context, never longer where they add context for other reasons
		const minimal = describeTextQuote(text, target, { prefixLength: 0, suffixLength: 0 });
		expect(matchTextQuote(text, minimal).map(spanOf)).toEqual([target]);
		if (group === 'testCasesWithMinimalContext') expect(minimal).toEqual(expected);
		else expect(contextLength(minimal)).toBeLessThanOrEqual(contextLength(expected));
	});
});

describe('describeTextQuote', () => {
	const cases: {
		name: string;
		text: string;
		span: { start: number; end: number };
		options?: { prefixLength?: number; suffixLength?: number };
		expected: Omit<TextQuoteSelector, 'type'>;
	}[] = [
		{
			name: 'short context at the text edges',
			text: 'One Two Three',
			span: { start: 4, end: 7 },
			expected: { exact: 'Two', prefix: 'One ', suffix: ' Three' }
		},
		{
			name: 'base context of the asked length',
			text: 'the quick brown fox jumps over the lazy dog',
			span: { start: 16, end: 19 },
			options: { prefixLength: 6, suffixLength: 6 },
			expected: { exact: 'fox', prefix: 'brown ', suffix: ' jumps' }
		},
		{
			name: 'context grows past the base length to tell a repeated passage apart',
			text: 'He said the war will end soon. Later: He said the war will end soon!',
			span: { start: 38, end: 67 },
			options: { prefixLength: 2, suffixLength: 2 },
			expected: { exact: 'He said the war will end soon', prefix: ': ', suffix: '!' }
		},
		{
			name: 'context never splits an emoji',
			text: 'x😃yz',
			span: { start: 3, end: 4 },
			options: { prefixLength: 1, suffixLength: 1 },
			expected: { exact: 'y', prefix: '😃', suffix: 'z' }
		},
		{
			name: 'suffix end never splits an emoji',
			text: 'ab😃',
			span: { start: 0, end: 1 },
			options: { prefixLength: 0, suffixLength: 2 },
			expected: { exact: 'a', prefix: '', suffix: 'b😃' }
		}
	];
	it.each(cases)('$name', ({ text, span, options, expected }) => {
		expect(describeTextQuote(text, span, options)).toEqual({
			type: 'TextQuoteSelector',
			...expected
		});
	});

	it('rejects a span outside the text', () => {
		expect(() => describeTextQuote('abc', { start: 2, end: 4 })).toThrow(RangeError);
		expect(() => describeTextQuote('abc', { start: 2, end: 1 })).toThrow(RangeError);
	});
});

describe('describeTextPosition', () => {
	const cases = [
		{ name: 'ASCII', text: 'lorem ipsum', span: { start: 6, end: 11 }, start: 6, end: 11 },
		{
			name: 'after an emoji',
			text: 'l😃rem ipsum',
			span: { start: 7, end: 12 },
			start: 6,
			end: 11
		},
		{ name: 'covering an emoji', text: 'l😃rem', span: { start: 1, end: 3 }, start: 1, end: 2 }
	];
	it.each(cases)('$name', ({ text, span, start, end }) => {
		expect(describeTextPosition(text, span)).toEqual({ type: 'TextPositionSelector', start, end });
	});
});

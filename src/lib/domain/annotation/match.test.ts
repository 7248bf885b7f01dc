import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { matchQuote, matchTextPosition, matchTextQuote } from './match';
import type { TextPositionSelector, TextQuoteSelector } from './selectors';

/*
 * Apache Annotator's match cases (Apache-2.0; see ../shared/evaldata/anchoring/PROVENANCE.md).
 * Selectors count code points (W3C); the expected offsets in `derived` are UTF-16, like ours.
 */
interface MatchCase<S> {
	selector: S;
	derived: { documentText: string; expectedTextOffsets: { start: number; end: number }[] };
}
const APACHE = new URL(
	'../../../../../shared/evaldata/anchoring/apache-annotator/',
	import.meta.url
);
function loadCases<S>(file: string) {
	const json = JSON.parse(readFileSync(new URL(file, APACHE), 'utf8')) as {
		testCases: Record<string, MatchCase<S>>;
	};
	return Object.entries(json.testCases).map(([name, c]) => ({ name, ...c }));
}
const quoteCases = loadCases<TextQuoteSelector>('text-quote_match-cases.json');
const positionCases = loadCases<TextPositionSelector>('text-position_match-cases.json');

const spanOf = (m: { start: number; end: number }) => ({ start: m.start, end: m.end });

describe('matchTextQuote on Apache Annotator cases', () => {
	it('has all 25 cases', () => expect(quoteCases).toHaveLength(25));
	it.each(quoteCases)('$name', ({ selector, derived }) => {
		const found = matchTextQuote(derived.documentText, selector);
		expect(found.map(spanOf)).toEqual(derived.expectedTextOffsets.map(spanOf));
		for (const m of found) expect(m.score).toBe(1);
	});
});

describe('matchTextPosition on Apache Annotator cases', () => {
	it('has all 7 cases', () => expect(positionCases).toHaveLength(7));
	it.each(positionCases)('$name', ({ selector, derived }) => {
		const [expected] = derived.expectedTextOffsets;
		expect(matchTextPosition(derived.documentText, selector)).toEqual(spanOf(expected));
	});
});

describe('matchTextPosition', () => {
	const pos = (start: number, end: number): TextPositionSelector => ({
		type: 'TextPositionSelector',
		start,
		end
	});
	const cases = [
		{ name: 'end past the text (code points)', text: 'l😃rem', selector: pos(0, 6) },
		{ name: 'start after end', text: 'lorem', selector: pos(3, 2) },
		{ name: 'negative start', text: 'lorem', selector: pos(-1, 2) },
		{ name: 'fractional offset', text: 'lorem', selector: pos(0.5, 2) }
	];
	it.each(cases)('null when $name', ({ text, selector }) => {
		expect(matchTextPosition(text, selector)).toBeNull();
	});
	it('reaches the last code point after an emoji', () => {
		expect(matchTextPosition('l😃rem', pos(0, 5))).toEqual({ start: 0, end: 6 });
	});
});

describe('matchTextQuote with a hint', () => {
	it('keeps document order and scores the nearer occurrence higher', () => {
		const found = matchTextQuote(
			'yada yada yada',
			{ type: 'TextQuoteSelector', exact: 'yada' },
			{
				hint: 9
			}
		);
		expect(found.map((m) => m.start)).toEqual([0, 5, 10]);
		expect(found[2].score).toBeGreaterThan(found[1].score);
		expect(found[1].score).toBeGreaterThan(found[0].score);
	});
});

describe('matchQuote', () => {
	const story =
		'The mayor spoke first. Taxes will rise by 4 percent next year, she said. ' +
		'Then the treasurer spoke. Taxes will rise by 4 percent next year, he said too. ' +
		'Finally the public asked questions.';
	const cases: {
		name: string;
		text: string;
		quote: string;
		context: { prefix?: string; suffix?: string; hint?: number };
		best: { start: number; end: number; errors: number } | null;
	}[] = [
		{
			name: 'exact and unique',
			text: story,
			quote: 'the treasurer spoke',
			context: {},
			best: { start: 78, end: 97, errors: 0 }
		},
		{
			name: 'repeated: the prefix picks the second',
			text: story,
			quote: 'Taxes will rise by 4 percent next year',
			context: { prefix: 'the treasurer spoke. ', suffix: ', he said' },
			best: { start: 99, end: 137, errors: 0 }
		},
		{
			name: 'repeated, no context: the hint picks the nearer',
			text: story,
			quote: 'Taxes will rise by 4 percent next year',
			context: { hint: 90 },
			best: { start: 99, end: 137, errors: 0 }
		},
		{
			name: 'a typo fixed in the text',
			text: story,
			quote: 'the public askd questions',
			context: { prefix: 'Finally ' },
			best: { start: 160, end: 186, errors: 1 }
		},
		{
			name: 'an empty quote has no candidates',
			text: story,
			quote: '',
			context: {},
			best: null
		},
		{
			name: 'nothing alike in the text',
			text: 'abc',
			quote: 'xyz',
			context: {},
			best: null
		}
	];
	it.each(cases)('$name', ({ text, quote, context, best }) => {
		const [first] = matchQuote(text, quote, context);
		if (best === null) expect(first).toBeUndefined();
		else expect({ start: first.start, end: first.end, errors: first.errors }).toEqual(best);
	});

	it('finds an edited original that a closer look-alike elsewhere would hide', () => {
		// the look-alike has fewer edits from the quote than the edited original; a single
		// search over the whole text reports only the look-alike
		const original = 'Officials counted 1,200 ballots in the northern district on Sunday';
		const edited = 'Officials have now counted 1,200 ballots in the northern district on Sunday';
		const lookAlike = 'Officials counted 1,300 ballots in the southern district on Sunday';
		const filler = ' Other news followed, unrelated to any count. '.repeat(10);
		const text = `Intro: ${edited}. After.${filler}Elsewhere: ${lookAlike}. End.`;
		const found = matchQuote(text, original, { prefix: 'Intro: ', suffix: '. After.', hint: 7 });
		expect(found[0].start).toBe(text.indexOf(edited));
		expect(found.some((m) => m.start === text.indexOf(lookAlike))).toBe(true);
		expect(found[0].score).toBeGreaterThan(found[1].score);
	});

	it('returns non-overlapping candidates, best first', () => {
		const found = matchQuote(story, 'Taxes will rise by 5 percent', {});
		expect(found.length).toBeGreaterThanOrEqual(2);
		for (let i = 1; i < found.length; i++) {
			expect(found[i - 1].score).toBeGreaterThanOrEqual(found[i].score);
			for (let j = 0; j < i; j++) {
				expect(found[i].start >= found[j].end || found[i].end <= found[j].start).toBe(true);
			}
		}
	});
});

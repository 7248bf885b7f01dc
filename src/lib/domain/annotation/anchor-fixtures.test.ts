import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { anchorTarget } from './anchor';
import type { TextPositionSelector, TextQuoteSelector } from './selectors';

/*
 * Hypothesis client's HTML anchoring baselines (BSD-2-Clause; page text CC BY-SA; see
 * ../shared/evaldata/anchoring/PROVENANCE.md): saved pages with real annotations whose targets
 * carry a TextPositionSelector and a TextQuoteSelector (32 units of context each side).
 */
const HYPOTHESIS = new URL(
	'../../../../../shared/evaldata/anchoring/hypothesis-client/',
	import.meta.url
);

interface Row {
	id: string;
	target: { selector: { type: string }[] }[];
}

/** The page text as the annotating client saw it: the text content of <body>. */
function pageText(html: string): string {
	const { document } = parseHTML(html);
	// linkedom makes a bare <body> fragment the document element itself
	const root =
		document.documentElement.tagName === 'BODY' ? document.documentElement : document.body;
	return root.textContent ?? '';
}

const fixtures = ['minimal', 'wikipedia-regression-testing'].flatMap((name) => {
	const text = pageText(readFileSync(new URL(`${name}.html`, HYPOTHESIS), 'utf8'));
	const rows = (
		JSON.parse(readFileSync(new URL(`${name}.json`, HYPOTHESIS), 'utf8')) as { rows: Row[] }
	).rows;
	return rows.map((row) => {
		const selectors = row.target[0].selector;
		const position = selectors.find(
			(s) => s.type === 'TextPositionSelector'
		) as TextPositionSelector;
		const quote = selectors.find((s) => s.type === 'TextQuoteSelector') as TextQuoteSelector;
		// the right place: where prefix + exact + suffix occur together, else the stored
		// position if the quote is there (the minimal page lost the suffix's trailing newline)
		const full = quote.prefix! + quote.exact + quote.suffix!;
		const whole = text.indexOf(full);
		const start = whole >= 0 ? whole + quote.prefix!.length : position.start;
		return {
			name: `${name} ${row.id}`,
			text,
			position,
			quote,
			expected: { start, end: start + quote.exact.length }
		};
	});
});

const occurrences = (text: string, exact: string) => text.split(exact).length - 1;

describe('Hypothesis anchoring fixtures', () => {
	it('has the 5 real annotations plus the minimal one, including the two hard ones', () => {
		expect(fixtures).toHaveLength(6);
		// a stored position 156 characters off, and a quote that occurs 9 times (no astral
		// characters on the page, so code points and UTF-16 agree)
		const offsets = fixtures.map((f) => f.position.start - f.expected.start);
		expect(offsets.filter((d) => d !== 0)).toEqual([156]);
		expect(fixtures.map((f) => occurrences(f.text, f.quote.exact))).toContain(9);
		for (const f of fixtures) {
			expect(Array.from(f.text).length).toBe(f.text.length);
			expect(f.text.slice(f.expected.start, f.expected.end)).toBe(f.quote.exact);
		}
	});

	const edits: { edit: string; change: (text: string) => string; positionKept: boolean }[] = [
		{ edit: 'as stored', change: (text) => text, positionKept: true },
		{
			edit: 'a paragraph inserted at the top',
			change: (text) => 'Editor’s note: this page was revised.\n\n' + text,
			positionKept: false
		}
	];
	const runs = edits.flatMap((e) => fixtures.map((f) => ({ ...f, ...e })));
	it.each(runs)('$name, $edit', ({ text, position, quote, expected, change, positionKept }) => {
		const changed = change(text);
		const shift = changed.length - text.length;
		const span = { start: expected.start + shift, end: expected.end + shift };
		const method = positionKept && position.start === expected.start ? 'position' : 'quote';
		expect(anchorTarget(changed, { position, quote })).toMatchObject({
			status: 'anchored',
			method,
			span
		});
		expect(anchorTarget(changed, { quote })).toMatchObject({ status: 'anchored', span });
	});
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { segmentArticle } from './segment';
import { checkTexts, hasContent, suggestGenre, type CheckedArticle } from './text-checks';

const read = (f: string) =>
	readFileSync(new URL(`../../../../seeds/${f}`, import.meta.url), 'utf8');
const article = (raw: string, genre?: 'opinion' | 'report'): CheckedArticle => ({
	...segmentArticle(raw),
	meta: { genre }
});

const OPINION = read('000_22ed28cde7db5cf9.txt');
const OTHER = read('004_cb2015502c2df88f.txt');
// a wire report: who said what, no own voice
const REPORT = Array.from(
	{ length: 8 },
	(_, i) =>
		`Officials said on Tuesday that ${i + 3} flights had left the airport, according to the agency. A spokesman confirmed the schedule and told reporters the next flight was planned for March.`
).join('\n\n');

// notes pasted without a single stop
const UNPUNCTUATED = Array.from(
	{ length: 6 },
	(_, i) =>
		`the flights were paused last year and people thought they were safe here then in March number ${i} the government decided to resume them and families who fled are afraid`
).join('\n');

describe('checkTexts', () => {
	it.each([
		{
			name: 'the seed pair reads fine',
			a: article(OPINION, 'opinion'),
			b: article(OTHER, 'opinion'),
			codes: []
		},
		{
			name: 'the same text twice',
			a: article(OPINION),
			b: article(`  ${OPINION}\n`),
			codes: ['identical']
		},
		{
			name: 'a very short side',
			a: article(OPINION),
			b: article('The US resumed deportations.'),
			codes: ['short:b']
		},
		{
			name: 'a one-word side read as furniture',
			a: article('Menu'),
			b: article(OTHER),
			codes: ['no-body:a']
		},
		{
			name: 'a one-word side is its own (short) body, not navigation',
			a: article('Deportations'),
			b: article(OTHER),
			codes: ['short:a']
		},
		{
			name: 'a report labelled opinion',
			a: article(REPORT, 'opinion'),
			b: article(OTHER),
			codes: ['report-as-opinion:a']
		},
		{
			name: 'a report labelled report',
			a: article(REPORT, 'report'),
			b: article(OTHER),
			codes: []
		},
		{ name: 'a report with no genre given', a: article(REPORT), b: article(OTHER), codes: [] },
		{
			name: 'a text without stops, cut at lines and clauses',
			a: article(UNPUNCTUATED),
			b: article(OTHER),
			codes: ['no-stops:a']
		}
	])('$name', ({ a, b, codes }) => {
		expect(checkTexts(a, b).map((w) => (w.side ? `${w.code}:${w.side}` : w.code))).toEqual(codes);
	});

	it('says how short, in words', () => {
		const [warning] = checkTexts(article(OPINION), article('Deportations resumed.'));
		expect(warning.message).toBe(
			'Article B is very short (2 words), so the comparison will find little. Check that the whole article was pasted.'
		);
	});
});

describe('hasContent', () => {
	it.each([
		['one character', 'x', false],
		['one letter with spaces and a stop', '  x.  ', false],
		['single letters', 'a b c d', false],
		['initials', 'U.S.', false],
		['numbers only', '1 2 2023 7–2', false],
		['symbols only', '— … !! 😃', false],
		['a letter and a digit', 'x1', false],
		['one short but real word', 'Deportations', true],
		['a two-letter word', 'No.', true],
		['a sentence', 'The US resumed deportations.', true],
		['a decomposed accent between letters', 'e\u0301t\u00e9', true],
		['two ideographs', '战争', true],
		['Cyrillic', 'Война', true]
	])('%s: %j', (_name, text, expected) => {
		expect(hasContent(text)).toBe(expected);
	});
});

describe('suggestGenre', () => {
	it.each([
		['a wire report', REPORT, 'report'],
		['an op-ed', OPINION, 'opinion'],
		['another op-ed', OTHER, 'opinion'],
		['too short to tell', 'Officials said the flights resumed.', null],
		['notes with neither sign', UNPUNCTUATED, null]
	])('%s', (_name, text, genre) => {
		expect(suggestGenre(text)?.genre ?? null).toBe(genre);
	});

	it('says why, for the person to confirm', () => {
		expect(suggestGenre(REPORT)?.why).toMatch(/attributes its claims to others/);
	});
});

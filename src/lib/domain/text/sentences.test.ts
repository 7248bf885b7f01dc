import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { segmentSentences } from './sentences';

/** One case of the Pragmatic Segmenter English spec (see the data set's PROVENANCE.md). */
interface GoldenCase {
	id: string;
	group: 'golden_rule' | 'english_spec';
	name: string;
	text: string;
	options: Record<string, unknown>;
	expected: string[];
}

const GOLDEN_FILE = new URL(
	'../../../../../shared/evaldata/sbd-golden-rules-en/english_cases.json',
	import.meta.url
);
const GOLDEN_MIN = 47; // ≥ 90 % of the 52 Golden Rules

/** Sentence texts as the splitter cuts them. */
function split(text: string): string[] {
	return segmentSentences(text).map((s) => text.slice(s.start, s.end));
}

describe('segmentSentences: rules table', () => {
	const cases: [string, string, string[]][] = [
		[
			'titles before names',
			'Mr. Smith met Dr. Jones. They talked.',
			['Mr. Smith met Dr. Jones.', 'They talked.']
		],
		[
			'U.S. mid-sentence before a noun',
			'The U.S. Government acted.',
			['The U.S. Government acted.']
		],
		[
			'U.S. at the end before a pronoun',
			'I live in the U.S. It is big.',
			['I live in the U.S.', 'It is big.']
		],
		['initials', 'J. R. R. Tolkien wrote it. He died.', ['J. R. R. Tolkien wrote it.', 'He died.']],
		['decimal numbers', 'Pi is 3.14 or so. Yes.', ['Pi is 3.14 or so.', 'Yes.']],
		['No. before a number', 'See No. 5 in the list.', ['See No. 5 in the list.']],
		['a.m. before a name', 'At 5 a.m. Mr. Lee left.', ['At 5 a.m. Mr. Lee left.']],
		[
			'p.m. ends',
			'He left at 6 p.m. Travelers waited.',
			['He left at 6 p.m.', 'Travelers waited.']
		],
		['p.m. before a weekday', 'It ends at 5 p.m. Monday.', ['It ends at 5 p.m. Monday.']],
		['footnote after a period', 'It rose.[1] Then it fell.', ['It rose.[1]', 'Then it fell.']],
		[
			'dash after an exclamation',
			'Put it in -- voila! -- a cake.',
			['Put it in -- voila! -- a cake.']
		],
		[
			'lettered list after a sentence',
			'See below. a. one b. two',
			['See below.', 'a. one', 'b. two']
		],
		['a lone item marker', '1. This is a list item.', ['1. This is a list item.']],
		['e.g. before a capital', 'Cities, e.g. Paris, grew.', ['Cities, e.g. Paris, grew.']],
		['closing quote ends', 'He said, “Go.” Then he left.', ['He said, “Go.”', 'Then he left.']],
		[
			'closing quote continues',
			'“Go,” he said. “Now!” she cried.',
			['“Go,” he said.', '“Now!” she cried.']
		],
		['parenthesis ends', 'It rose (by 5%.) Then it fell.', ['It rose (by 5%.)', 'Then it fell.']],
		['ellipsis before a capital', 'He paused... Then he left.', ['He paused...', 'Then he left.']],
		['ellipsis before lower case', 'He paused... and left.', ['He paused... and left.']],
		['question and exclamation', 'Why? Because! OK.', ['Why?', 'Because!', 'OK.']],
		[
			'line breaks always end',
			'No stop here\nNext line. Two.',
			['No stop here', 'Next line.', 'Two.']
		],
		['numbered list', '1. First item 2. Second item', ['1. First item', '2. Second item']],
		[
			'year then number',
			'It began in 2019. 2020 was worse.',
			['It began in 2019.', '2020 was worse.']
		],
		['empty and blank', '  \n \n', []]
	];
	it.each(cases)('%s', (_name, text, expected) => {
		expect(split(text)).toEqual(expected);
	});

	it('offsets are shifted by the offset argument and are exact slices', () => {
		const text = 'Mr. Smith left. He fled.\nThe end!';
		const padded = '#'.repeat(7) + text;
		const spans = segmentSentences(text, 7);
		expect(spans.map((s) => padded.slice(s.start, s.end))).toEqual([
			'Mr. Smith left.',
			'He fled.',
			'The end!'
		]);
	});
});

describe('segmentSentences: Pragmatic Segmenter Golden Rules', () => {
	const cases = (JSON.parse(readFileSync(GOLDEN_FILE, 'utf8')) as { cases: GoldenCase[] }).cases;
	const golden = cases.filter((c) => c.group === 'golden_rule');
	const other = cases.filter((c) => c.group !== 'golden_rule');
	const passes = (c: GoldenCase) => JSON.stringify(split(c.text)) === JSON.stringify(c.expected);

	it(`passes at least ${GOLDEN_MIN} of the 52 Golden Rules`, () => {
		const failed = golden.filter((c) => !passes(c)).map((c) => c.name);
		const passed = golden.length - failed.length;
		console.log(`Golden Rules: ${passed}/${golden.length}; failing: ${failed.join('; ')}`);
		expect(golden).toHaveLength(52);
		expect(passed).toBeGreaterThanOrEqual(GOLDEN_MIN);
	});

	it('reports the further English spec cases', () => {
		const passed = other.filter(passes).length;
		console.log(`Further English spec cases: ${passed}/${other.length}`);
		expect(other.length).toBeGreaterThan(0);
	});

	it('returns ordered, non-overlapping, trimmed spans on every case', () => {
		for (const c of cases) {
			const spans = segmentSentences(c.text);
			let last = 0;
			for (const s of spans) {
				expect(s.start).toBeGreaterThanOrEqual(last);
				expect(s.end).toBeGreaterThan(s.start);
				const t = c.text.slice(s.start, s.end);
				expect(t).toBe(t.trim());
				last = s.end;
			}
			// everything outside the spans is whitespace
			let gaps = '';
			let from = 0;
			for (const s of spans) {
				gaps += c.text.slice(from, s.start);
				from = s.end;
			}
			gaps += c.text.slice(from);
			expect(gaps.trim()).toBe('');
		}
	});
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	columnsOf,
	furnitureOf,
	isPageNumber,
	joinLine,
	layoutPdf,
	linesOf,
	paragraphsOf,
	readingOrder,
	type PdfLine,
	type PdfRun
} from './pdf-layout';
import { segmentSentences } from './text/sentences';

/** A run of text at x, baseline y, 10 pt, 5 pt a character. */
const run = (text: string, x: number, y: number, height = 10): PdfRun => ({
	text,
	x,
	y,
	width: text.length * height * 0.5,
	height
});
/** A line from x0, 5 pt a character, 10 pt high unless told. */
const line = (text: string, x0: number, y: number, height = 10): PdfLine => ({
	text,
	x0,
	x1: x0 + text.length * height * 0.5,
	y,
	height
});

describe('linesOf', () => {
	it.each([
		[
			'runs on one baseline join with a space at a word gap',
			[run('Hello', 0, 10), run('world', 28, 10)],
			['Hello world']
		],
		['runs touching join without a space', [run('Hel', 0, 10), run('lo', 15, 10)], ['Hello']],
		['a baseline a little off is the same line', [run('a', 0, 10), run('b', 8, 11.5)], ['a b']],
		[
			'a wide gap splits the line into two columns',
			[run('left', 0, 10), run('right', 60, 10)],
			['left', 'right']
		],
		['lines come top to bottom', [run('second', 0, 30), run('first', 0, 10)], ['first', 'second']],
		[
			'empty runs and spaces are dropped',
			[run('', 0, 10), run('  ', 0, 20), run('x', 0, 30)],
			['x']
		]
	])('%s', (_, runs, texts) => {
		expect(linesOf(runs).map((l) => l.text)).toEqual(texts);
	});
});

describe('columnsOf and readingOrder', () => {
	const twoColumns = [
		line('Headline across both columns of the page', 0, 10, 14),
		line('Left one', 0, 40),
		line('Right one', 120, 40),
		line('Left two', 0, 52),
		line('Right two', 120, 52),
		line('Left three', 0, 64),
		line('Right three', 120, 64),
		line('Left four', 0, 76),
		line('Right four', 120, 76),
		line('Left five', 0, 88),
		line('Right five', 120, 88),
		line('Left six', 0, 100),
		line('Right six', 120, 100)
	];
	it('finds the gutter even though the headline crosses it', () => {
		expect(columnsOf(twoColumns)).toEqual([
			[0, 51],
			[120, 280]
		]);
	});
	it('reads the headline, then the left column, then the right one', () => {
		expect(readingOrder(twoColumns).map((c) => c.map((l) => l.text))).toEqual([
			['Headline across both columns of the page'],
			['Left one', 'Left two', 'Left three', 'Left four', 'Left five', 'Left six'],
			['Right one', 'Right two', 'Right three', 'Right four', 'Right five', 'Right six']
		]);
	});
	it('a single ragged column is one column', () => {
		const lines = [
			line('A long line of text here', 0, 10),
			line('short', 0, 22),
			line('A long line again', 0, 34)
		];
		expect(columnsOf(lines)).toEqual([[0, 120]]);
		expect(readingOrder(lines)).toHaveLength(1);
	});
	it('nothing gives nothing', () => {
		expect(columnsOf([])).toEqual([]);
		expect(readingOrder([])).toEqual([]);
	});
});

describe('isPageNumber', () => {
	it.each([
		['7', true],
		['- 7 -', true],
		['Page 7', true],
		['page 7 of 12', true],
		['7 / 12', true],
		['1984', true],
		['In 1984 it rained.', false],
		['Chapter 7', false],
		['12345', false]
	])('%s', (text, expected) => {
		expect(isPageNumber(text)).toBe(expected);
	});
});

describe('furnitureOf', () => {
	const page = (n: number, body: string) => ({
		height: 800,
		lines: [line('The Daily Courier · Opinion', 0, 30), line(body, 0, 400), line(`${n}`, 100, 780)]
	});
	it('running headers and page numbers, not the body', () => {
		const pages = [page(1, 'First body line'), page(2, 'Second body line'), page(3, 'Third')];
		expect(furnitureOf(pages).map((s) => [...s].sort())).toEqual([
			[0, 2],
			[0, 2],
			[0, 2]
		]);
	});
	it('a line at the top of one page only is the article, a lone number is still a page number', () => {
		const pages = [
			{ height: 800, lines: [line('Bus timetable changes', 0, 30), line('3', 100, 780)] },
			{ height: 800, lines: [line('Paragraph two', 0, 30)] }
		];
		expect(furnitureOf(pages).map((s) => [...s])).toEqual([[1], []]);
	});
	it('a header that changes only by its page number repeats', () => {
		const pages = [1, 2, 3, 4].map((n) => ({
			height: 800,
			lines: [line(`Courier, page ${n} of 4`, 0, 20), line('body', 0, 300)]
		}));
		expect(furnitureOf(pages).every((s) => s.has(0) && !s.has(1))).toBe(true);
	});
});

describe('joinLine', () => {
	it.each([
		['the depor-', 'tation of', 'the deportation of'],
		['a well-', 'Known name', 'a well- Known name'],
		['soft hy\u00ad', 'phen', 'soft hyphen'],
		['ends here', 'and goes on', 'ends here and goes on'],
		['1990-', '1995', '1990- 1995'],
		['Über-', 'gänge', 'Übergänge']
	])('%s + %s', (a, b, joined) => {
		expect(joinLine(a, b)).toBe(joined);
	});
});

describe('paragraphsOf', () => {
	it.each<[string, PdfLine[][], string[]]>([
		[
			'lines of one paragraph join; a wider gap starts the next',
			[[line('The council met on', 0, 10), line('Monday night.', 0, 22), line('It voted.', 0, 40)]],
			['The council met on Monday night.', 'It voted.']
		],
		[
			'an indented line starts a paragraph',
			[
				[
					line('First paragraph', 0, 10),
					line('ends here.', 0, 22),
					line('Second starts', 12, 34),
					line('and ends.', 0, 46)
				]
			],
			['First paragraph ends here.', 'Second starts and ends.']
		],
		[
			'a bigger font is a heading',
			[[line('Heading', 0, 10, 16), line('Body text', 0, 30), line('goes on.', 0, 42)]],
			['Heading', 'Body text goes on.']
		],
		[
			'a hyphenated word at a line end is joined',
			[[line('Residents fear the depor-', 0, 10), line('tation of silt.', 0, 22)]],
			['Residents fear the deportation of silt.']
		],
		[
			'a sentence cut by a column break goes on in the next column',
			[
				[line('The wall will', 0, 10), line('cost millions and', 0, 22)],
				[line('protect homes.', 120, 10)]
			],
			['The wall will cost millions and protect homes.']
		],
		[
			'a paragraph that ended at a column break stays ended',
			[[line('First.', 0, 10)], [line('Second.', 120, 10)]],
			['First.', 'Second.']
		]
	])('%s', (_, columns, paragraphs) => {
		expect(paragraphsOf(columns)).toEqual(paragraphs);
	});
});

describe('layoutPdf', () => {
	it('two pages: header and page numbers set apart, the paragraph joined across the page break', () => {
		const pageOf = (n: number, body: PdfRun[]) => ({
			width: 300,
			height: 400,
			runs: [run('Courier', 0, 20), ...body, run(String(n), 140, 390)]
		});
		const laid = layoutPdf([
			pageOf(1, [run('A sentence that runs', 0, 100), run('over the page', 0, 112)]),
			pageOf(2, [run('break and ends.', 0, 100)])
		]);
		expect(laid.paragraphs).toEqual(['A sentence that runs over the page break and ends.']);
		expect(laid.furniture).toEqual(['Courier', '1', 'Courier', '2']);
	});
});

describe('Golden Rules of PDF text (Pragmatic Segmenter, read from ../shared/evaldata at run time)', () => {
	const file = new URL(
		'../../../../shared/evaldata/sbd-golden-rules-en/english_cases.json',
		import.meta.url
	);
	const cases = (
		JSON.parse(readFileSync(file, 'utf8')) as {
			cases: {
				id: string;
				group: string;
				text: string;
				options: { doc_type?: string };
				expected: string[];
			}[];
		}
	).cases.filter((c) => c.group === 'golden_rule' && c.options.doc_type === 'pdf');

	it('the PDF-style cases are split right once PDF lines are joined', () => {
		expect(cases.length).toBeGreaterThan(0);
		for (const c of cases) {
			// each line of the case as a PDF line of one column, 12 pt apart
			const lines = c.text.split('\n').map((t, i) => line(t, 0, 10 + 12 * i));
			const text = paragraphsOf([lines]).join('\n\n');
			const sentences = segmentSentences(text).map((s) => text.slice(s.start, s.end));
			expect(sentences, c.id).toEqual(c.expected);
		}
	});
});

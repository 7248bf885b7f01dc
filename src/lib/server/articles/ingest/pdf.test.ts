import { chromium, type Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	PAGE_PARAGRAPHS,
	TWO_COLUMN,
	imageOnlyPdf,
	manyPagesPdf,
	multiPagePdf,
	pageParagraph,
	twoColumnPdf
} from '../../../../../tests/pdf-fixtures';
import { MAX_FILE_BYTES } from './text-checks';
import { MAX_PDF_PAGES, PDF_MESSAGES, readPdf } from './pdf';

// Real PDFs, printed by Chromium from pages the tests write, read by the real pdf.js.
let browser: Browser;
beforeAll(async () => {
	browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
});
afterAll(async () => {
	await browser.close();
});

/** The paragraph of the two-column page: each sentence twice, as the page writes it. */
const twice = (s: string) => `${s} ${s}`;

describe('readPdf', () => {
	it('reads a two-column page column by column, one line per paragraph, hyphenation joined', async () => {
		const read = await readPdf(await twoColumnPdf(browser));
		expect(read.ok).toBe(true);
		if (!read.ok) return;
		expect(read.value.text.split('\n\n')).toEqual([
			TWO_COLUMN.title,
			...TWO_COLUMN.left.map(twice),
			"Residents fear the deportation of the river's silt will starve the marshes.",
			...TWO_COLUMN.right.map(twice)
		]);
		expect(read.value.meta.title).toBe(TWO_COLUMN.title);
	});

	it('sets running headers, footers and page numbers apart and joins paragraphs across pages', async () => {
		const read = await readPdf(await multiPagePdf(browser));
		expect(read.ok).toBe(true);
		if (!read.ok) return;
		const paragraphs = Array.from({ length: PAGE_PARAGRAPHS }, (_, i) => pageParagraph(i + 1));
		expect(read.value.text.split('\n\n')).toEqual(['Bus timetable changes', ...paragraphs]);
		expect(read.value.text).not.toMatch(/Metro Courier|Page \d of/);
		const pages = read.value.furniture.filter((l) => /^Page \d of \d$/.test(l)).length;
		expect(pages).toBeGreaterThanOrEqual(2);
		expect(read.value.furniture).toContain('Metro Courier · Transit');
	});

	it.each([
		['a scan without a text layer', (b: Browser) => imageOnlyPdf(b), PDF_MESSAGES.scanned],
		[
			'a file that is not a PDF',
			async () => new TextEncoder().encode('hello'),
			PDF_MESSAGES.notPdf
		],
		[
			'a book',
			(b: Browser) => manyPagesPdf(b, MAX_PDF_PAGES + 1),
			PDF_MESSAGES.tooManyPages(MAX_PDF_PAGES + 1)
		],
		[
			'a file over the upload limit',
			async () => new TextEncoder().encode(`%PDF-1.4\n${' '.repeat(MAX_FILE_BYTES)}`),
			PDF_MESSAGES.tooLarge(MAX_FILE_BYTES + 9)
		],
		[
			'a damaged PDF',
			async () => new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> garbage'),
			PDF_MESSAGES.unreadable
		]
	])('refuses %s', async (_, make, message) => {
		expect(await readPdf(await make(browser))).toEqual({ ok: false, message });
	});
});

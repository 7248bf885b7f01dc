/**
 * PDFs the tests make themselves with Chromium's page.pdf(): a two-column article with a
 * full-width headline and a word hyphenated at a line end, and a three-page article with a
 * running header, a running footer and page numbers; a scan and a book for the refusals.
 * Returned as bytes.
 */
import type { Browser } from '@playwright/test';

/** Sentences of the two-column article, in reading order (left column first). */
export const TWO_COLUMN = {
	title: 'River towns vote on the flood wall',
	left: [
		'The county board voted five to two on Tuesday to build a flood wall along the east bank.',
		'The wall will cost $48 million and protect about 900 homes in Millbrook and Ashford.'
	],
	right: [
		'Opponents said the wall would push water onto farms downstream during spring floods.',
		'The board promised a second study of the west bank before any work begins next year.'
	]
};

function twoColumnHtml(): string {
	const para = (s: string) => `<p>${s} ${s}</p>`;
	return `<!doctype html><html><head><meta charset="utf-8"><title>${TWO_COLUMN.title}</title>
<style>
  body { font: 11pt/1.45 serif; margin: 0; }
  h1 { font-size: 20pt; margin: 0 0 14pt; }
  .cols { display: grid; grid-template-columns: 1fr 1fr; column-gap: 28pt; }
  p { margin: 0 0 9pt; }
</style></head><body>
<h1>${TWO_COLUMN.title}</h1>
<div class="cols"><div>${TWO_COLUMN.left.map(para).join('')}<p>Residents fear the depor-<br>tation of the river's silt will starve the marshes.</p></div>
<div>${TWO_COLUMN.right.map(para).join('')}</div></div>
</body></html>`;
}

/** Paragraph n of the multi-page article: long enough that three pages fill. */
export function pageParagraph(n: number): string {
	return (
		`Paragraph ${n} opens here. The transit agency said the new timetable adds buses on the ` +
		`northern routes and trims service at night, a change riders have asked about for years. ` +
		`Drivers will get longer breaks, and the agency expects fewer late buses in winter.`
	);
}

/** How many paragraphs the multi-page article has. */
export const PAGE_PARAGRAPHS = 14;

function multiPageHtml(): string {
	const paras = Array.from({ length: PAGE_PARAGRAPHS }, (_, i) => `<p>${pageParagraph(i + 1)}</p>`);
	return `<!doctype html><html><head><meta charset="utf-8"><title>Bus timetable changes</title>
<style>body { font: 12pt/1.5 serif; } p { margin: 0 0 12pt; }</style></head>
<body><h1>Bus timetable changes</h1>${paras.join('')}</body></html>`;
}

async function pdfOf(
	browser: Browser,
	html: string,
	options: Parameters<import('@playwright/test').Page['pdf']>[0]
): Promise<Uint8Array> {
	const page = await browser.newPage();
	try {
		await page.setContent(html);
		return new Uint8Array(await page.pdf(options));
	} finally {
		await page.close();
	}
}

/** The two-column PDF (A4, no header or footer). */
export function twoColumnPdf(browser: Browser): Promise<Uint8Array> {
	return pdfOf(browser, twoColumnHtml(), {
		format: 'A4',
		margin: { top: '2cm', bottom: '2cm', left: '2cm', right: '2cm' }
	});
}

/** The multi-page PDF: "Metro Courier · Transit" on top, "Page N of M" at the foot of each page. */
export function multiPagePdf(browser: Browser): Promise<Uint8Array> {
	return pdfOf(browser, multiPageHtml(), {
		format: 'A5',
		displayHeaderFooter: true,
		headerTemplate:
			'<div style="font-size:9pt;width:100%;text-align:center">Metro Courier · Transit</div>',
		footerTemplate:
			'<div style="font-size:9pt;width:100%;text-align:center">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
		margin: { top: '2cm', bottom: '2cm', left: '1.5cm', right: '1.5cm' }
	});
}

/** A PDF of `pages` short pages (a book, not an article, past MAX_PDF_PAGES). */
export function manyPagesPdf(browser: Browser, pages: number): Promise<Uint8Array> {
	const page = (n: number) =>
		`<p style="break-after: page">Chapter ${n}. The harbour authority met again today.</p>`;
	const body = Array.from({ length: pages }, (_, i) => page(i + 1)).join('');
	return pdfOf(browser, `<!doctype html><body>${body}</body>`, { format: 'A6' });
}

/** A PDF of a page that is only an image: no text layer, as a scan. */
export function imageOnlyPdf(browser: Browser): Promise<Uint8Array> {
	const svg = encodeURIComponent(
		'<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200"><rect width="400" height="200" fill="#ddd"/><path d="M20 100h360" stroke="#000" stroke-width="6"/></svg>'
	);
	return pdfOf(browser, `<!doctype html><img src="data:image/svg+xml,${svg}">`, { format: 'A4' });
}

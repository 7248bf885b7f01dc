import { expect, test, type Page } from '@playwright/test';
import { startLinkServer, type LinkServer } from './link-server';
import { TWO_COLUMN, imageOnlyPdf, manyPagesPdf, multiPagePdf, twoColumnPdf } from './pdf-fixtures';

// Articles from a link or a PDF, through the browser and `node build`: a real fixture server
// (the one address the server may fetch, by PARALLAX_FETCH_ALLOW in playwright.config.ts) and
// PDFs Chromium prints here. Every refusal shows its message at its field and nothing is stored;
// what is stored shows where it came from on its context card.

const LINK_PORT = Number(process.env.E2E_PORT ?? 4173) + 10;
const COMPARE_URL = /\/compare\/[0-9a-f-]{36}$/;
/** The context card's time of a fetch: "6 Dec 2026, 21:14 UTC". */
const FETCH_TIME =
	/on \d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}, \d\d:\d\d UTC/;
let server: LinkServer;

test.beforeAll(async () => {
	server = await startLinkServer(LINK_PORT);
});
test.afterAll(async () => {
	await server.close();
});

async function open(page: Page, path: string) {
	await page.goto(path);
	await page.locator('html[data-hydrated]').waitFor();
}

async function libraryTotal(page: Page): Promise<number> {
	await open(page, '/library');
	return Number(await page.getByTestId('library-summary').getAttribute('data-total'));
}

test('a link and a two-column PDF become a comparison with their metadata', async ({
	page,
	browser
}) => {
	const pdf = Buffer.from(await twoColumnPdf(browser));
	await open(page, '/new');
	await page.locator('#a-url').fill(`${server.base}/redirect`);
	await page
		.locator('#b-file')
		.setInputFiles({ name: 'flood-wall.pdf', mimeType: 'application/pdf', buffer: pdf });
	await page.getByRole('button', { name: 'Read files into the form' }).click();
	// the first PDF read loads pdf.js into the server: slow on a busy machine
	await expect(page.locator('#b-notice')).toBeVisible({ timeout: 30_000 });

	await expect(page.locator('#a-text')).toHaveValue(/^Council votes to turn Market Street garage/);
	await expect(page.locator('#a-outlet')).toHaveValue('The Harbourside Ledger');
	await expect(page.locator('#a-author')).toHaveValue('Dana Whitfield');
	await expect(page.locator('#a-sourceUrl')).toHaveValue(
		'https://ledger.example/news/2025/10/14/market-street-garage-homes'
	);
	await expect(page.locator('#a-url')).toHaveValue('');
	await expect(page.locator('#a-notice')).toContainText(`Read ${server.base}/article:`);

	const b = page.locator('#b-text');
	await expect(b).toHaveValue(new RegExp(`^${TWO_COLUMN.title}\\n\\nThe county board voted`));
	await expect(b).toHaveValue(/Residents fear the deportation of the river's silt/);
	// the left column is read before the right one, each paragraph on one line
	const text = await b.inputValue();
	expect(text.indexOf('Millbrook and Ashford')).toBeLessThan(text.indexOf('Opponents said'));
	expect(text).not.toMatch(/[a-z]\n[a-z]/);
	await expect(page.locator('#b-title')).toHaveValue(TWO_COLUMN.title);
	await expect(page.locator('#b-notice')).toContainText('Read “flood-wall.pdf”');

	await page.getByRole('button', { name: 'Create comparison' }).click();
	await page.waitForURL(COMPARE_URL);
	await expect(page.getByRole('link', { name: 'Source' }).first()).toHaveAttribute(
		'href',
		'https://ledger.example/news/2025/10/14/market-street-garage-homes'
	);
	await expect(page.getByRole('heading', { name: TWO_COLUMN.title, exact: true })).toBeVisible();

	// each card says where its text came from: the page after redirects and when, the file
	const fetched = page.getByTestId('origin-a');
	await expect(fetched).toContainText(`Fetched from 127.0.0.1:${LINK_PORT}/article`);
	await expect(fetched).toContainText(FETCH_TIME);
	await expect(fetched).not.toContainText('edited');
	await expect(fetched.getByRole('link')).toHaveAttribute('href', `${server.base}/article`);
	const when = await fetched.locator('time').getAttribute('datetime');
	expect(Date.now() - Date.parse(when ?? '')).toBeLessThan(5 * 60_000);
	await expect(page.getByTestId('origin-b')).toHaveText('From the file flood-wall.pdf');
});

test('a windows-1252 page and a multi-page PDF without its headers and page numbers', async ({
	page,
	browser
}) => {
	const pdf = Buffer.from(await multiPagePdf(browser));
	await open(page, '/new');
	await page.locator('#a-url').fill(`${server.base}/cp1252`);
	await page
		.locator('#b-file')
		.setInputFiles({ name: 'timetable.pdf', mimeType: 'application/pdf', buffer: pdf });
	await page.getByRole('button', { name: 'Read files into the form' }).click();
	// the first PDF read loads pdf.js into the server: slow on a busy machine
	await expect(page.locator('#b-notice')).toBeVisible({ timeout: 30_000 });
	await expect(page.locator('#a-text')).toHaveValue(/^Café owners protest/);
	await expect(page.locator('#a-text')).toHaveValue(/tax is “unfair” and will close shops/);
	await expect(page.locator('#a-outlet')).toHaveValue('The Old Gazette');
	await expect(page.locator('#b-text')).toHaveValue(/^Bus timetable changes\n\nParagraph 1 opens/);
	const b = await page.locator('#b-text').inputValue();
	expect(b).not.toMatch(/Metro Courier|Page \d of \d/);
	expect(b.split('\n\n')).toHaveLength(15);
	await expect(page.locator('#b-title')).toHaveValue('Bus timetable changes');
	await expect(page.locator('#b-notice')).toContainText(
		'6 running header, footer and page-number lines were left out'
	);

	// a text changed after it was read is still from its link, and says it was edited
	await page.locator('#a-text').fill(`${await page.locator('#a-text').inputValue()}\n\nA note.`);
	await page.getByRole('button', { name: 'Create comparison' }).click();
	await page.waitForURL(COMPARE_URL);
	await expect(page.getByTestId('origin-a')).toContainText(
		`Fetched from 127.0.0.1:${LINK_PORT}/cp1252`
	);
	await expect(page.getByTestId('origin-a')).toContainText(/UTC, edited since$/);
	await expect(page.getByTestId('origin-b')).toHaveText('From the file timetable.pdf');
	await expect(
		page.getByRole('heading', { name: 'Bus timetable changes', exact: true })
	).toBeVisible();
});

test('every refused link and PDF says why, and nothing is stored', async ({ page, browser }) => {
	test.setTimeout(120_000);
	const before = await libraryTotal(page);
	const links: [string, string][] = [
		['/to-private', 'points into a private network (link-local (and cloud metadata))'],
		['/loop', 'redirects more than 5 times'],
		['/big', 'larger than 5 MB'],
		['/slow', 'did not answer within 2 seconds'],
		['/login', 'a paywall or login page was detected'],
		['/members', 'a paywall or login page was detected'],
		['/report.pdf', 'gives application/pdf, not a web page'],
		['/app', 'No article text was found on this page'],
		['/missing', 'The site answered 404 (Not Found)'],
		['/reset', 'The site could not be reached (the connection failed)'],
		['http://10.1.2.3/', 'points into a private network (private)'],
		['http://no-such-host.invalid/', 'The address of this link could not be found'],
		['ftp://example.org/', 'Only http:// and https:// links can be read'],
		['not a link', 'This is not a web address']
	];
	const scan = Buffer.from(await imageOnlyPdf(browser));
	const book = Buffer.from(await manyPagesPdf(browser, 101));
	const pdfs: [Buffer, string][] = [
		[scan, 'This PDF has no text layer'],
		[book, 'This PDF has 101 pages; up to 100 can be read'],
		[Buffer.from('just some text'), 'This file is named .pdf but is not a PDF'],
		[Buffer.from('%PDF-1.7\n1 0 obj <<>> garbage'), 'This PDF could not be read'],
		// over the 2 MB upload limit, under the 2 MiB request body limit
		[Buffer.from(`%PDF-1.4\n${' '.repeat(2_010_000)}`), 'This file is 2.0 MB; files up to 2 MB']
	];
	for (const [i, [link, message]] of links.entries()) {
		const [pdf, pdfMessage] = pdfs[i % pdfs.length];
		await open(page, '/new');
		await page.locator('#a-url').fill(link.startsWith('/') ? `${server.base}${link}` : link);
		await page
			.locator('#b-file')
			.setInputFiles({ name: 'article.pdf', mimeType: 'application/pdf', buffer: pdf });
		await page.getByRole('button', { name: 'Create comparison' }).click();
		await expect(page.locator('#a-url-error')).toContainText(message);
		await expect(page.locator('#b-file-error')).toContainText(pdfMessage);
		await expect(page.getByRole('alert')).toContainText('Nothing was stored');
	}
	expect(await libraryTotal(page)).toBe(before);
});

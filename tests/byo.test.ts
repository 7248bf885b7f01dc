import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { targetOf } from './room-helpers';

// Bring your own articles: new comparisons from uploads and pastes, bad input refused with a
// message next to its field and nothing stored, the library, edits as new versions, and a
// whole comparison exported as one file and imported again.

const FIXTURES = 'tests/fixtures/byo';
const COMPARE_URL = /\/compare\/[0-9a-f-]{36}$/;

const PASTE_A = [
	'Ferry fares rise to pay for cleaner boats',
	'The harbour authority voted on Monday to raise the island ferry fare from $4 to $5 from June 1.',
	'The authority says the extra money will pay for two electric ferries, which cost $22 million together.',
	'Commuters who buy a monthly pass will pay $90 instead of $80.'
].join('\n\n');
const PASTE_B = [
	'Islanders pay the price for the harbour’s green promises',
	'On Monday the harbour authority raised the island ferry fare from $4 to $5, starting June 1.',
	'Two electric ferries costing $22 million are the reason given, but the boats will not arrive before 2028.',
	'For a nurse who commutes every day, the monthly pass now costs $90.'
].join('\n\n');

/** Open a page and wait until Svelte has hydrated it (clicks before that are lost). */
async function open(page: Page, path: string) {
	await page.goto(path);
	await page.locator('html[data-hydrated]').waitFor();
}

/** How many comparisons the library holds. */
async function libraryTotal(page: Page): Promise<number> {
	await open(page, '/library');
	return Number(await page.getByTestId('library-summary').getAttribute('data-total'));
}

/** Fill both texts and create; returns the new comparison's URL. */
async function createPasted(page: Page, a = PASTE_A, b = PASTE_B): Promise<string> {
	await open(page, '/new');
	await page.locator('#a-text').fill(a);
	await page.locator('#b-text').fill(b);
	await page.getByRole('button', { name: 'Create comparison' }).click();
	await page.waitForURL(COMPARE_URL);
	return page.url();
}

test('two saved web pages become a comparison with suggestions; their scripts never run', async ({
	page
}) => {
	const before = await libraryTotal(page);
	await open(page, '/new');
	await page.locator('#a-file').setInputFiles(`${FIXTURES}/ledger.html`);
	await page.locator('#b-file').setInputFiles(`${FIXTURES}/weekly.html`);
	await page.getByRole('button', { name: 'Read files into the form' }).click();

	// the form now holds the extracted article text and the pages' metadata, ready to check
	await expect(page.locator('#a-text')).toHaveValue(/Tidewater Homes has built three/);
	await expect(page.locator('#a-text')).toHaveValue(/^Council votes to turn Market Street garage/);
	await expect(page.locator('#a-title')).toHaveValue(
		'Council votes to turn Market Street garage into 240 homes'
	);
	await expect(page.locator('#a-outlet')).toHaveValue('The Harbourside Ledger');
	await expect(page.locator('#a-author')).toHaveValue('Dana Whitfield');
	await expect(page.locator('#a-date')).toHaveValue('2025-10-14');
	await expect(page.locator('#a-sourceUrl')).toHaveValue(
		'https://ledger.example/news/2025/10/14/market-street-garage-homes'
	);
	await expect(page.locator('#b-author')).toHaveValue('Omar Haddad');
	await expect(page.locator('#b-genre')).toHaveValue('opinion');
	await expect(page.getByText('Read “weekly.html”')).toBeVisible();
	for (const id of ['#a-text', '#b-text']) {
		const text = await page.locator(id).inputValue();
		for (const noise of ['SCRIPT RAN', 'Advertisement', 'Subscribe', 'eyesore', 'Most read']) {
			expect(text).not.toContain(noise);
		}
	}
	await expect(page.locator('#a-file')).toHaveValue('');

	await page.locator('#title').fill('Market Street garage vote');
	await page.getByRole('button', { name: 'Create comparison' }).click();
	await page.waitForURL(COMPARE_URL);
	const url = page.url();
	await page.locator('html[data-hydrated]').waitFor();
	await expect(page.locator('#article-a')).toContainText('Tidewater Homes');
	await expect(page.locator('#article-b')).toContainText('Instead it chose the ribbon-cutting.');
	const html = await page.content();
	expect(html).not.toContain('SCRIPT RAN');
	expect(await page.title()).not.toContain('SCRIPT RAN');
	expect(await page.locator('body').getAttribute('data-script-ran')).toBeNull();

	// a stable URL: it opens again, and the library lists it with the engine's suggestions
	await open(page, url);
	await expect(page.locator('#article-a')).toContainText('Tidewater Homes');
	expect(await libraryTotal(page)).toBe(before + 1);
	const entry = page.getByRole('article', { name: 'Market Street garage vote' });
	await expect(entry).toContainText('The Harbourside Ledger');
	await expect(entry).toContainText('2025-10-16');
	const suggestions = await entry.getByTestId('suggestions').innerText();
	expect(Number(suggestions.match(/^(\d+) suggested/)?.[1])).toBeGreaterThan(0);
});

test('two pasted texts become a comparison, found by the library search', async ({ page }) => {
	const before = await libraryTotal(page);
	const url = await createPasted(page);
	await expect(page.locator('#article-b')).toContainText('the monthly pass now costs $90');
	expect(await libraryTotal(page)).toBe(before + 1);

	await open(page, '/library?q=ferry%20islanders');
	const entries = page.getByRole('article');
	await expect(entries).toHaveCount(1);
	await expect(entries.first().getByRole('link').first()).toHaveAttribute(
		'href',
		new URL(url).pathname
	);
	await open(page, '/library?q=no-such-words-anywhere');
	await expect(page.getByRole('article')).toHaveCount(0);
	// the seed pair is always there
	await open(page, '/library?q=Inkstick');
	await expect(page.getByRole('article')).toHaveCount(1);
});

test('a Markdown file fills the metadata from its front matter', async ({ page }) => {
	await open(page, '/new');
	await page.locator('#a-file').setInputFiles(`${FIXTURES}/council-notes.md`);
	await page.getByRole('button', { name: 'Read files into the form' }).click();
	await expect(page.locator('#a-title')).toHaveValue('What the garage vote means for renters');
	await expect(page.locator('#a-author')).toHaveValue('Priya Natarajan');
	await expect(page.locator('#a-date')).toHaveValue('2025-10-15');
	await expect(page.locator('#a-genre')).toHaveValue('analysis');
	await expect(page.locator('#a-text')).toHaveValue(/cost \$38 million\./);
	await expect(page.locator('#a-text')).not.toHaveValue(/\*\*|^#|\]\(/m);
	await page.locator('#b-text').fill(PASTE_B);
	await page.getByRole('button', { name: 'Create comparison' }).click();
	await page.waitForURL(COMPARE_URL);
	await expect(page.locator('#article-a')).toContainText('Sixty apartments will be reserved');
});

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49]);

/** Bad inputs: what to do on the form, the field whose message shows, and the message. */
const BAD_INPUTS: {
	name: string;
	fill: (page: Page) => Promise<void>;
	field: string;
	message: RegExp;
}[] = [
	{
		name: 'empty text',
		fill: async (page) => page.locator('#b-text').fill(PASTE_B),
		field: 'a-text',
		message: /Paste the article's text or choose a file\./
	},
	{
		name: 'whitespace only',
		fill: async (page) => {
			await page.locator('#a-text').fill('   \n\n   ');
			await page.locator('#b-text').fill(PASTE_B);
		},
		field: 'a-text',
		message: /Paste the article's text or choose a file\./
	},
	{
		// a QA pass found a one-character article stored with only a "These texts look wrong" notice
		name: 'a one-character text',
		fill: async (page) => {
			await page.locator('#a-text').fill('x');
			await page.locator('#b-text').fill(PASTE_B);
		},
		field: 'a-text',
		message: /^There is nothing to compare in this text: it has no word of two letters or more/
	},
	{
		name: 'a file of numbers only',
		fill: async (page) => {
			await page.locator('#a-text').fill(PASTE_A);
			await page
				.locator('#b-file')
				.setInputFiles({ name: 'n.txt', mimeType: 'text/plain', buffer: Buffer.from('1 2 3\n') });
		},
		field: 'b-file',
		message: /^There is nothing to compare in this text/
	},
	{
		name: '200,001 characters',
		fill: async (page) => {
			await page.locator('#a-text').fill(PASTE_A);
			await page.locator('#b-text').fill('a'.repeat(200_001));
		},
		field: 'b-text',
		message: /This text has 200,001 characters; an article may have at most 200,000/
	},
	{
		name: 'a damaged .pdf file',
		fill: async (page) => {
			await page.locator('#a-file').setInputFiles({
				name: 'report.pdf',
				mimeType: 'application/pdf',
				buffer: Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n', 'latin1')
			});
			await page.locator('#b-text').fill(PASTE_B);
		},
		field: 'a-file',
		message: /This PDF could not be read \(it may be damaged or protected by a password\)/
	},
	{
		name: 'a .png file',
		fill: async (page) => {
			await page
				.locator('#a-file')
				.setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: PNG });
			await page.locator('#b-text').fill(PASTE_B);
		},
		field: 'a-file',
		message: /\.png files are not supported/
	},
	{
		name: 'a binary file named .txt',
		fill: async (page) => {
			await page.locator('#a-text').fill(PASTE_A);
			await page
				.locator('#b-file')
				.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: PNG });
		},
		field: 'b-file',
		message: /This file looks binary \(an image, or a PDF under another extension\?\)/
	},
	{
		name: 'an image named .html',
		fill: async (page) => {
			await page
				.locator('#a-file')
				.setInputFiles({ name: 'page.html', mimeType: 'text/html', buffer: PNG });
			await page.locator('#b-text').fill(PASTE_B);
		},
		field: 'a-file',
		message: /This file looks binary/
	},
	{
		name: 'invalid UTF-8 bytes',
		fill: async (page) => {
			await page.locator('#a-file').setInputFiles({
				name: 'latin1.txt',
				mimeType: 'text/plain',
				buffer: Buffer.from('Caf\xe9 owners say the garage vote was rushed.', 'latin1')
			});
			await page.locator('#b-text').fill(PASTE_B);
		},
		field: 'a-file',
		message: /not valid UTF-8 text \(the first bad byte is at position 3\)/
	},
	{
		name: 'HTML with only scripts',
		fill: async (page) => {
			await page.locator('#a-text').fill(PASTE_A);
			await page.locator('#b-file').setInputFiles(`${FIXTURES}/scripts-only.html`);
		},
		field: 'b-file',
		message: /No article text was found in this HTML page/
	},
	{
		name: 'an empty file',
		fill: async (page) => {
			await page
				.locator('#a-file')
				.setInputFiles({ name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) });
			await page.locator('#b-text').fill(PASTE_B);
		},
		field: 'a-file',
		message: /This file is empty/
	}
];

for (const bad of BAD_INPUTS) {
	test(`bad input is refused next to its field and stores nothing: ${bad.name}`, async ({
		page
	}) => {
		const before = await libraryTotal(page);
		await open(page, '/new');
		await bad.fill(page);
		await page.getByRole('button', { name: 'Create comparison' }).click();
		const error = page.locator(`#${bad.field}-error`);
		await expect(error).toHaveText(bad.message);
		const control = page.locator(`#${bad.field}`);
		await expect(control).toHaveAttribute('aria-invalid', 'true');
		await expect(control).toHaveAttribute('aria-describedby', new RegExp(`${bad.field}-error`));
		await expect(control).toBeFocused();
		await expect(page.getByRole('alert')).toContainText('Nothing was stored');
		expect(page.url()).toMatch(/\/new/);
		expect(await libraryTotal(page)).toBe(before);
	});
}

test('without JavaScript the form still creates, and still explains bad input', async ({
	browser
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/new');
	await page.locator('#a-text').fill(PASTE_A);
	await page
		.locator('#b-file')
		.setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: PNG });
	await page.getByRole('button', { name: 'Create comparison' }).click();
	await expect(page.locator('#b-file-error')).toHaveText(/\.png files are not supported/);
	// what was typed comes back
	await expect(page.locator('#a-text')).toHaveValue(PASTE_A);
	await page.locator('#b-text').fill(PASTE_B);
	await page.getByRole('button', { name: 'Create comparison' }).click();
	await page.waitForURL(COMPARE_URL);
	await expect(page.locator('#article-a')).toContainText('two electric ferries');
	await context.close();
});

test('a slow creation shows progress after 300 ms', async ({ page }) => {
	await open(page, '/new');
	await page.route('**/new?/create', async (route) => {
		await new Promise((r) => setTimeout(r, 1200));
		await route.continue();
	});
	await page.locator('#a-text').fill(PASTE_A);
	await page.locator('#b-text').fill(`${PASTE_B}\n\nA slow one.`);
	await page.getByRole('button', { name: 'Create comparison' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'Analysing the two articles…' })
	).toBeVisible();
	await page.waitForURL(COMPARE_URL);
});

/** Creates a note on `quote` in article `side` through the JSON API, in this browser's workspace. */
async function annotate(page: Page, comparisonId: string, articleId: string, quote: string) {
	const origin = new URL(page.url()).origin;
	const article = await (await page.request.get(`/api/articles/${articleId}`)).json();
	const response = await page.request.post(`/api/comparisons/${comparisonId}/annotations`, {
		headers: { origin },
		data: {
			id: randomUUID(),
			kind: 'note',
			note: `About: ${quote}`,
			targets: [targetOf(article, 'a', quote)]
		}
	});
	expect(response.status()).toBe(201);
}

test('editing a text makes a new version; annotations move or are listed to re-attach', async ({
	page
}) => {
	const url = await createPasted(page, `${PASTE_A}\n\nThe vote was unanimous.`, PASTE_B);
	const id = url.split('/').pop() as string;
	await open(page, `/compare/${id}/edit`);
	const articleA = await page.locator('input[name="a.base"]').inputValue();
	// a passage that stays (with its context) and one the edit deletes
	await annotate(page, id, articleA, 'raise the island ferry fare from $4 to $5');
	await annotate(page, id, articleA, 'The vote was unanimous.');
	const before = await libraryTotal(page);

	await open(page, `/compare/${id}/edit`);
	await expect(page.locator('#a-text')).toHaveValue(/The vote was unanimous\./);
	// a text with nothing to compare is refused next to its field, and the comparison is unchanged
	await page.locator('#a-text').fill('x');
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.locator('#a-text-error')).toHaveText(
		/^There is nothing to compare in this text/
	);
	expect(await page.locator('input[name="a.base"]').inputValue()).toBe(articleA);
	await open(page, `/compare/${id}/edit`);
	await expect(page.locator('#a-text')).toHaveValue(/The vote was unanimous\./);
	const edited = `Update: the authority will review the fare in a year.\n\n${PASTE_A}`;
	await page.locator('#a-text').fill(edited);
	await page.getByRole('button', { name: 'Save changes' }).click();
	await page.waitForURL(/\/edit\?saved=a$/);
	await expect(page.getByText('Saved: article A now has a new version.')).toBeVisible();
	await expect(page.getByText('1 annotation was moved to the new text.')).toBeVisible();
	await expect(page.getByTestId('orphans')).toContainText('The vote was unanimous.');
	expect(await page.locator('input[name="a.base"]').inputValue()).not.toBe(articleA);

	// the comparison's URL shows the new text; the library has no extra entry, and counts 2 notes
	await open(page, url);
	await expect(page.locator('#article-a')).toContainText('review the fare in a year');
	expect(await libraryTotal(page)).toBe(before);
	await open(page, '/library?q=ferry');
	const entry = page.getByRole('article').filter({ has: page.locator(`a[href$="${id}"]`) });
	await expect(entry.getByTestId('annotations')).toHaveText('2 annotations');
});

test('a comparison travels as one file: download, then import elsewhere', async ({
	page,
	browser
}) => {
	const url = await createPasted(page, PASTE_A.replace('Monday', 'Tuesday'), PASTE_B);
	const id = url.split('/').pop() as string;
	await open(page, `/compare/${id}/edit`);
	const articleA = await page.locator('input[name="a.base"]').inputValue();
	await annotate(page, id, articleA, 'raise the island ferry fare from $4 to $5');

	await open(page, '/library');
	const entry = page.getByRole('article').filter({ has: page.locator(`a[href$="${id}"]`) });
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		entry.getByRole('link', { name: /Download as one file/ }).click()
	]);
	const path = await download.path();
	const bundle = JSON.parse(readFileSync(path, 'utf8'));
	expect(bundle).toMatchObject({
		parallax: 'comparison-bundle',
		version: 1,
		articles: { a: { meta: { title: expect.any(String) } }, b: { raw: PASTE_B } },
		annotations: { type: 'AnnotationCollection', total: 1 }
	});
	// pasted without a genre chosen: the file says none (no "opinion" by default)
	expect(bundle.articles.a.meta).not.toHaveProperty('genre');

	// another reader (a fresh browser, no cookies) imports it
	const context = await browser.newContext();
	const other = await context.newPage();
	const before = await libraryTotal(other);
	await open(other, '/import');
	await other.locator('#bundle').setInputFiles({
		name: 'broken.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify({ ...bundle, parallax: undefined }))
	});
	await other.getByRole('button', { name: 'Import' }).click();
	await expect(other.locator('#bundle-error')).toContainText('not a Parallax comparison file');
	await expect(other.locator('#bundle')).toBeFocused();
	expect(await libraryTotal(other)).toBe(before);

	await open(other, '/import');
	await other.locator('#bundle').setInputFiles(path);
	await other.getByRole('button', { name: 'Import' }).click();
	await other.waitForURL(COMPARE_URL);
	expect(other.url()).not.toBe(url);
	await expect(other.locator('#article-a')).toContainText('Tuesday');
	const imported = other.url().split('/').pop() as string;
	expect(await libraryTotal(other)).toBe(before + 1);
	const notes = await (await other.request.get(`/api/comparisons/${imported}/annotations`)).json();
	expect(notes.annotations.map((a: { note: string }) => a.note)).toEqual([
		'About: raise the island ferry fare from $4 to $5'
	]);
	await context.close();
});

test('the new, library and import pages pass axe and fit 375 px', async ({ page }) => {
	for (const path of ['/new', '/library', '/import']) {
		for (const width of [1280, 375]) {
			await page.setViewportSize({ width, height: 800 });
			await open(page, path);
			const results = await new AxeBuilder({ page }).analyze();
			expect(results.violations, `${path} at ${width}px`).toEqual([]);
			const overflow = await page.evaluate(
				() => document.documentElement.scrollWidth - document.documentElement.clientWidth
			);
			expect(overflow, `${path} at ${width}px scrolls sideways`).toBeLessThanOrEqual(0);
		}
	}
});

test('the form is usable by keyboard alone', async ({ page }) => {
	await open(page, '/new');
	await page.locator('#title').focus();
	await page.keyboard.type('Keyboard only');
	await page.keyboard.press('Tab');
	await page.keyboard.type(PASTE_A);
	await page.locator('#b-text').focus();
	await page.keyboard.insertText(PASTE_B);
	await page.locator('#b-text').press('Tab');
	await expect(page.locator('#b-url')).toBeFocused();
	await page.keyboard.press('Tab');
	await expect(page.locator('#b-file')).toBeFocused();
	// Enter in a text field submits with the first button: Create
	await page.locator('#b-title').focus();
	await page.keyboard.press('Enter');
	await page.waitForURL(COMPARE_URL);
});

test('the seed comparison cannot be edited (it is re-synced with seeds/ at start)', async ({
	page
}) => {
	const response = await page.goto('/compare/seed/edit');
	expect(response?.status()).toBe(403);
	await expect(page.getByRole('main')).toContainText('cannot be edited');
	await expect(page.getByRole('button', { name: 'Save changes' })).toHaveCount(0);
});

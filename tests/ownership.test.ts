import { expect, test, type Page } from '@playwright/test';

// A comparison belongs to the browser that made it: a second browser (another context, so
// another cookie jar) reads and annotates it, but gets no edit form, cannot post one, and the
// library tells it the comparison is read-only.

const COMPARE_URL = /\/compare\/([0-9a-f-]{36})$/;

const A = [
	'Library hours cut to save money',
	'The city council voted on Tuesday to close the Main Street library on Sundays from May.',
	'The council says the change saves $80,000 a year.'
].join('\n\n');
const B = [
	'Families lose their Sunday library',
	'From May the Main Street library will be closed on Sundays, the council decided on Tuesday.',
	'Parents say Sunday is the only day they can bring their children.'
].join('\n\n');

/** Open a page and wait until Svelte has hydrated it. */
async function open(page: Page, path: string) {
	await page.goto(path);
	await page.locator('html[data-hydrated]').waitFor();
}

test('a second browser cannot edit a comparison it did not make', async ({ page, browser }) => {
	// the first browser makes a comparison: it is theirs
	await open(page, '/new');
	await page.locator('#title').fill(`Sunday library ${Date.now()}`);
	await page.locator('#a-text').fill(A);
	await page.locator('#b-text').fill(B);
	await page.getByRole('button', { name: 'Create comparison' }).click();
	await page.waitForURL(COMPARE_URL);
	const id = COMPARE_URL.exec(page.url())![1];
	await expect(page.getByRole('link', { name: 'Edit texts' })).toBeVisible();

	const other = await browser.newContext();
	const stranger = await other.newPage();
	try {
		// the reading view: no edit link
		await open(stranger, `/compare/${id}`);
		await expect(stranger.locator('#article-a')).toContainText('Main Street library');
		await expect(stranger.getByRole('link', { name: 'Edit texts' })).toHaveCount(0);
		// the edit form: refused, saying why
		const response = await stranger.goto(`/compare/${id}/edit`);
		expect(response?.status()).toBe(403);
		await expect(stranger.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
		await expect(stranger.getByRole('main')).toContainText(
			'Only the browser that made this comparison can edit it.'
		);
		await expect(stranger.getByRole('button', { name: 'Save changes' })).toHaveCount(0);
		// posting the form anyway changes nothing
		const posted = await stranger.request.post(`/compare/${id}/edit?/save`, {
			form: { title: 'Rewritten', 'a.text': 'Rewritten.', 'b.text': 'Rewritten.' },
			headers: { origin: new URL(stranger.url()).origin, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(posted.status()).toBe(403);
		await open(stranger, `/compare/${id}`);
		await expect(stranger.locator('#article-a')).toContainText('Main Street library');
		// the library says it is read-only for this browser, and offers no edit link
		await open(stranger, `/library?q=${encodeURIComponent('Sunday library')}`);
		const item = stranger.getByRole('article').filter({ has: stranger.locator(`#c-${id}`) });
		await expect(item.getByTestId('read-only')).toHaveText('Read only: made in another browser');
		await expect(item.getByRole('link', { name: /Edit texts/ })).toHaveCount(0);
	} finally {
		await other.close();
	}

	// the first browser still edits it
	await open(page, `/library?q=${encodeURIComponent('Sunday library')}`);
	const mine = page.getByRole('article').filter({ has: page.locator(`#c-${id}`) });
	await expect(mine.getByRole('link', { name: /Edit texts/ })).toBeVisible();
	await open(page, `/compare/${id}/edit`);
	await expect(page.getByRole('button', { name: 'Save changes' })).toBeVisible();
});

import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';

// Deleting a comparison (a wrong or private text pasted into the public library): its owner
// does it from the edit page's danger zone, reached from the library, by keyboard and without
// JavaScript; the seed, someone else's comparison and one a class uses are refused.

const COMPARE_URL = /\/compare\/([0-9a-f-]{36})$/;

const A = [
	'Pool hours cut to save money',
	'The city council voted on Tuesday to close the Eastside pool on Mondays from June.',
	'The council says the change saves $40,000 a year.'
].join('\n\n');
const B = [
	'Swimmers lose their Monday pool',
	'From June the Eastside pool will be closed on Mondays, the council decided on Tuesday.',
	'Parents say Monday is the only evening their children can swim.'
].join('\n\n');

/** Open a page and wait until Svelte has hydrated it. */
async function open(page: Page, path: string) {
	await page.goto(path);
	await page.locator('html[data-hydrated]').waitFor();
}

/** Make a comparison with the /new form (hydrated or not); its id. */
async function create(page: Page, title: string): Promise<string> {
	await page.goto('/new');
	await page.locator('#title').fill(title);
	await page.locator('#a-text').fill(A);
	await page.locator('#b-text').fill(B);
	await page.getByRole('button', { name: 'Create comparison' }).click();
	await page.waitForURL(COMPARE_URL);
	return COMPARE_URL.exec(page.url())![1];
}

/** The accessibility violations axe finds on the page, one line each. */
async function axe(page: Page): Promise<string[]> {
	return (await new AxeBuilder({ page }).analyze()).violations.map(
		(v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
	);
}

/** The library entry of comparison `id`, as `page` sees it after searching for `title`. */
async function entry(page: Page, id: string, title: string) {
	await open(page, `/library?q=${encodeURIComponent(title)}`);
	return page.getByRole('article').filter({ has: page.locator(`#c-${id}`) });
}

test('the owner deletes a comparison from the library with the keyboard: gone, and its address answers 404', async ({
	page
}) => {
	const title = `Private paste ${Date.now()}`;
	const id = await create(page, title);

	// from the library entry to the danger zone, by keyboard
	const item = await entry(page, id, title);
	const link = item.getByRole('link', { name: `Delete… “${title}”` });
	await link.focus();
	await page.keyboard.press('Enter');
	await page.waitForURL(new RegExp(`/compare/${id}/edit#delete$`));
	const zone = page.getByRole('region', { name: 'Danger zone: delete this comparison' });
	await expect(zone).toBeInViewport();
	await expect(zone).toContainText('Its address stops working.');
	const confirmation = zone.getByLabel(/Type the comparison’s title/);
	await confirmation.focus();
	expect(await axe(page)).toEqual([]);

	// the wrong words: refused in the page, nothing sent
	await page.keyboard.type('Private');
	await page.keyboard.press('Enter');
	await expect(zone.getByRole('alert')).toHaveText(
		`Type the comparison’s title (${title}) or the word delete to confirm.`
	);
	await expect(page).toHaveURL(new RegExp(`/compare/${id}/edit#delete$`));

	// the title: deleted, and the library says so where focus is
	await page.keyboard.press('Control+A');
	await page.keyboard.type(title.toUpperCase());
	await page.keyboard.press('Tab');
	await expect(zone.getByRole('button', { name: 'Delete this comparison' })).toBeFocused();
	await page.keyboard.press('Enter');
	await page.waitForURL(/\/library$/);
	const status = page.getByText(`Deleted “${title}”.`);
	await expect(status).toBeFocused();
	await expect(status).toHaveAttribute('role', 'status');
	await expect(page.locator(`#c-${id}`)).toHaveCount(0);
	expect(await axe(page)).toEqual([]);

	expect((await page.request.get(`/compare/${id}`)).status()).toBe(404);
	await page.reload();
	await expect(page.getByText(`Deleted “${title}”.`)).toHaveCount(0);
	await open(page, `/library?q=${encodeURIComponent(title)}`);
	await expect(page.getByTestId('library-summary')).toContainText('0 of');
});

test('without JavaScript: the form posts, a wrong title is refused on its field, the title deletes', async ({
	browser
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	try {
		const title = `Wrong text ${Date.now()}`;
		const id = await create(page, title);
		await page.goto(`/compare/${id}/edit`);
		const zone = page.getByRole('region', { name: 'Danger zone: delete this comparison' });
		await zone.getByLabel(/Type the comparison’s title/).fill('nope');
		await zone.getByRole('button', { name: 'Delete this comparison' }).click();
		await expect(zone.getByRole('alert')).toHaveText(
			`Type the comparison’s title (${title}) or the word delete to confirm.`
		);
		await expect(zone.getByLabel(/Type the comparison’s title/)).toBeFocused();
		await zone.getByLabel(/Type the comparison’s title/).fill('delete');
		await zone.getByRole('button', { name: 'Delete this comparison' }).click();
		await page.waitForURL(/\/library$/);
		await expect(page.getByText(`Deleted “${title}”.`)).toBeFocused();
		expect((await page.request.get(`/compare/${id}`)).status()).toBe(404);
	} finally {
		await context.close();
	}
});

/** A comparison made in a browser of its own (another cookie jar): its id and that browser. */
async function madeElsewhere(browser: Browser, title: string) {
	const context = await browser.newContext();
	const page = await context.newPage();
	return { context, page, id: await create(page, title) };
}

test('refused: the seed, someone else’s comparison, one a class uses', async ({
	page,
	browser
}) => {
	// the seed: no delete link, no edit page, a post refused
	await open(page, '/library');
	const seed = page.getByRole('article').filter({ hasText: 'Read only: the seed comparison' });
	await expect(seed).toHaveCount(1);
	await expect(seed.getByRole('link', { name: /Delete/ })).toHaveCount(0);
	expect((await page.goto('/compare/seed/edit'))?.status()).toBe(403);
	const origin = new URL(page.url()).origin;
	const post = (path: string) =>
		page.request.post(path, {
			form: { confirm: 'delete' },
			headers: { origin, accept: 'text/html' },
			maxRedirects: 0
		});
	const seedPost = await post('/compare/seed/edit?/delete');
	expect(seedPost.status()).toBe(403);
	expect(await seedPost.text()).toContain('The seed comparison is kept as shipped');
	expect((await page.request.get('/compare/seed')).status()).toBe(200);

	// someone else's: read-only in the library, and a post is refused
	const title = `Someone else’s ${Date.now()}`;
	const other = await madeElsewhere(browser, title);
	try {
		const item = await entry(page, other.id, title);
		await expect(item.getByTestId('read-only')).toHaveText('Read only: made in another browser');
		await expect(item.getByRole('link', { name: /Delete/ })).toHaveCount(0);
		const theirs = await post(`/compare/${other.id}/edit?/delete`);
		expect(theirs.status()).toBe(403);
		expect(await theirs.text()).toContain(
			'Only the browser that made this comparison can delete it.'
		);
		expect((await page.request.get(`/compare/${other.id}`)).status()).toBe(200);

		// the owner's, once a class works on it: the danger zone says why, and offers no button
		const teacher = await browser.newContext();
		try {
			const made = await teacher.request.post(`${origin}/api/rooms`, {
				data: { comparisonId: other.id },
				headers: { origin }
			});
			expect(made.status()).toBe(201);
			await open(other.page, `/compare/${other.id}/edit`);
			const zone = other.page.getByRole('region', {
				name: 'Danger zone: delete this comparison'
			});
			await expect(zone).toContainText(
				'Others work on this comparison (one room: a class, or readers’ annotations), so it cannot be deleted'
			);
			await expect(zone.getByRole('button')).toHaveCount(0);
			expect(await axe(other.page)).toEqual([]);
			const inUse = await other.page.request.post(`/compare/${other.id}/edit?/delete`, {
				form: { confirm: 'delete' },
				headers: { origin, accept: 'text/html' },
				maxRedirects: 0
			});
			expect(inUse.status()).toBe(409);
			expect((await page.request.get(`/compare/${other.id}`)).status()).toBe(200);
		} finally {
			await teacher.close();
		}
	} finally {
		await other.context.close();
	}
});

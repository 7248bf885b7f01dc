import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

// A QA pass opened over-long addresses and got a bare text page: the address guard's plain text
// under Node's header limit, and past it Node's empty 431, which Chromium shows as its own
// "HTTP ERROR 431". And a wrong comparison's download: the error page for the browser.

async function expectAxeClean(page: Page) {
	const results = await new AxeBuilder({ page }).analyze();
	expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

test('an address longer than any page gets the app’s own error page', async ({ page }) => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	const response = await page.goto(`/compare/${'a'.repeat(5000)}`);
	expect(response?.status()).toBe(400);
	await page.locator('html[data-hydrated]').waitFor();
	await expect(page).toHaveTitle('400 · Parallax');
	const main = page.getByRole('main');
	await expect(main.getByRole('heading', { level: 1 })).toHaveText('Not a valid address');
	await expect(main).toContainText(
		'The address is too long. Check the link you followed or the address you typed.'
	);
	// the app's stylesheet and layout, as on its 404 page
	expect(await main.evaluate((el) => getComputedStyle(el).maxWidth)).toBe(
		await page.evaluate(() => `${parseFloat(getComputedStyle(document.body).fontSize) * 36}px`)
	);
	await expectAxeClean(page);
	await main.getByRole('link', { name: 'Open the seed comparison' }).click();
	await page.waitForURL((url) => url.pathname === '/');
	await expect(page.locator('#article-a')).toBeVisible();
	expect(errors).toEqual([]);
});

test('broken characters in an address get the same page', async ({ page }) => {
	const response = await page.goto('/library?q=%00');
	expect(response?.status()).toBe(400);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not a valid address');
	await expect(page.getByRole('main')).toContainText(
		'The query contains a control or broken character.'
	);
});

test('an address past the server’s header limit gets a short page, not the browser’s bare 431', async ({
	page
}) => {
	const response = await page.goto(`/compare/${'a'.repeat(40_000)}`);
	expect(response?.status()).toBe(431);
	await expect(page).toHaveTitle('431 · Parallax');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Address too long');
	await expect(page.getByRole('main')).toContainText('Check the link you followed');
	await expectAxeClean(page);
	await page.getByRole('link', { name: 'Open the seed comparison' }).click();
	await page.waitForURL((url) => url.pathname === '/');
	await expect(page.locator('#article-a')).toBeVisible();
});

test('a wrong comparison’s download shows the error page in a browser', async ({ page }) => {
	const response = await page.goto('/compare/no-such-comparison/bundle');
	expect(response?.status()).toBe(404);
	expect(response?.headers()['content-type']).toMatch(/^text\/html/);
	await expect(page.locator('body')).toContainText('No comparison has this address.');
});

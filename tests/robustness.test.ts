import { expect, test } from '@playwright/test';

// Issue 13: ordinary articles must never blank the reading view. When "last week" was both a
// shared date and a shared phrase, the keyed list of a suggestion's details threw
// each_key_duplicate and the whole page went white.

test('a comparison whose shared date is also a shared phrase renders', async ({ page }) => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await page.goto('/new');
	await page.locator('html[data-hydrated]').waitFor();
	await page.locator('#a-text').fill('Prices rose sharply last week across the whole country.');
	await page.locator('#b-text').fill('Across the country, prices rose sharply last week.');
	await page.getByRole('button', { name: 'Create comparison' }).click();
	await page.waitForURL(/\/compare\/[0-9a-f-]{36}$/);
	await page.locator('html[data-hydrated]').waitFor();
	const details = page.getByRole('list', { name: 'Shared details' }).first();
	await expect(details).toBeVisible();
	await expect(details.getByRole('listitem').filter({ hasText: /^last week$/ })).toHaveCount(1);
	await expect(page.getByRole('button', { name: /Show in both articles/ }).first()).toBeVisible();
	expect(errors).toEqual([]);
});

import { expect, test, type Page } from '@playwright/test';

// Where keyboard focus goes when part of the reading view opens, closes or goes away.

/** Open the seed comparison at `width` and wait for hydration. */
async function openSeed(page: Page, width: number) {
	await page.setViewportSize({ width, height: 800 });
	await page.goto('/');
	await page.locator('html[data-hydrated]').waitFor();
}

/** Whether focus is inside the analysis drawer. */
const focusInDrawer = (page: Page) =>
	page.evaluate(() => !!document.activeElement?.closest('#insights'));

test('375 px: the analysis drawer takes focus, keeps Tab inside, and gives it back', async ({
	page
}) => {
	await openSeed(page, 375);
	const opener = page.getByRole('button', { name: /^Analysis \(/ });
	await opener.focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('button', { name: 'Close analysis' })).toBeFocused();
	await expect(page.getByRole('tab', { name: 'Facts' })).toBeVisible();
	// Shift+Tab from the first stop wraps to the last, Tab from there back to the first
	await page.keyboard.press('Shift+Tab');
	expect(await focusInDrawer(page)).toBe(true);
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Close analysis' })).toBeFocused();
	// forwards and backwards, well past the drawer's tab stops: never behind it
	for (let i = 0; i < 40; i++) {
		await page.keyboard.press('Tab');
		expect(await focusInDrawer(page), `Tab ${i + 1}`).toBe(true);
	}
	for (let i = 0; i < 40; i++) {
		await page.keyboard.press('Shift+Tab');
		expect(await focusInDrawer(page), `Shift+Tab ${i + 1}`).toBe(true);
	}
	await page.keyboard.press('Escape');
	await expect(page.locator('#insights')).toBeHidden();
	await expect(opener).toBeFocused();
	// the close button gives focus back too
	await page.keyboard.press('Enter');
	await expect(page.getByRole('button', { name: 'Close analysis' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.locator('#insights')).toBeHidden();
	await expect(opener).toBeFocused();
});

import { expect, test, type Page } from '@playwright/test';

// A phone: touch input at 375 px. Headless Chromium cannot long-press to select, so the test
// makes the selection a long-press leaves (a range over one sentence, through the Selection
// API, firing selectionchange as the gesture does); everything after it is real taps.

test.use({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });

/** Select a whole sentence as a long-press and the handles would. */
async function touchSelect(page: Page, id: string) {
	await page.locator(`#${id}`).scrollIntoViewIfNeeded();
	await page.locator(`#${id}`).evaluate((el) => {
		const range = document.createRange();
		range.selectNodeContents(el);
		const selection = document.getSelection()!;
		selection.removeAllRanges();
		selection.addRange(range);
	});
}

test('on a phone, tapping the toolbar and the dialog saves a note on the selected sentence', async ({
	page
}) => {
	await page.goto('/');
	await page.locator('html[data-hydrated]').waitFor();
	await touchSelect(page, 'a-s6');
	const toolbar = page.getByRole('toolbar', { name: 'Annotate the selection' });
	await expect(toolbar).toBeVisible();
	await toolbar.getByRole('button', { name: 'Note' }).tap();
	const dialog = page.getByRole('dialog', { name: 'New note' });
	await expect(dialog).toBeVisible();
	await dialog.getByLabel('Question or comment').fill('Tapped on a phone.');
	await dialog.getByRole('button', { name: 'Save' }).tap();
	await expect(dialog).toBeHidden();
	// the analysis is a drawer at this width: open it and find the note
	await page.getByRole('button', { name: /^Analysis \(/ }).tap();
	await page.getByRole('tab', { name: 'Annotations (1)' }).tap();
	await expect(page.getByRole('article', { name: /Note by/ })).toContainText('Tapped on a phone.');
	// the page never grows wider than the phone
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});

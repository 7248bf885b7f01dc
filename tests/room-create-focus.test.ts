import { expect, test } from '@playwright/test';

// Create room replaces its form with the new room's links: a keyboard user who pressed the
// button must land on what replaced it, not on the page's body (their next Tab would start
// again at the top of the page).

test('Create room by keyboard: focus moves to the "is ready" message, then Tab reaches the teacher link', async ({
	page
}) => {
	await page.goto('/rooms');
	await page.locator('html[data-hydrated]').waitFor();
	await page.locator('select[name="comparisonId"]').selectOption({ index: 1 });
	await page.getByLabel('Room title').fill('Period 6');
	await page.getByRole('button', { name: 'Create room' }).focus();
	await page.keyboard.press('Enter');
	const ready = page.getByRole('status').filter({ hasText: 'Room “Period 6” is ready.' });
	await expect(ready).toBeVisible();
	await expect(ready).toBeFocused();
	await page.keyboard.press('Tab');
	await expect(
		page.getByRole('button', { name: 'Copy the teacher link', exact: true })
	).toBeFocused();
});

import { expect, test, type Page } from '@playwright/test';
import { dragSelect } from './helpers';

// The reader's own work is a personal room of one: the same room verbs and live stream as a
// class, so two tabs of the same browser show the same annotations without a reload.

async function open(page: Page) {
	await page.setViewportSize({ width: 1400, height: 900 });
	await page.goto('/');
	await page.locator('html[data-hydrated]').waitFor();
	await page.getByRole('tab', { name: /Annotations/ }).click();
}

async function addNote(page: Page, sentence: string, text: string) {
	await dragSelect(page, page.locator(sentence));
	await page.getByRole('toolbar').getByRole('button', { name: 'Note' }).click();
	await page.getByLabel('Question or comment').fill(text);
	await page.getByRole('button', { name: 'Save' }).click();
}

test('two tabs of one reader stay in step live (their personal room)', async ({ context }) => {
	const first = await context.newPage();
	await open(first);
	await addNote(first, '#a-s6', 'First, before the room existed.');
	await expect(first.getByRole('tab', { name: 'Annotations (1)' })).toBeVisible();

	const second = await context.newPage();
	await open(second);
	await expect(second.getByRole('tab', { name: 'Annotations (1)' })).toBeVisible();

	// a note written in the first tab (back in front) appears in the second within a second
	await first.bringToFront();
	await addNote(first, '#b-s7', 'Second, written while the other tab is open.');
	await expect(second.getByRole('tab', { name: 'Annotations (2)' })).toBeVisible({
		timeout: 1000
	});
	await expect(second.getByText('Second, written while the other tab is open.')).toBeVisible();

	// and a delete in the second tab leaves the first
	await second.bringToFront();
	const item = second.getByRole('article', { name: /Note by/ }).filter({ hasText: 'First,' });
	await item.getByRole('button', { name: 'Delete', exact: true }).click();
	await item.getByRole('button', { name: 'Yes, delete this note' }).click();
	await expect(first.getByRole('tab', { name: 'Annotations (1)' })).toBeVisible({
		timeout: 1000
	});
	await expect(first.getByText('First, before the room existed.')).toHaveCount(0);

	// a suggestion accepted in one tab shows as accepted in the other
	await first.bringToFront();
	for (const tab of [first, second]) {
		await tab.getByRole('tab', { name: 'Facts', exact: true }).click();
		await tab.getByRole('tab', { name: /Suggested/ }).click();
	}
	await first.getByRole('button', { name: 'Accept suggestion 1', exact: true }).click();
	await expect(
		second.getByRole('button', { name: 'Accept suggestion 1', exact: true })
	).toHaveCount(0, { timeout: 1000 });
	await expect(second.getByText('Accepted', { exact: true }).first()).toBeVisible();
});

test('another browser never sees the reader’s personal room', async ({ browser, page }) => {
	await open(page);
	await addNote(page, '#a-s6', 'Private thought.');
	await expect(page.getByRole('tab', { name: 'Annotations (1)' })).toBeVisible();
	const listing = await page.request.get('/api/comparisons/seed/annotations');
	const roomId = (await listing.json()).stream?.roomId;
	expect(roomId).toBeTruthy();
	const stranger = await browser.newContext();
	try {
		const response = await stranger.request.get(`/api/rooms/${roomId}/annotations`);
		expect(response.status()).toBe(404);
		const other = await stranger.newPage();
		await open(other);
		await expect(other.getByText('Private thought.')).toHaveCount(0);
	} finally {
		await stranger.close();
	}
});

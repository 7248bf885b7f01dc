import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

// Issue 14: keyboard users keep their place. After Save or Cancel focus is back on the sentence
// they were on, the live region says what happened and the next F / N works; sentence mode
// skips page furniture, and furniture is never an end of a shared fact made by keyboard.

const WIDTHS = [
	{ width: 1440, height: 900 },
	{ width: 375, height: 812 }
];

/** Open the seed comparison, hydrated. */
async function openSeed(page: Page) {
	await page.goto('/');
	await page.locator('html[data-hydrated]').waitFor();
}

/** The id of the sentence holding focus, or null when focus is elsewhere. */
const focusedSentence = (page: Page) =>
	page.evaluate(() => document.activeElement?.closest('[data-sentence]')?.id ?? null);

/** Whether focus sits in page furniture. */
const focusInFurniture = (page: Page) =>
	page.evaluate(() => !!document.activeElement?.closest('[data-furniture]'));

const live = (page: Page) => page.locator('p[aria-live="polite"]').filter({ hasText: /./ });

for (const size of WIDTHS) {
	test(`${size.width} px: after Save and after Cancel the keyboard is back on its sentence`, async ({
		page
	}) => {
		await page.setViewportSize(size);
		await openSeed(page);
		await page.locator('#article-a').focus();
		await page.keyboard.press('Enter');
		for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
		const start = await focusedSentence(page);
		expect(start).toMatch(/^a-s\d+$/);

		// N, write, Save: focus returns, the live region says so, and F opens the next dialog
		await page.keyboard.press('n');
		const note = page.getByRole('dialog', { name: 'New note' });
		await expect(note).toBeVisible();
		await note.getByLabel('Question or comment').fill('Who counted?');
		await note.getByRole('button', { name: 'Save' }).click();
		await expect(note).toBeHidden();
		await expect(live(page)).toContainText(/Note saved on passage \d+ in article A/);
		expect(await focusedSentence(page)).toBe(start);

		await page.keyboard.press('f');
		const framing = page.getByRole('dialog', { name: 'New framing' });
		await expect(framing).toBeVisible();
		const results = await new AxeBuilder({ page }).include('dialog').analyze();
		expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
		await framing.getByRole('button', { name: 'Cancel' }).click();
		await expect(framing).toBeHidden();
		await expect(live(page)).toContainText('Framing cancelled: nothing saved.');
		expect(await focusedSentence(page)).toBe(start);

		// Escape cancels too; the arrows still move sentence by sentence, never the page
		await page.keyboard.press('n');
		await expect(note).toBeVisible();
		await page.keyboard.press('Escape');
		await expect(note).toBeHidden();
		await expect(live(page)).toContainText('Note cancelled: nothing saved.');
		expect(await focusedSentence(page)).toBe(start);
		await page.keyboard.press('ArrowDown');
		expect(await focusedSentence(page)).not.toBe(start);
		expect(await page.evaluate(() => window.scrollY)).toBe(0);
	});
}

test('sentence mode skips furniture; furniture cannot be an end of a shared fact', async ({
	page
}) => {
	await page.setViewportSize({ width: 1440, height: 900 });
	await openSeed(page);
	const furniture = page.locator('#article-a [data-furniture] [data-sentence]');
	expect(await furniture.count()).toBeGreaterThan(0);

	// from the top of the column, Enter and then every arrow step lands on the argument
	await page.locator('#article-a').focus();
	await page.keyboard.press('Enter');
	expect(await focusedSentence(page)).toMatch(/^a-s\d+$/);
	expect(await focusInFurniture(page)).toBe(false);
	const total = await page.locator('#article-a [data-sentence]').count();
	for (let i = 0; i < total; i++) {
		await page.keyboard.press('ArrowDown');
		expect(await focusInFurniture(page)).toBe(false);
	}

	// furniture selected and focused by other means: S refuses it and says why
	const first = furniture.first();
	await first.evaluate((el) => {
		el.tabIndex = -1;
		el.focus();
		document.getSelection()!.selectAllChildren(el);
	});
	await page.keyboard.press('s');
	await expect(live(page)).toContainText('Page furniture');
	await expect(page.getByText(/Holding passage/)).toHaveCount(0);
});

// A QA pass: Escape in the note dialog threw a student's written paragraph away on one key.
test('Cancel and Escape ask before discarding a written note', async ({ page }) => {
	await page.setViewportSize(WIDTHS[0]);
	await openSeed(page);
	await page.locator('#article-a').focus();
	await page.keyboard.press('Enter');
	for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
	const start = await focusedSentence(page);
	await page.keyboard.press('n');
	const note = page.getByRole('dialog', { name: 'New note' });
	const field = note.getByLabel('Question or comment');
	await expect(field).toBeFocused();
	await page.keyboard.type('Who counted the crossings, and when?');

	// Escape asks, with the safe answer focused; Keep writing returns to the text as it was
	await page.keyboard.press('Escape');
	await expect(note).toBeVisible();
	await expect(note.getByText('Discard what you wrote?')).toBeVisible();
	const keep = note.getByRole('button', { name: 'Keep writing' });
	await expect(keep).toBeFocused();
	const results = await new AxeBuilder({ page }).include('dialog').analyze();
	expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
	await page.keyboard.press('Enter');
	await expect(field).toBeFocused();
	await expect(field).toHaveValue('Who counted the crossings, and when?');
	await expect(note.getByText('Discard what you wrote?')).toBeHidden();

	// Cancel asks too; Discard closes, nothing saved, focus back on the sentence
	await note.getByRole('button', { name: 'Cancel' }).click();
	await expect(keep).toBeFocused();
	await note.getByRole('button', { name: 'Discard' }).click();
	await expect(note).toBeHidden();
	await expect(live(page)).toContainText('Note cancelled: nothing saved.');
	expect(await focusedSentence(page)).toBe(start);
});

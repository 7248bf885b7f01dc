import { expect, test, type Dialog, type Page } from '@playwright/test';

// A QA pass: browser Back or a reload threw away a note being written, without asking (Cancel
// and Escape already ask "Discard what you wrote?"). Leaving now asks too, while the dialog
// holds written text: Back (a client navigation) with a confirm, a reload with the browser's own
// prompt. An untouched dialog lets the reader go without a question.

const SEED = "The US resumes deporting Russians who fled Putin's draft";
const TEXT = 'Who counted the crossings, and when? The two articles disagree on the month.';

/** The library, then the seed comparison by its link (a client navigation, as a reader goes). */
async function seedFromLibrary(page: Page) {
	await page.setViewportSize({ width: 1400, height: 900 });
	await page.goto('/library');
	await page.locator('html[data-hydrated]').waitFor();
	await page.getByRole('link', { name: SEED, exact: true }).click();
	await page.waitForURL(/\/compare\//);
	await expect(page.locator('#article-a')).toBeVisible();
}

/** The QA steps: article A, Enter, ↓, N; the New note dialog, its field focused. */
async function openNote(page: Page) {
	await page.locator('#article-a').focus();
	await page.keyboard.press('Enter');
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('n');
	const note = page.getByRole('dialog', { name: 'New note' });
	await expect(note.getByLabel('Question or comment')).toBeFocused();
	return note;
}

/** Every browser dialog (confirm, beforeunload) the page raises, answered with `answer`. */
function answerDialogs(page: Page, answer: () => 'accept' | 'dismiss') {
	const seen: { type: string; message: string }[] = [];
	page.on('dialog', async (dialog: Dialog) => {
		seen.push({ type: dialog.type(), message: dialog.message() });
		await (answer() === 'accept' ? dialog.accept() : dialog.dismiss());
	});
	return seen;
}

test('Back with a written note asks first; staying keeps the text, leaving goes', async ({
	page
}) => {
	let answer: 'accept' | 'dismiss' = 'dismiss';
	const seen = answerDialogs(page, () => answer);
	await seedFromLibrary(page);
	const comparison = page.url();
	const note = await openNote(page);
	const field = note.getByLabel('Question or comment');
	await page.keyboard.type(TEXT);

	// Back, then "Cancel" in the question: still here, the dialog and the text as they were
	await page.goBack();
	await expect.poll(() => seen.length).toBe(1);
	expect(seen[0]).toEqual({ type: 'confirm', message: expect.stringMatching(/discard/i) });
	await expect(page).toHaveURL(comparison);
	await expect(note).toBeVisible();
	await expect(field).toHaveValue(TEXT);

	// Back again, and "OK": the library, the note gone with the page
	answer = 'accept';
	await page.goBack();
	await expect(page).toHaveURL(/\/library$/);
	expect(seen.length).toBe(2);
	await expect(note).toHaveCount(0);
});

test('a reload with a written note raises the browser’s own prompt', async ({ page }) => {
	const seen = answerDialogs(page, () => 'dismiss');
	await seedFromLibrary(page);
	const note = await openNote(page);
	await page.keyboard.type(TEXT);

	// dismissed, the reload does not happen: the dialog and the text stay
	await page.reload({ timeout: 3000 }).catch(() => undefined);
	await expect.poll(() => seen.map((d) => d.type)).toEqual(['beforeunload']);
	await expect(note).toBeVisible();
	await expect(note.getByLabel('Question or comment')).toHaveValue(TEXT);
});

test('an untouched dialog lets Back and reload go without a question', async ({ page }) => {
	const seen = answerDialogs(page, () => 'dismiss');
	await seedFromLibrary(page);
	await openNote(page);
	await page.reload();
	await page.locator('html[data-hydrated]').waitFor();

	// typed and then taken back to nothing counts as untouched too
	await openNote(page);
	await page.keyboard.type('x');
	await page.keyboard.press('Backspace');
	await page.goBack();
	await expect(page).toHaveURL(/\/library$/);
	expect(seen).toEqual([]);
});

import { expect, test, type Page } from '@playwright/test';
import { dragSelect } from './helpers';

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

test('375 px: with the drawer open, Tab reaches the Undo toast over it and comes back', async ({
	page
}) => {
	await openSeed(page, 375);
	const opener = page.getByRole('button', { name: /^Analysis \(/ });
	await opener.click();
	const closeDrawer = page.getByRole('button', { name: 'Close analysis' });
	await expect(closeDrawer).toBeFocused();
	const toast = page.getByRole('group', { name: 'Last decision' });
	const undo = toast.getByRole('button', { name: /^Undo dismiss of suggestion 2/ });
	const closeToast = toast.getByRole('button', { name: 'Close the message' });
	await page.getByRole('button', { name: 'Dismiss suggestion 2' }).click();
	await expect(undo).toBeFocused();
	// the toast follows the drawer's last stop and wraps to its first: never the page behind
	await page.keyboard.press('Tab');
	await expect(closeToast).toBeFocused();
	await page.keyboard.press('Tab');
	await expect(closeDrawer).toBeFocused();
	await page.keyboard.press('Shift+Tab');
	await expect(closeToast).toBeFocused();
	await page.keyboard.press('Shift+Tab');
	await expect(undo).toBeFocused();
	await page.keyboard.press('Shift+Tab');
	expect(await focusInDrawer(page)).toBe(true);
	await page.keyboard.press('Tab');
	await expect(undo).toBeFocused();
	// a walk from the drawer's first stop reaches the toast, and nothing outside the two
	await closeDrawer.focus();
	let reached = 0;
	for (let i = 0; i < 60; i++) {
		await page.keyboard.press('Tab');
		const where = await page.evaluate(() =>
			document.activeElement?.closest('#decision-toast')
				? 'toast'
				: document.activeElement?.closest('#insights')
					? 'drawer'
					: 'outside'
		);
		expect(where, `Tab ${i + 1}`).not.toBe('outside');
		if (where === 'toast') reached++;
	}
	expect(reached).toBeGreaterThan(0);
	// Undo from the keyboard, reached by Tab: the suggestion is open again, focus on its Accept
	await closeDrawer.focus();
	await page.keyboard.press('Shift+Tab');
	await page.keyboard.press('Shift+Tab');
	await expect(undo).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('button', { name: 'Accept suggestion 2' })).toBeFocused();
	await expect(toast).toHaveCount(0);
	// Escape in the toast closes only the toast; the next closes the drawer, focus to its opener
	await page.getByRole('button', { name: 'Dismiss suggestion 3' }).click();
	await expect(toast.getByRole('button', { name: /^Undo dismiss of suggestion 3/ })).toBeFocused();
	await page.keyboard.press('Escape');
	await expect(toast).toHaveCount(0);
	await expect(
		page.getByRole('button', { name: /Show in both articles \(suggestion 3\)/ })
	).toBeFocused();
	expect(await focusInDrawer(page)).toBe(true);
	await page.keyboard.press('Escape');
	await expect(page.locator('#insights')).toBeHidden();
	await expect(opener).toBeFocused();
});

test('375 px: Tab goes from one chart mark to the next inside the drawer', async ({ page }) => {
	await openSeed(page, 375);
	await page.getByRole('button', { name: /^Analysis \(/ }).click();
	await expect(page.getByRole('button', { name: 'Close analysis' })).toBeFocused();
	await page.getByRole('tab', { name: 'Themes' }).click();
	// the bars of the theme chart are SVG elements, each a tab stop of its own
	const marks = page.locator('#insights svg [tabindex="0"]');
	await marks.first().waitFor();
	expect(await marks.count()).toBeGreaterThan(2);
	await marks.nth(0).focus();
	await page.keyboard.press('Tab');
	await expect(marks.nth(1)).toBeFocused();
	await page.keyboard.press('Tab');
	await expect(marks.nth(2)).toBeFocused();
	await page.keyboard.press('Shift+Tab');
	await expect(marks.nth(1)).toBeFocused();
	// past the last mark: the chart's own controls, still inside the drawer
	await marks.last().focus();
	await page.keyboard.press('Tab');
	expect(await focusInDrawer(page)).toBe(true);
	expect(await page.evaluate(() => document.activeElement?.closest('svg') === null)).toBe(true);
	await expect(page.getByRole('button', { name: 'Close analysis' })).not.toBeFocused();
});

test('after a note is saved from the toolbar, the selection and the toolbar are gone', async ({
	page
}) => {
	await openSeed(page, 1280);
	const sentence = page.locator('#a-s6');
	await dragSelect(page, sentence);
	const toolbar = page.getByRole('toolbar', { name: 'Annotate the selection' });
	await toolbar.getByRole('button', { name: 'Note' }).click();
	const dialog = page.getByRole('dialog', { name: 'New note' });
	// typing at once goes into the text box, not onto the quoted passage
	await expect(dialog.getByLabel('Question or comment')).toBeFocused();
	await page.keyboard.type('Typed straight away.');
	await expect(dialog.getByLabel('Question or comment')).toHaveValue('Typed straight away.');
	await dialog.getByRole('button', { name: 'Save' }).click();
	await expect(dialog).toBeHidden();
	// the new highlight can be seen: nothing selected, no toolbar over it, focus on its sentence
	await expect(toolbar).toBeHidden();
	expect(await page.evaluate(() => document.getSelection()?.isCollapsed ?? true)).toBe(true);
	await expect(sentence).toBeFocused();
	// and the same sentence, focused, can be selected again with the mouse
	await dragSelect(page, sentence);
	await expect(toolbar).toBeVisible();
});

test('Cancel keeps the selection, so the toolbar is still there to choose again', async ({
	page
}) => {
	await openSeed(page, 1280);
	await dragSelect(page, page.locator('#a-s6'));
	const toolbar = page.getByRole('toolbar', { name: 'Annotate the selection' });
	await toolbar.getByRole('button', { name: 'Framing' }).click();
	const dialog = page.getByRole('dialog', { name: 'New framing' });
	await expect(dialog.getByRole('combobox', { name: 'Frame', exact: true })).toBeFocused();
	await dialog.getByRole('button', { name: 'Cancel' }).click();
	await expect(dialog).toBeHidden();
	await expect(toolbar).toBeVisible();
});

test('after Delete, focus goes to the next annotation, then to the list', async ({ page }) => {
	await openSeed(page, 1280);
	for (const [id, text] of [
		['a-s6', 'First note.'],
		['b-s7', 'Second note.']
	]) {
		await dragSelect(page, page.locator(`#${id}`));
		await page.getByRole('toolbar').getByRole('button', { name: 'Note' }).click();
		await page.keyboard.type(text);
		await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
		await expect(page.getByRole('dialog')).toBeHidden();
	}
	await page.getByRole('tab', { name: 'Annotations (2)' }).click();
	const cards = page.getByRole('article', { name: /^Note by/ });
	await expect(cards).toHaveCount(2);
	const [first, second] = [cards.nth(0), cards.nth(1)];
	const survivor = (await second.textContent())!.includes('Second') ? 'Second' : 'First';
	// Delete asks first, with the safe answer focused; Escape keeps the note
	await first.getByRole('button', { name: 'Delete' }).click();
	await expect(first.getByRole('button', { name: 'No, keep it' })).toBeFocused();
	await page.keyboard.press('Escape');
	await expect(first.getByRole('button', { name: 'Delete' })).toBeFocused();
	await expect(cards).toHaveCount(2);
	await first.getByRole('button', { name: 'Delete' }).click();
	await first.getByRole('button', { name: /^Yes, delete this/ }).click();
	await expect(cards).toHaveCount(1);
	await expect(cards.filter({ hasText: `${survivor} note.` })).toBeFocused();
	await cards.getByRole('button', { name: 'Delete' }).click();
	await cards.getByRole('button', { name: /^Yes, delete this/ }).click();
	await expect(cards).toHaveCount(0);
	await expect(page.locator('#panel-annotations')).toBeFocused();
});

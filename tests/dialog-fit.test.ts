import { expect, test, type Locator, type Page } from '@playwright/test';

// A QA pass: the framing dialog's selects ("Frame", "Function (Entman)") were wider than the
// dialog, their right edges and dropdown arrows cut off: 363 px in a 338 px dialog at 375 px, the
// Entman select 22 px past the dialog at 1400 px. The same in "Edit framing" (Edit, Re-attach).

const WIDTHS = [
	{ width: 375, height: 812 },
	{ width: 1400, height: 900 }
];

/** Open the seed comparison, hydrated. */
async function openSeed(page: Page) {
	await page.goto('/');
	await page.locator('html[data-hydrated]').waitFor();
}

/**
 * What sticks out of the dialog: the dialog's own horizontal overflow, and every element inside
 * it wider than its client width or reaching past its content box's right edge.
 */
async function overflowing(dialog: Locator) {
	return dialog.evaluate((box) => {
		const rect = box.getBoundingClientRect();
		const style = getComputedStyle(box);
		const contentRight =
			rect.left + box.clientLeft + box.clientWidth - parseFloat(style.paddingRight);
		const found: string[] = [];
		if (box.scrollWidth > box.clientWidth)
			found.push(`dialog scrollWidth ${box.scrollWidth} > clientWidth ${box.clientWidth}`);
		for (const el of box.querySelectorAll<HTMLElement>('*')) {
			const r = el.getBoundingClientRect();
			if (r.width === 0) continue;
			const name = `${el.tagName.toLowerCase()}${el.getAttribute('aria-label') ? `[${el.getAttribute('aria-label')}]` : ''}`;
			if (r.width > box.clientWidth) found.push(`${name} ${r.width} px wide`);
			else if (r.right > contentRight + 0.5)
				found.push(`${name} ends ${Math.round(r.right - contentRight)} px past the dialog`);
		}
		return found;
	});
}

/** Sentence mode in a column, `steps` sentences down. */
async function sentenceIn(page: Page, side: 'a' | 'b', steps: number) {
	await page.locator(`#article-${side}`).focus();
	await page.keyboard.press('Enter');
	for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowDown');
}

for (const size of WIDTHS) {
	test(`${size.width} px: the framing dialogs (new and edit) hold their fields`, async ({
		page
	}) => {
		await page.setViewportSize(size);
		await openSeed(page);

		// a shared fact first, so the framing dialog also offers "Attach to a shared fact"
		await sentenceIn(page, 'a', 3);
		await page.keyboard.press('s');
		// a phone shows one article at a time
		if (size.width < 700) await page.getByRole('button', { name: /^Article B/ }).click();
		await sentenceIn(page, 'b', 3);
		await page.keyboard.press('s');
		const fact = page.getByRole('dialog', { name: 'New shared fact' });
		await expect(fact).toBeVisible();
		expect.soft(await overflowing(fact)).toEqual([]);
		await fact.getByRole('button', { name: 'Save' }).click();
		await expect(fact).toBeHidden();

		// the QA steps: article A, Enter, ↓, F
		if (size.width < 700) await page.getByRole('button', { name: /^Article A/ }).click();
		await sentenceIn(page, 'a', 1);
		await page.keyboard.press('f');
		const framing = page.getByRole('dialog', { name: 'New framing' });
		await expect(framing).toBeVisible();
		await expect(framing.getByLabel('Attach to a shared fact')).toBeVisible();
		// the longest frame chosen: the select is no wider for it
		await framing
			.getByLabel('Frame', { exact: true })
			.selectOption({ label: 'Legality, constitutionality and jurisprudence' });
		await framing.getByLabel('Function (Entman)').selectOption({ label: 'Problem definition' });
		expect.soft(await overflowing(framing)).toEqual([]);
		await framing.getByRole('button', { name: 'Save' }).click();
		await expect(framing).toBeHidden();

		// Edit framing: the same dialog in edit mode (Re-attach opens it too)
		if (size.width < 700) await page.getByRole('button', { name: /^Analysis \(/ }).click();
		await page.getByRole('tab', { name: 'Annotations (2)' }).click();
		await page
			.getByRole('article', { name: /Framing by/ })
			.getByRole('button', { name: 'Edit', exact: true })
			.click();
		const edit = page.getByRole('dialog', { name: 'Edit framing' });
		await expect(edit).toBeVisible();
		expect.soft(await overflowing(edit)).toEqual([]);
	});
}

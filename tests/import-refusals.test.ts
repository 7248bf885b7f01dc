import { expect, test, type Page } from '@playwright/test';

// /import refuses a file that is not a comparison file in words a teacher can act on: not the
// JSON parser's own message ("Unexpected token … at position 3"), and pointing at the link that
// makes such a file by its real name ("Download as one file"), not at an "Export" the app lacks.

async function open(page: Page, path: string) {
	await page.goto(path);
	await page.locator('html[data-hydrated]').waitFor();
}

/** How many comparisons the library holds. */
async function libraryTotal(page: Page): Promise<number> {
	await open(page, '/library');
	return Number(await page.getByTestId('library-summary').getAttribute('data-total'));
}

/** Choose `text` as the comparison file and press Import. */
async function importFile(page: Page, name: string, text: string) {
	await open(page, '/import');
	await page.locator('#bundle').setInputFiles({
		name,
		mimeType: 'application/json',
		buffer: Buffer.from(text)
	});
	await page.getByRole('button', { name: 'Import' }).click();
}

test('a broken JSON file: a plain refusal by the file field, focus on it, nothing stored', async ({
	page
}) => {
	const before = await libraryTotal(page);
	await importFile(page, 'notes.json', '{ parallax: comparison-bundle }');
	const error = page.locator('#bundle-error');
	await expect(error).toContainText('“notes.json” cannot be imported; nothing was stored');
	await expect(error).toContainText('not a Parallax comparison file');
	await expect(error).toContainText('not valid JSON');
	// the parser's own words mean nothing to a teacher
	await expect(error).not.toContainText(/Unexpected|position|token|SyntaxError/i);
	await expect(page.locator('#bundle')).toBeFocused();
	expect(await libraryTotal(page)).toBe(before);
});

test('a refusal names the link that makes a comparison file as the app names it', async ({
	page
}) => {
	await importFile(page, 'other.json', JSON.stringify({ title: 'Not a bundle' }));
	const error = page.locator('#bundle-error');
	await expect(error).toContainText('not a Parallax comparison file');
	await expect(error).toContainText('“Download as one file”');
	await expect(error).not.toContainText(/\bExport\b/);
	// the page's own explanation says the same
	await expect(page.locator('main')).not.toContainText(/\bExport\b/);
	await expect(page.locator('main > p').first()).toContainText('“Download as one file”');
	// and the library has that link, under that name
	await open(page, '/library');
	await expect(page.getByRole('link', { name: /^Download as one file/ }).first()).toBeVisible();
});

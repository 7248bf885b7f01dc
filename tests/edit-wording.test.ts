import { expect, test } from '@playwright/test';

// The edit page has no file upload: an emptied text must not be told to "choose a file".

test('editing: an emptied text asks for the text only, as the page has no file to choose', async ({
	page
}) => {
	await page.goto('/new');
	await page.locator('html[data-hydrated]').waitFor();
	await page
		.locator('#a-text')
		.fill('Ferry fares rise\n\nThe harbour authority raised the fare on Monday.');
	await page
		.locator('#b-text')
		.fill('Islanders pay more\n\nOn Monday the harbour authority raised the fare.');
	await page.getByRole('button', { name: 'Create comparison' }).click();
	await page.waitForURL(/\/compare\/[0-9a-f-]{36}$/);
	await page.goto(`${page.url()}/edit`);
	await page.locator('html[data-hydrated]').waitFor();
	await expect(page.locator('input[type="file"]')).toHaveCount(0);
	await page.locator('#a-text').fill('');
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.locator('#a-text-error')).toHaveText("Paste the article's text.");
});

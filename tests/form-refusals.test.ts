import { expect, test } from '@playwright/test';

// A form the server refuses before its action runs (a body past BODY_SIZE_LIMIT, 2M here) must
// say why, not that the server could not be reached: a teacher with a 3 MB PDF would otherwise
// check their connection and send it again.

test('/new: an upload past the size limit says it is too large, not that the server is unreachable', async ({
	page
}) => {
	await page.goto('/new');
	await page.locator('html[data-hydrated]').waitFor();
	await page.locator('#a-file').setInputFiles({
		name: 'big.txt',
		mimeType: 'text/plain',
		buffer: Buffer.from('The council voted for the plan after a long debate. '.repeat(60_000))
	});
	await page.locator('#b-text').fill('The council approved the plan on Monday.');
	await page.getByRole('button', { name: 'Create comparison' }).click();
	const status = page.getByRole('status').filter({ hasText: 'Nothing was stored' });
	await expect(status).toContainText('too large');
	await expect(status).not.toContainText('could not be reached');
	await expect(page).toHaveURL(/\/new/);
});

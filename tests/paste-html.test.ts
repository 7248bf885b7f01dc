import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

// A page's source pasted into an article's text box (copied from "view source") is read as an
// uploaded page is: its readable text is kept, the person is told and checks it before anything
// is stored, and nothing of the page runs or is stored as markup. Plain text that merely mentions
// a tag or compares with "<" is left exactly as typed.

const COMPARE_URL = /\/compare\/[0-9a-f-]{36}$/;
const NOTICE = 'Your pasted text looked like HTML; we kept its readable text.';

const PAGE_SOURCE = `<!DOCTYPE html>
<html lang="en">
<head>
<title>Ferry fares rise to pay for cleaner boats</title>
<meta name="author" content="Dana Whitfield">
<script>document.title = 'SCRIPT RAN'; window.parent.postMessage('SCRIPT RAN', '*');</script>
</head>
<body>
<nav><a href="/">Home</a> · <a href="/news">News</a></nav>
<article>
<h1>Ferry fares rise to pay for cleaner boats</h1>
<p>The harbour authority voted on Monday to raise the island ferry fare from $4 to $5 from June 1.</p>
<p>The authority says the extra money will pay for two electric ferries, which cost $22 million together.</p>
<p>Commuters who buy a monthly pass will pay $90 instead of $80.</p>
</article>
<img src="x" onerror="alert('XSS')">
<script>alert('SCRIPT RAN')</script>
</body>
</html>`;

// plain text that mentions a tag and uses "<" as maths: never touched
const PLAIN_B = [
	'Islanders pay the price for the harbour’s green promises',
	'On Monday the harbour authority raised the island ferry fare from $4 to $5, starting June 1.',
	'Protesters held signs reading <b>No</b> to the fare, and one wrote that 4 < 5 still stings.',
	'For a nurse who commutes every day, the monthly pass now costs $90.'
].join('\n\n');

const FRAGMENT = `<div class="story">
<p>On Monday the harbour authority raised the island ferry fare from $4 to $5, starting June 1.</p>
<p>Two electric ferries costing $22 million are the reason given.</p>
<p>For a nurse who commutes every day, the monthly pass now costs $90.</p>
</div>`;

/** The dialogs the page opens: any one means a script or handler of the pasted page ran. */
function dialogsOf(page: Page): string[] {
	const opened: string[] = [];
	page.on('dialog', async (dialog) => {
		opened.push(dialog.message());
		await dialog.dismiss();
	});
	return opened;
}

test('pasted page source on /new becomes its readable text, shown before it is stored', async ({
	page
}) => {
	const dialogs = dialogsOf(page);
	await page.goto('/new');
	await page.locator('html[data-hydrated]').waitFor();
	await page.locator('#a-text').fill(PAGE_SOURCE);
	await page.locator('#b-text').fill(PLAIN_B);
	await page.getByRole('button', { name: 'Create comparison' }).click();

	// nothing stored yet: the form is back with the page's readable text and a notice
	await expect(page.locator('#a-notice')).toContainText(NOTICE);
	await expect(page).toHaveURL(/\/new$/);
	const text = await page.locator('#a-text').inputValue();
	expect(text).toMatch(/^Ferry fares rise to pay for cleaner boats\n\nThe harbour authority/);
	expect(text).toContain('Commuters who buy a monthly pass will pay $90 instead of $80.');
	expect(text).not.toMatch(/[<>]|SCRIPT RAN|alert|Home · News/);
	await expect(page.locator('#a-author')).toHaveValue('Dana Whitfield');
	await expect(page.locator('#a-notice')).toHaveAttribute('role', 'status');
	// the plain side is exactly as typed, with no notice
	await expect(page.locator('#b-text')).toHaveValue(PLAIN_B);
	await expect(page.locator('#b-notice')).toHaveText('');
	expect(await page.title()).not.toContain('SCRIPT RAN');
	expect(
		(await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id}: ${v.help}`)
	).toEqual([]);
	if (process.env.PARALLAX_SCREENSHOTS) {
		await page.locator('#a-notice').scrollIntoViewIfNeeded();
		await page.screenshot({ path: 'test-results/paste-html-new-1280.png' });
	}

	// sent again, it is stored as that text; B keeps its "<b>" and "4 < 5" as words
	await page.getByRole('button', { name: 'Create comparison' }).click();
	await page.waitForURL(COMPARE_URL);
	await page.locator('html[data-hydrated]').waitFor();
	const a = await page.locator('#article-a').innerText();
	expect(a).toContain('The harbour authority voted on Monday');
	expect(a).not.toMatch(/<\/?(p|script|article|nav|img)\b|SCRIPT RAN|onerror/);
	await expect(page.locator('#article-a script, #article-a img')).toHaveCount(0);
	await expect(page.locator('#article-b')).toContainText('signs reading <b>No</b> to the fare');
	await expect(page.locator('#article-b')).toContainText('4 < 5 still stings');
	await expect(page.locator('#article-b b')).toHaveCount(0);

	// the edit page reads a pasted fragment the same way, and saves only when sent again
	await page.goto(`${page.url()}/edit`);
	await page.locator('html[data-hydrated]').waitFor();
	await page.locator('#b-text').fill(FRAGMENT);
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.locator('#b-notice')).toContainText(NOTICE);
	await expect(page.getByText(/^Saved/)).toHaveCount(0);
	const edited = await page.locator('#b-text').inputValue();
	expect(edited).toMatch(/^On Monday the harbour authority raised/);
	expect(edited).not.toMatch(/[<>]/);
	if (process.env.PARALLAX_SCREENSHOTS) {
		await page.locator('#b-notice').scrollIntoViewIfNeeded();
		await page.screenshot({ path: 'test-results/paste-html-edit-1280.png' });
	}
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Saved: article B' })).toBeVisible();
	await expect(page.locator('#b-text')).toHaveValue(edited);
	expect(dialogs).toEqual([]);
});

test('at 375 px the notice fits the phone', async ({ page }) => {
	await page.setViewportSize({ width: 375, height: 812 });
	await page.goto('/new');
	await page.locator('html[data-hydrated]').waitFor();
	await page.locator('#a-text').fill(FRAGMENT);
	await page.locator('#b-text').fill(PLAIN_B);
	await page.getByRole('button', { name: 'Create comparison' }).click();
	await expect(page.locator('#a-notice')).toContainText(NOTICE);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
	if (process.env.PARALLAX_SCREENSHOTS) {
		await page.locator('#a-notice').scrollIntoViewIfNeeded();
		await page.screenshot({ path: 'test-results/paste-html-new-375.png' });
	}
});

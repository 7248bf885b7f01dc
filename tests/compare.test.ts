import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

// The seed articles as shipped; the page must show every sentence of them.
const seedA = readFileSync('seeds/000_22ed28cde7db5cf9.txt', 'utf8');
const seedB = readFileSync('seeds/004_cb2015502c2df88f.txt', 'utf8');

/** Collapse whitespace so DOM text and file text compare on words, not layout. */
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Open the home page and wait until Svelte has hydrated it. */
async function openHome(page: Page) {
	await page.goto('/');
	await page.locator('html[data-hydrated]').waitFor();
}

test('the home page shows the seed comparison: both titles and both full texts', async ({
	page
}) => {
	await openHome(page);
	await expect(page.getByRole('heading', { name: 'Sending Russians Back to Putin' })).toBeVisible();
	await expect(
		page.getByRole('heading', { name: /Joe Biden Is Deporting Russians Who Escaped Putin/ })
	).toBeVisible();
	// the article text as rendered: every chunk that carries an offset (labels and markers do not)
	const rendered = (side: string) =>
		page.evaluate(
			(s) =>
				Array.from(document.querySelectorAll(`#article-${s} [data-start]`))
					.map((el) => el.textContent)
					.join(''),
			side
		);
	const a = squash(await rendered('a'));
	const b = squash(await rendered('b'));
	for (const line of seedA.split('\n').filter((l) => l.trim())) expect(a).toContain(squash(line));
	for (const line of seedB.split('\n').filter((l) => l.trim())) expect(b).toContain(squash(line));
});

test('the full text is server-rendered: it is in the HTML without JavaScript', async ({
	request
}) => {
	const html = await (await request.get('/')).text();
	expect(html).toContain(
		'the Guardian revealed that the Biden administration had discreetly resumed'
	);
	expect(html).toContain('Every person fleeing the proxy-war in Ukraine deserves the right');
});

test('furniture is set apart from the argument', async ({ page }) => {
	await openHome(page);
	const furniture = page.locator('#article-a [data-furniture]');
	await expect(furniture.filter({ hasText: 'Skip to content' })).toHaveCount(1);
	await expect(furniture.filter({ hasText: 'tax-deductible donation' })).toHaveCount(1);
	await expect(
		page.locator('#article-a p.body').filter({ hasText: 'the Guardian revealed' })
	).toHaveCount(1);
});

test('at 375 px one article shows at a time and the switch changes it', async ({ page }) => {
	await page.setViewportSize({ width: 375, height: 800 });
	await openHome(page);
	const switchA = page.getByRole('button', { name: 'Article A: Inkstick' });
	const switchB = page.getByRole('button', { name: 'Article B: Left Voice' });
	await expect(page.locator('#article-a')).toBeVisible();
	await expect(page.locator('#article-b')).toBeHidden();
	await expect(switchA).toHaveAttribute('aria-pressed', 'true');
	await switchB.click();
	await expect(page.locator('#article-b')).toBeVisible();
	await expect(page.locator('#article-a')).toBeHidden();
	// and back, by keyboard alone
	await switchA.focus();
	await page.keyboard.press('Enter');
	await expect(page.locator('#article-a')).toBeVisible();
	// nothing is wider than the screen
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(overflow).toBeLessThanOrEqual(375);
});

for (const width of [1280, 375]) {
	test(`axe finds no violations at ${width} px`, async ({ page }) => {
		await page.setViewportSize({ width, height: 900 });
		await openHome(page);
		const results = await new AxeBuilder({ page }).analyze();
		expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
	});
}

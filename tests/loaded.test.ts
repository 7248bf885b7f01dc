import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** Open the seed comparison wide enough for the analysis panel, and wait for hydration. */
async function openSeed(page: Page) {
	await page.setViewportSize({ width: 1400, height: 900 });
	await page.goto('/');
	await page.locator('html[data-hydrated]').waitFor();
}

/** Ranges painted as loaded wording (0 when the highlight is not registered). */
function loadedRanges(page: Page): Promise<number> {
	return page.evaluate(() => CSS.highlights.get('parallax-loaded')?.size ?? 0);
}

test('loaded wording is marked in both columns, explained, and has its own toggle', async ({
	page
}) => {
	await openSeed(page);
	// painted over the text of both articles, apart from annotations and terms
	await expect.poll(() => loadedRanges(page)).toBeGreaterThan(2);
	const painted = await page.evaluate(() => {
		const ranges = [...(CSS.highlights.get('parallax-loaded') ?? [])] as Range[];
		return ranges.map((r) => ({
			side: r.startContainer.parentElement?.closest('[id^="article-"]')?.id,
			text: r.toString()
		}));
	});
	expect(painted.map((p) => p.side)).toEqual(expect.arrayContaining(['article-a', 'article-b']));
	// the adjective and the harm it judges are one piece of wording
	expect(painted.map((p) => p.text)).toContain('heinous attack');

	// the why is the sentence's tooltip
	const sentence = page.locator('#article-b .sentence', { hasText: 'heinous' }).first();
	await expect(sentence).toHaveAttribute('title', /Loaded wording — “heinous attack”/);

	// and an accessible list in its own tab, each entry leading to its sentence
	await page.getByRole('tab', { name: 'Differences' }).click();
	const tab = page.getByRole('tab', { name: /^Loaded \(\d+\)$/ });
	await tab.click();
	const panel = page.getByRole('tabpanel', { name: /^Loaded/ });
	await expect(panel.getByRole('heading', { name: /In Article B/ })).toBeVisible();
	const entry = panel.getByRole('button', { name: /heinous/ }).first();
	await expect(entry).toBeVisible();
	await expect(panel.getByText(/judgement is the writer’s/).first()).toBeVisible();
	await entry.click();

	// the toggle clears the marks and the tooltips, and brings them back
	const toggle = page.getByRole('checkbox', { name: /Mark loaded wording/ });
	await toggle.uncheck();
	await expect.poll(() => loadedRanges(page)).toBe(0);
	await expect(sentence).not.toHaveAttribute('title');
	await toggle.check();
	await expect.poll(() => loadedRanges(page)).toBeGreaterThan(2);

	const axe = await new AxeBuilder({ page }).include('#insights').analyze();
	expect(axe.violations).toEqual([]);
});

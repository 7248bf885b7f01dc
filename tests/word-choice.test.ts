import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const SHOTS = process.env.SCREENSHOT_DIR;

/** The texts painted as the picked word choice, per column. */
function painted(page: Page): Promise<{ side: string | undefined; text: string }[]> {
	return page.evaluate(() =>
		([...(CSS.highlights.get('parallax-wording') ?? [])] as Range[]).map((r) => ({
			side: r.startContainer.parentElement?.closest('[id^="article-"]')?.id,
			text: r.toString()
		}))
	);
}

/** Open the seed comparison at a width and the Word choice view (in the drawer when narrow). */
async function openWordChoice(page: Page, width: number) {
	await page.setViewportSize({ width, height: width < 800 ? 812 : 900 });
	await page.goto('/');
	await page.locator('html[data-hydrated]').waitFor();
	if (width < 1100) await page.locator('#open-analysis').click();
	await page.getByRole('tab', { name: 'Differences' }).click();
	await page.getByRole('tab', { name: /^Word choice \(\d+\)$/ }).click();
	return page.getByRole('tabpanel', { name: /^Word choice/ });
}

test('1400 px: the seed pair’s word choices, each highlighting both wordings (click and keys)', async ({
	page
}) => {
	const panel = await openWordChoice(page, 1400);
	// how each names the group that fled the draft, and the image both use
	const contrasts = panel.getByRole('region', { name: /Different words for the same thing/ });
	const resisters = contrasts.getByRole('button', {
		name: 'Article A says “migrants”, article B says “war resisters” for the same actor or thing: show both in the texts'
	});
	await expect(resisters).toContainText('Russian migrants');
	await expect(resisters).toContainText('Russian war resisters');
	const shared = panel.getByRole('region', { name: /Wording both use/ });
	const grinder = shared.getByRole('button', { name: /Both articles say “meat grinder”/ });
	await expect(grinder).toBeVisible();
	// word choice, not a fact: the shared wording is listed apart and says so
	await expect(shared).toContainText('the same words, not the same fact');
	if (SHOTS) await page.screenshot({ path: `${SHOTS}/word-choice-1400.png` });

	// the layer: every word choice marked in both columns, with its own toggle
	const marked = () => page.evaluate(() => CSS.highlights.get('parallax-wording-all')?.size ?? 0);
	await expect.poll(marked).toBe(4);
	const toggle = page.getByRole('checkbox', { name: /Mark word choice/ });
	await toggle.uncheck();
	await expect.poll(marked).toBe(0);
	await toggle.check();
	await expect.poll(marked).toBe(4);

	// a click highlights both wordings, in their columns, and brings them into view
	await resisters.click();
	await expect(resisters).toHaveAttribute('aria-pressed', 'true');
	await expect
		.poll(() => painted(page))
		.toEqual([
			{ side: 'article-a', text: 'migrants' },
			{ side: 'article-b', text: 'war resisters' }
		]);
	await expect(page.locator('#a-s8')).toBeInViewport();
	await expect(page.locator('#b-s27')).toBeInViewport();
	await expect(
		page.getByText('“migrants” in article A and “war resisters” in article B highlighted.')
	).toBeAttached();
	if (SHOTS) await page.screenshot({ path: `${SHOTS}/word-choice-1400-picked.png` });

	// the keyboard: Enter on the shared wording picks it, Space again clears it
	await grinder.focus();
	await page.keyboard.press('Enter');
	await expect(grinder).toHaveAttribute('aria-pressed', 'true');
	await expect(resisters).toHaveAttribute('aria-pressed', 'false');
	await expect
		.poll(() => painted(page))
		.toEqual([
			{ side: 'article-a', text: 'meat grinder' },
			{ side: 'article-b', text: 'meat grinder' }
		]);
	await page.keyboard.press('Space');
	await expect(grinder).toHaveAttribute('aria-pressed', 'false');
	await expect.poll(() => painted(page)).toEqual([]);

	// a label for a group is a word choice too: both uses in B light up
	const labels = panel.getByRole('region', { name: /Labels for people and groups/ });
	const siblings = labels.getByRole('button', { name: /Article B calls them “class siblings”/ });
	await expect(labels).toContainText('(2 times)');
	await siblings.click();
	await expect
		.poll(() => painted(page))
		.toEqual([
			{ side: 'article-b', text: 'class siblings' },
			{ side: 'article-b', text: 'class siblings' }
		]);

	const axe = await new AxeBuilder({ page }).include('#insights').analyze();
	expect(axe.violations).toEqual([]);
});

test('375 px: the list fits the drawer; picking closes it onto A’s wording, and B’s is found on switching', async ({
	page
}) => {
	const panel = await openWordChoice(page, 375);
	const resisters = panel.getByRole('button', { name: /article B says “war resisters”/ });
	await expect(resisters).toBeVisible();
	// nothing wider than the screen
	const overflow = await panel.evaluate((el) => el.scrollWidth - el.clientWidth);
	expect(overflow).toBeLessThanOrEqual(0);
	if (SHOTS) await page.screenshot({ path: `${SHOTS}/word-choice-375.png` });
	const axe = await new AxeBuilder({ page }).include('#insights').analyze();
	expect(axe.violations).toEqual([]);

	await resisters.press('Enter');
	// the drawer closes over article A, its wording in view and highlighted
	await expect(page.locator('#insights')).not.toHaveClass(/open/);
	const inA = page.locator('#a-s8');
	await expect(inA).toBeInViewport();
	await expect.poll(async () => (await painted(page)).length).toBe(2);
	if (SHOTS) await page.screenshot({ path: `${SHOTS}/word-choice-375-picked.png` });
	// switching to B lands on B's wording
	await page.getByRole('group', { name: 'Article shown' }).getByRole('button').nth(1).click();
	await expect(page.locator('#b-s27')).toBeInViewport();
});

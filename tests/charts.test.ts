import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** The analysis views sit in sections (Facts, Differences, Themes): open the section, then the view. */
const SECTION: Record<string, string> = {
	Themes: 'Themes',
	Frames: 'Differences',
	Terms: 'Differences',
	Map: 'Facts'
};
async function openTab(page: Page, tab: string) {
	await page.getByRole('tab', { name: SECTION[tab], exact: true }).click();
	if (tab !== SECTION[tab]) await page.getByRole('tab', { name: tab, exact: true }).click();
}

/** Open the seed comparison wide enough for the analysis panel, and wait for hydration. */
async function openSeed(page: Page) {
	await page.setViewportSize({ width: 1400, height: 900 });
	await page.goto('/');
	await page.locator('html[data-hydrated]').waitFor();
}

test('the page arrives with its articles; each chart is built when its tab opens', async ({
	page,
	request
}) => {
	const html = await (await request.get('/')).text();
	// the first paint is the two articles with their shared-fact markers; the analysis panel's
	// content (and the charts' code) comes after hydration, when it can be seen
	expect(html).toContain('id="article-a"');
	expect(html).toMatch(/class="marker relation-/);
	expect(html).not.toContain('Alignment map');
	await openSeed(page);
	const charts = [
		['Themes', 'themes', 'Theme overlap'],
		['Frames', 'frames', 'Frame profile'],
		['Terms', 'terms', 'Distinctive terms'],
		['Map', 'map', 'Alignment map']
	];
	for (const [tab, id, title] of charts) {
		await openTab(page, tab);
		const panel = page.locator(`#panel-${id}`);
		await expect(panel.getByText(title).first()).toBeVisible();
		await expect(panel.locator('svg[aria-labelledby]').first()).toBeVisible();
	}
});

test('clicking a theme highlights its passages in both columns', async ({ page }) => {
	await openSeed(page);
	await page.getByRole('tab', { name: 'Themes' }).click();
	const theme = page.getByRole('button', { name: /^Theme deportation/ });
	await expect(theme).toBeVisible();
	await theme.press('Enter');
	await expect(theme).toHaveAttribute('aria-pressed', 'true');
	await expect(page.locator('#article-a .sentence.in-focus').first()).toBeVisible();
	await expect(page.locator('#article-b .sentence.in-focus').first()).toBeVisible();
	expect(await page.locator('#article-a .sentence.dimmed').count()).toBeGreaterThan(0);
	await theme.click(); // again: the filter is cleared
	await expect(page.locator('.sentence.in-focus')).toHaveCount(0);
});

test('a theme renamed in the editor updates the chart and survives a reload', async ({ page }) => {
	await openSeed(page);
	// the first write creates this browser's workspace; theme edits belong to it
	await page.getByRole('tab', { name: 'Themes' }).click();
	await page.getByText('Edit themes').click();
	await page.getByRole('combobox', { name: 'Theme to edit' }).selectOption({ index: 1 });
	await page
		.getByLabel('New name, or the name of the split-off theme')
		.fill('Conscription and war');
	await page.getByRole('button', { name: 'Rename' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Theme renamed.' })).toBeVisible();
	await expect(page.getByRole('button', { name: /^Theme Conscription and war/ })).toBeVisible();
	await page.reload();
	await page.locator('html[data-hydrated]').waitFor();
	await page.getByRole('tab', { name: 'Themes' }).click();
	await expect(page.getByRole('button', { name: /^Theme Conscription and war/ })).toBeVisible();
});

test('a new framing annotation changes the frame profile', async ({ page }) => {
	await openSeed(page);
	await openTab(page, 'Frames');
	await page.getByLabel('Class annotations').check();
	const morality = page.getByRole('button', { name: /^Frame Morality/ });
	await expect(morality).toHaveAttribute('aria-label', /0% of A, 0% of B/);

	await page.evaluate(() => {
		const el = document.getElementById('b-s10')!;
		const range = document.createRange();
		range.selectNodeContents(el);
		getSelection()!.removeAllRanges();
		getSelection()!.addRange(range);
	});
	await page.getByRole('toolbar').getByRole('button', { name: 'Framing' }).click();
	const dialog = page.getByRole('dialog', { name: 'New framing' });
	await dialog
		.getByRole('combobox', { name: 'Frame', exact: true })
		.selectOption({ label: 'Morality' });
	await dialog.getByRole('button', { name: 'Save' }).click();
	await expect(dialog).toBeHidden();
	await expect(morality).toHaveAttribute('aria-label', /0% of A, 100% of B/);
});

for (const tab of ['Themes', 'Frames', 'Terms', 'Map']) {
	test(`axe finds no violations with the ${tab} chart open`, async ({ page }) => {
		await openSeed(page);
		await openTab(page, tab);
		const results = await new AxeBuilder({ page }).include('#insights').analyze();
		expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
	});
}

test('a chart downloads as SVG and as PNG', async ({ page }) => {
	await openSeed(page);
	await page.getByRole('tab', { name: 'Themes', exact: true }).click();
	const panel = page.locator('#panel-themes');
	const [svg] = await Promise.all([
		page.waitForEvent('download'),
		panel.getByRole('button', { name: /Download SVG/ }).click()
	]);
	const svgText = await (await svg.createReadStream()).toArray();
	expect(Buffer.concat(svgText).toString('utf8')).toMatch(/^<\?xml|^<svg/);
	expect(svg.suggestedFilename()).toMatch(/\.svg$/);
	const [png] = await Promise.all([
		page.waitForEvent('download'),
		panel.getByRole('button', { name: /Download PNG/ }).click()
	]);
	const bytes = Buffer.concat(await (await png.createReadStream()).toArray());
	expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
	expect(png.suggestedFilename()).toMatch(/\.png$/);
});

test('a theme tooltip can be hovered, stays while hovered, and Escape dismisses it', async ({
	page
}) => {
	// WCAG 2.1 SC 1.4.13: the pointer can move from the mark onto its tooltip. The last theme's
	// tooltip hangs below the chart; another's lies over the rows below, where those rows win
	await openSeed(page);
	await page.getByRole('tab', { name: 'Themes', exact: true }).click();
	const panel = page.locator('#panel-themes');
	const theme = panel.getByRole('button', { name: /^Theme / }).last();
	await theme.hover();
	const tooltip = panel.getByRole('tooltip');
	await expect(tooltip).toBeVisible();
	await expect(theme).toHaveAttribute('aria-describedby', (await tooltip.getAttribute('id'))!);
	const box = (await tooltip.boundingBox())!;
	await page.mouse.move(box.x + box.width / 2, box.y + box.height - 4, { steps: 8 });
	// twice the grace period after leaving the mark: the pointer on the tooltip holds it open
	await page.waitForTimeout(600);
	await expect(tooltip).toBeVisible();
	await expect(theme).toHaveAttribute('aria-describedby', /tip/);
	await page.keyboard.press('Escape');
	await expect(tooltip).toBeHidden();
	await expect(theme).not.toHaveAttribute('aria-describedby', /tip/);
});

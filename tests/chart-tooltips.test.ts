import { expect, test, type Page } from '@playwright/test';

/** Open the seed's Themes tab at `width` (the analysis is a drawer below 1100 px). */
async function openThemes(page: Page, width: number) {
	await page.setViewportSize({ width, height: 900 });
	await page.goto('/');
	await page.locator('html[data-hydrated]').waitFor();
	if (width < 1100) await page.getByRole('button', { name: /^Analysis \(/ }).click();
	await page.getByRole('tab', { name: 'Themes', exact: true }).click();
}

/** The point in the middle of a theme row's label, where a reader aims. */
async function labelPoint(page: Page, name: RegExp) {
	const box = (await page
		.locator('#panel-themes')
		.getByRole('button', { name })
		.locator('text')
		.first()
		.boundingBox())!;
	return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

test('a theme tooltip does not swallow a click on the row below it', async ({ page }) => {
	await openThemes(page, 1280);
	const panel = page.locator('#panel-themes');
	const from = await labelPoint(page, /^Theme biden administration/);
	const to = await labelPoint(page, /^Theme capitalist/);
	await page.mouse.move(from.x, from.y);
	await expect(panel.getByRole('tooltip')).toContainText('biden administration');
	// straight down, as a hand moves, onto the next theme, then click it
	await page.mouse.move(to.x, to.y, { steps: 12 });
	await page.mouse.down();
	await page.mouse.up();
	const capitalist = panel.getByRole('button', { name: /^Theme capitalist/ });
	await expect(capitalist).toHaveAttribute('aria-pressed', 'true');
	await expect(panel.getByRole('tooltip')).not.toContainText('biden administration');
});

test.describe('on a phone', () => {
	test.use({ hasTouch: true });

	test('tapping one theme, then another, selects the second', async ({ page }) => {
		await openThemes(page, 375);
		const panel = page.locator('#panel-themes');
		const refuse = await labelPoint(page, /^Theme refuse/);
		await page.touchscreen.tap(refuse.x, refuse.y);
		await expect(panel.getByRole('button', { name: /^Theme refuse/ })).toHaveAttribute(
			'aria-pressed',
			'true'
		);
		const capitalist = await labelPoint(page, /^Theme capitalist/);
		await page.touchscreen.tap(capitalist.x, capitalist.y);
		await expect(panel.getByRole('button', { name: /^Theme capitalist/ })).toHaveAttribute(
			'aria-pressed',
			'true'
		);
	});
});

import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

// Issue 14: the page stays put. Only the article columns (and the analysis panel) scroll, at
// every width; the header, the room bar and the toolbar stay in view.

const WIDTHS = [
	{ width: 1440, height: 900 },
	{ width: 375, height: 812 }
];

/** Scroll a column to its end by wheel and by keyboard, then wheel on past the end. */
async function scrollToEnd(page: Page, side: 'a' | 'b') {
	const pane = page.locator(`#article-${side}`);
	await pane.focus();
	await page.keyboard.press('End');
	const box = (await pane.boundingBox())!;
	await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 200));
	for (let i = 0; i < 8; i++) await page.mouse.wheel(0, 1500);
	await page.keyboard.press('Space');
	await page.keyboard.press('ArrowDown');
	// the column itself reached its end
	await expect
		.poll(() => pane.evaluate((el) => el.scrollTop + el.clientHeight >= el.scrollHeight - 2))
		.toBe(true);
}

/** The page itself does not scroll and its header is at the top. */
async function expectPagePut(page: Page) {
	const metrics = await page.evaluate(() => ({
		scrollHeight: document.scrollingElement!.scrollHeight,
		scrollY: window.scrollY,
		innerHeight: window.innerHeight
	}));
	expect(metrics.scrollY).toBe(0);
	expect(metrics.scrollHeight).toBeLessThanOrEqual(metrics.innerHeight);
	const header = (await page.locator('header.app-header').boundingBox())!;
	expect(header.y).toBe(0);
	await expect(page.getByRole('link', { name: 'Parallax' })).toBeInViewport();
}

for (const size of WIDTHS) {
	test(`${size.width} px: only the columns scroll; the header and toolbar stay`, async ({
		page
	}) => {
		await page.setViewportSize(size);
		await page.goto('/');
		await page.locator('html[data-hydrated]').waitFor();
		await scrollToEnd(page, 'a');
		await expectPagePut(page);
		if (size.width < 800) {
			// one column at a time: the toolbar switches sides and stays in view
			const toolbarSwitch = page.getByRole('button', { name: 'Analysis', exact: false });
			await expect(toolbarSwitch).toBeInViewport();
			// the column fills what the chrome leaves: at least a third of the screen
			const pane = (await page.locator('#article-a').boundingBox())!;
			expect(pane.y + pane.height).toBeLessThanOrEqual(size.height + 1);
			expect(pane.height).toBeGreaterThan(size.height / 3);
		} else {
			await scrollToEnd(page, 'b');
			await expectPagePut(page);
			// the analysis panel scrolls inside itself too
			const panel = page.locator('#insights .panel:not([hidden])');
			await panel.evaluate((el) => (el.scrollTop = el.scrollHeight));
			const box = (await panel.boundingBox())!;
			await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
			await page.mouse.wheel(0, 3000);
			await expectPagePut(page);
		}
		const results = await new AxeBuilder({ page }).analyze();
		expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
	});

	test(`${size.width} px: in a room the room bar stays in view too`, async ({
		browser,
		baseURL
	}) => {
		const teacher = await browser.newContext({ baseURL, viewport: { width: 1400, height: 900 } });
		const tp = await teacher.newPage();
		await tp.goto('/rooms?comparison=seed');
		await tp.locator('html[data-hydrated]').waitFor();
		await tp.getByLabel('Room title').fill('Layout');
		await tp.getByRole('button', { name: 'Create room' }).click();
		await tp.getByRole('link', { name: 'Open the room' }).click();
		await tp.locator('html[data-hydrated]').waitFor();
		const code = (await tp.getByTestId('join-code').textContent())!.trim();

		const student = await browser.newContext({ baseURL, viewport: size });
		const page = await student.newPage();
		await page.goto(`/rooms?code=${code.toLowerCase()}`);
		await page.locator('html[data-hydrated]').waitFor();
		await page.getByLabel('Your name').fill('Ana');
		await page.getByRole('button', { name: 'Join' }).click();
		await page.waitForURL(/\/rooms\/[0-9a-f-]{36}$/);
		await page.locator('html[data-hydrated]').waitFor();
		const live = page.getByText('Live', { exact: true });
		await expect(live).toBeVisible();
		await scrollToEnd(page, 'a');
		await expectPagePut(page);
		await expect(live).toBeInViewport();
		// the column still gets a fair share of the screen under the header and the room bar
		const pane = (await page.locator('#article-a').boundingBox())!;
		expect(pane.height).toBeGreaterThan(size.height / 3);
		await teacher.close();
		await student.close();
	});
}

import type { Locator, Page } from '@playwright/test';

/** Drag the mouse across a sentence, from its first to its last character, as a reader selects it. */
export async function dragSelect(page: Page, sentence: Locator): Promise<void> {
	await sentence.scrollIntoViewIfNeeded();
	const r = await sentence.evaluate((el) => {
		const range = document.createRange();
		range.selectNodeContents(el);
		const all = Array.from(range.getClientRects());
		const first = all[0];
		const last = all[all.length - 1];
		return {
			x1: first.left + 1,
			y1: first.top + first.height / 2,
			x2: last.right - 1,
			y2: last.top + last.height / 2
		};
	});
	await page.mouse.move(r.x1, r.y1);
	await page.mouse.down();
	await page.mouse.move((r.x1 + r.x2) / 2, (r.y1 + r.y2) / 2, { steps: 5 });
	await page.mouse.move(r.x2, r.y2, { steps: 5 });
	await page.mouse.up();
}

import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';

// Issue 14: a suggestion card shows A's passage and B's passage as two quotes, the shared
// details marked in both and the words only one side has marked in that side's quote — by
// weight, underline or box and a label for screen readers, never by colour alone.

const WIDTHS = [
	{ width: 1440, height: 900 },
	{ width: 375, height: 812 }
];

/** The seed comparison with the suggested shared facts in view. */
async function openFacts(page: Page, width: number): Promise<Locator> {
	await page.goto('/');
	await page.locator('html[data-hydrated]').waitFor();
	if (width < 1100) await page.getByRole('button', { name: /^Analysis/ }).click();
	const cards = page.locator('#insights ol.facts > li');
	await expect(cards.first()).toBeVisible();
	return cards;
}

/** A quote's text as a sighted reader sees it (labels for screen readers left out). */
const visibleText = (quote: Locator) =>
	quote.evaluate((el) => {
		const copy = el.cloneNode(true) as HTMLElement;
		copy.querySelectorAll('.visually-hidden, [aria-hidden="true"]').forEach((n) => n.remove());
		return copy.textContent!.replace(/\s+/g, ' ').trim();
	});

/** An article column's text, whitespace folded. */
const columnText = (page: Page, side: 'a' | 'b') =>
	page
		.locator(`#article-${side}`)
		.evaluate((el) => el.textContent!.replace(/\s+/g, ' ').replace(/[=≈≠~]+[AB]\b/g, ''));

for (const size of WIDTHS) {
	test(`${size.width} px: suggestion cards are two quotes with their differences marked`, async ({
		page
	}) => {
		await page.setViewportSize(size);
		const cards = await openFacts(page, size.width);
		const n = await cards.count();
		expect(n).toBeGreaterThan(1);
		// the merged, struck-through diff is gone
		await expect(page.locator('#insights del, #insights ins')).toHaveCount(0);

		const textA = await columnText(page, 'a');
		const textB = await columnText(page, 'b');
		let onlyMarks = 0;
		let sharedInBoth = 0;
		for (let i = 0; i < n; i++) {
			const card = cards.nth(i);
			const quotes = card.locator('blockquote');
			await expect(quotes).toHaveCount(2);
			const [qa, qb] = [quotes.nth(0), quotes.nth(1)];
			await expect(qa).toContainText('Article A:');
			await expect(qb).toContainText('Article B:');
			// each quote is that article's own passage, word for word
			const a = await visibleText(qa);
			const b = await visibleText(qb);
			expect(textA.replace(/\s+/g, ' ')).toContain(a.slice(0, 60));
			expect(textB.replace(/\s+/g, ' ')).toContain(b.slice(0, 60));
			// words only one side has are marked in that side's quote only, with a label
			await expect(qa.locator('.only')).toHaveCount(await qa.getByText(/\[only in A:/).count());
			await expect(qa.getByText(/\[only in B:/)).toHaveCount(0);
			await expect(qb.getByText(/\[only in A:/)).toHaveCount(0);
			onlyMarks += (await qa.locator('.only').count()) + (await qb.locator('.only').count());
			// a shared detail written alike is marked in both quotes
			const sharedA = await qa.locator('.shared').allTextContents();
			const sharedB = await qb.locator('.shared').allTextContents();
			const clean = (s: string) => s.replace(/\[shared detail: |\]/g, '').toLowerCase();
			const inB = new Set(sharedB.map(clean));
			sharedInBoth += sharedA.map(clean).filter((d) => inB.has(d)).length;
			// confidence words, Accept / Dismiss as before
			await expect(card.locator('.score')).toHaveText(/\S/);
			await expect(card.getByRole('button', { name: `Accept suggestion ${i + 1}` })).toBeVisible();
			await expect(card.getByRole('button', { name: `Dismiss suggestion ${i + 1}` })).toBeVisible();
		}
		expect(onlyMarks).toBeGreaterThan(0);
		expect(sharedInBoth).toBeGreaterThan(0);

		// never by colour alone: weight and underline for one-sided words, a dashed box for shared
		const only = page.locator('#insights .only').first();
		const onlyStyle = await only.evaluate((el) => {
			const s = getComputedStyle(el);
			return { weight: Number(s.fontWeight), line: s.textDecorationLine };
		});
		expect(onlyStyle.weight).toBeGreaterThanOrEqual(600);
		expect(onlyStyle.line).toContain('underline');
		const shared = page.locator('#insights .shared').first();
		expect(await shared.evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe('dashed');
		await expect(page.locator('#insights').getByText(/boxed/)).toBeVisible();

		const results = await new AxeBuilder({ page }).include('#insights').analyze();
		expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
		await page.screenshot({ path: `test-results/suggestions-${size.width}.png` });
	});
}

// A teacher's reading of the seed pair: A's "no clear commentary from ICE … nor a specific known
// date" is listed as one-sided although B says it in other words ("not making any official
// announcements or indicating when"). The engine compares words, so the list says so above it.
test('the one-sided lists say what "no counterpart" rests on', async ({ page }) => {
	await page.setViewportSize(WIDTHS[0]);
	await openFacts(page, WIDTHS[0].width);
	await page.getByRole('tab', { name: /^One-sided/ }).click();
	const panel = page.getByRole('tabpanel', { name: /^One-sided/ });
	const caveat = panel.getByText(/may say the same in\s+other\s+words/);
	await expect(caveat).toBeVisible();
	// it comes before the lists it qualifies
	const first = page.locator('#one-sided-a');
	const above = await caveat.evaluate(
		(p, list) => !!(p.compareDocumentPosition(list as Node) & Node.DOCUMENT_POSITION_FOLLOWING),
		await first.elementHandle()
	);
	expect(above).toBe(true);
	await expect(panel.getByText(/no clear commentary from ICE/)).toBeVisible();
	const results = await new AxeBuilder({ page }).include('[role="tabpanel"]').analyze();
	expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
});

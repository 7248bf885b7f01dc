import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

// Issue 14: aligned reading. A ribbon for every link (suggested, and the reader's own shared
// facts told apart by width, dash and a check mark), "Keep the columns aligned" following the
// links, jump to the counterpart from the reader's own links, Undo for Accept and Dismiss.

// axe over the whole seed page takes a while on a busy two-core machine
test.describe.configure({ timeout: 120_000 });

const WIDE = { width: 1440, height: 900 };
const NARROW = { width: 375, height: 812 };

async function openSeed(page: Page) {
	await page.goto('/');
	await page.locator('html[data-hydrated]').waitFor();
}

async function expectAxeClean(page: Page) {
	const results = await new AxeBuilder({ page }).analyze();
	expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

/** The polite live region holding this text (the page has more than one). */
const said = (page: Page, text: string) =>
	expect(page.locator('p[aria-live="polite"]').filter({ hasText: text })).toHaveCount(1);

/** How far a sentence's middle sits below its column's reading line (a third down). */
const offLine = (page: Page, id: string) =>
	page.evaluate((id) => {
		const el = document.getElementById(id)!;
		const pane = el.closest('article')!;
		const r = el.getBoundingClientRect();
		const p = pane.getBoundingClientRect();
		return (r.top + r.bottom) / 2 - (p.top + pane.clientHeight / 3);
	}, id);

test('1440 px: Accept and Dismiss can be undone from the keyboard; the live region says so', async ({
	page
}) => {
	await page.setViewportSize(WIDE);
	await openSeed(page);
	const accept = page.getByRole('button', { name: 'Accept suggestion 1' });
	await accept.focus();
	await page.keyboard.press('Enter');
	// the button pressed is gone: focus is on the toast's Undo
	const undo = page.getByRole('button', { name: /^Undo accept of suggestion 1/ });
	await expect(undo).toBeFocused();
	await expect(page.getByRole('group', { name: 'Last decision' })).toContainText(
		'Suggestion 1 accepted as a shared fact.'
	);
	await said(page, 'Suggestion 1 accepted as a shared fact. Undo is available.');
	await expect(page.getByRole('tab', { name: 'Annotations (1)' })).toBeVisible();
	await expectAxeClean(page);
	await page.keyboard.press('Enter');
	await said(page, 'Acceptance undone: suggestion 1 is open again.');
	await expect(page.getByRole('tab', { name: 'Annotations (0)' })).toBeVisible();
	await expect(accept).toBeFocused();

	// Dismiss, then Undo by keyboard; the state survives a reload
	await page.getByRole('button', { name: 'Dismiss suggestion 2' }).click();
	await said(page, 'Suggestion 2 dismissed. Undo is available.');
	await expect(page.getByRole('button', { name: 'Accept suggestion 2' })).toHaveCount(0);
	// as after Accept: Enter undoes once focus is on the toast's Undo (pressed earlier, it was lost)
	await expect(page.getByRole('button', { name: /^Undo dismiss of suggestion 2/ })).toBeFocused();
	await page.keyboard.press('Enter');
	await said(page, 'Dismissal undone: suggestion 2 is open again.');
	await expect(page.getByRole('button', { name: 'Accept suggestion 2' })).toBeFocused();
	await page.reload();
	await page.locator('html[data-hydrated]').waitFor();
	await expect(page.getByRole('button', { name: 'Accept suggestion 2' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Accept suggestion 1' })).toBeVisible();

	// Escape closes the message and gives focus back to the card
	await page.getByRole('button', { name: 'Dismiss suggestion 3' }).click();
	await expect(page.getByRole('button', { name: /^Undo dismiss of suggestion 3/ })).toBeFocused();
	await page.keyboard.press('Escape');
	await expect(page.getByRole('group', { name: 'Last decision' })).toHaveCount(0);
	await expect(
		page.getByRole('button', { name: /Show in both articles \(suggestion 3\)/ })
	).toBeFocused();
});

test('1440 px: the reader’s own shared facts get ribbons and markers that jump to the counterpart', async ({
	page
}) => {
	await page.setViewportSize(WIDE);
	await openSeed(page);
	const suggested = page.locator('.gutter path.kind-suggested');
	await expect(suggested.first()).toBeAttached();
	await page.getByRole('button', { name: 'Accept suggestion 1' }).click();
	await expect(page.getByRole('tab', { name: 'Annotations (1)' })).toBeVisible();
	// suggestions off: the reader's own link is still drawn, thick and with a check mark
	await page.getByLabel('Show suggestions in the text').uncheck();
	await expect(suggested).toHaveCount(0);
	const own = page.locator('.gutter path.kind-annotated');
	await own.first().scrollIntoViewIfNeeded();
	await page
		.getByRole('button', { name: /^Your shared fact/ })
		.first()
		.click();
	await expect(own).toHaveCount(1);
	expect(Number(await own.getAttribute('stroke-width'))).toBeGreaterThan(2);
	await expect(page.locator('.gutter .label text')).toHaveText('✓');
	// its end in A jumps to its end in B, and focus lands on the marker there
	const markerA = page.locator('#article-a').getByRole('button', {
		name: 'Your shared fact (same fact): jump to the matching passage in Article B'
	});
	await markerA.focus();
	await page.keyboard.press('Enter');
	const markerB = page.locator('#article-b').getByRole('button', {
		name: 'Your shared fact (same fact): jump to the matching passage in Article A'
	});
	await expect(markerB).toBeFocused();
	await expect(markerB).toBeInViewport();
	await expectAxeClean(page);
	await page.screenshot({ path: 'test-results/aligned-own-1440.png' });
});

test('1440 px: "Keep the columns aligned" brings the counterpart to the reading line', async ({
	page
}) => {
	await page.setViewportSize(WIDE);
	await openSeed(page);
	// one link of the reader's own, the central fact (suggestions off, so it is the only one to
	// follow; a link near the top of both columns would leave no room to scroll B to its line)
	await page.getByRole('button', { name: 'Accept suggestion 1' }).click();
	await expect(page.getByRole('tab', { name: 'Annotations (1)' })).toBeVisible();
	await page.getByLabel('Show suggestions in the text').uncheck();
	const marker = page.locator('#article-a button.marker.own').first();
	const sentenceA = await marker.evaluate((el) => el.previousElementSibling!.id);
	await marker.click();
	await expect(page.locator('#article-b button.marker.own')).toBeFocused();
	const sentenceB = await page.evaluate(() => document.activeElement!.previousElementSibling!.id);
	expect(sentenceB).toMatch(/^b-s\d+$/);

	const align = page.getByLabel('Keep the columns aligned');
	await align.focus();
	await page.keyboard.press('Space');
	await expect(align).toBeChecked();
	// scroll A until the linked sentence sits at the reading line
	const pane = page.locator('#article-a');
	const putAtLine = (side: 'a' | 'b', id: string) =>
		page.locator(`#article-${side}`).evaluate((el, id) => {
			const s = document.getElementById(id)!;
			const top = s.getBoundingClientRect().top - el.getBoundingClientRect().top + el.scrollTop;
			el.scrollTop = top + s.getBoundingClientRect().height / 2 - el.clientHeight / 3;
		}, id);
	await putAtLine('a', sentenceA);
	await expect.poll(async () => Math.abs(await offLine(page, sentenceA))).toBeLessThan(3);
	// B followed the link, not the percentage: its counterpart is at B's reading line too
	await expect.poll(async () => Math.abs(await offLine(page, sentenceB))).toBeLessThan(40);

	// B leads the other way round
	await page.locator('#article-a').evaluate((el) => (el.scrollTop = 0));
	await expect.poll(() => page.locator('#article-b').evaluate((el) => el.scrollTop)).toBe(0);
	await putAtLine('b', sentenceB);
	await expect.poll(async () => Math.abs(await offLine(page, sentenceA))).toBeLessThan(40);

	// off again: the other column stays where it is
	await align.uncheck();
	const before = await page.locator('#article-b').evaluate((el) => el.scrollTop);
	const box = (await pane.boundingBox())!;
	await page.mouse.move(box.x + box.width / 2, box.y + 300);
	await page.mouse.wheel(0, 600);
	await page.waitForTimeout(300);
	expect(await page.locator('#article-b').evaluate((el) => el.scrollTop)).toBe(before);
	await expectAxeClean(page);
});

test('375 px: "Keep my place" opens the other article at the counterpart of the passage being read', async ({
	page
}) => {
	await page.setViewportSize(NARROW);
	await openSeed(page);
	// one link of the reader's own, the only one followed (suggestions off)
	const drawer = page.getByRole('button', { name: /^Analysis/ });
	await drawer.click();
	await page.getByRole('button', { name: 'Accept suggestion 2' }).click();
	await expect(page.getByRole('tab', { name: 'Annotations (1)' })).toBeVisible();
	await page.getByLabel('Show suggestions in the text').uncheck();
	await page.getByRole('button', { name: 'Close analysis' }).click();
	const marker = page.locator('#article-a button.marker.own').first();
	const sentenceA = await marker.evaluate((el) => el.previousElementSibling!.id);
	// the marker jumps to B (and shows it); its sentence there is the counterpart
	await marker.click();
	await expect(page.locator('#article-b')).toBeVisible();
	await expect(page.locator('#article-b button.marker.own')).toBeFocused();
	const sentenceB = await page.evaluate(() => document.activeElement!.previousElementSibling!.id);
	const switchTo = (side: 'A' | 'B') =>
		page.getByRole('group', { name: 'Article shown' }).getByRole('button', {
			name: new RegExp(`^Article ${side}:`)
		});
	// B scrolled away from the counterpart, then back to A
	await page.locator('#article-b').evaluate((el) => (el.scrollTop = 0));
	await switchTo('A').click();

	// keyboard alone: the toggle is in the toolbar, in view
	const keep = page.getByRole('checkbox', { name: 'Keep my place' });
	await expect(keep).toBeInViewport();
	await keep.focus();
	await page.keyboard.press('Space');
	await expect(keep).toBeChecked();
	await page.locator('#article-a').evaluate((el, id) => {
		const s = document.getElementById(id)!;
		const top = s.getBoundingClientRect().top - el.getBoundingClientRect().top + el.scrollTop;
		el.scrollTop = top + s.getBoundingClientRect().height / 2 - el.clientHeight / 3;
	}, sentenceA);
	await expect.poll(async () => Math.abs(await offLine(page, sentenceA))).toBeLessThan(3);
	await switchTo('B').focus();
	await page.keyboard.press('Enter');
	await expect(page.locator('#article-a')).toBeHidden();
	// B opened at the counterpart, at its reading line, and the live region says so
	await expect.poll(async () => Math.abs(await offLine(page, sentenceB))).toBeLessThan(40);
	await said(page, 'Article B, at the passage matching your place in Article A.');
	await expectAxeClean(page);
	await page.screenshot({ path: 'test-results/aligned-375.png' });

	// and back: A opens at the passage B was at
	await page.locator('#article-b').evaluate((el) => (el.scrollTop += 4));
	await switchTo('A').click();
	await expect.poll(async () => Math.abs(await offLine(page, sentenceA))).toBeLessThan(40);
	await said(page, 'Article A, at the passage matching your place in Article B.');

	// off: switching shows the other article without moving it to the counterpart
	await keep.uncheck();
	await switchTo('B').click();
	await page.locator('#article-b').evaluate((el) => (el.scrollTop = 0));
	await switchTo('A').click();
	await expect.poll(async () => Math.abs(await offLine(page, sentenceA))).toBeLessThan(40);
	await switchTo('B').click();
	await expect(page.locator('#article-b')).toBeVisible();
	expect(Math.abs(await offLine(page, sentenceB))).toBeGreaterThan(100);
});

for (const size of [WIDE, NARROW]) {
	test(`${size.width} px: the legend is one click away and explains every mark`, async ({
		page
	}) => {
		await page.setViewportSize(size);
		await openSeed(page);
		const button = page.getByRole('button', { name: 'Legend' });
		await expect(button).toBeInViewport();
		await button.focus();
		await page.keyboard.press('Enter');
		const dialog = page.getByRole('dialog', { name: 'What the marks mean' });
		await expect(dialog).toBeVisible();
		for (const text of [
			/Same fact as a passage of article B/i,
			/Your shared fact/,
			/Saved shared fact/,
			/Saved framing/,
			/Saved note/,
			/Loaded wording/,
			/distinctive term/,
			/One-sided claim/,
			/Page furniture/,
			/Ribbon: suggested: same fact/,
			/Ribbon: a shared fact you/,
			/Boxed/,
			/Bold underlined/,
			/likely the same fact \(76%\)/
		])
			await expect(
				dialog.getByText(new RegExp(text.source.replace(/ /g, '\\s+'), text.flags)).first()
			).toBeVisible();
		// saved highlights never share the suggestions' colour
		const colours = await page.evaluate(() => {
			const get = (sel: string) =>
				getComputedStyle(document.querySelector(sel)!).textDecorationColor;
			return { saved: get('.legend .hl-fact'), suggested: get('.legend .underline') };
		});
		expect(colours.saved).not.toBe(colours.suggested);
		await expectAxeClean(page);
		await page.keyboard.press('Escape');
		await expect(dialog).toBeHidden();
		await expect(button).toBeFocused();
	});
}

test('1440 px: the analysis tabs fit one row, grouped; the Terms chart uses plain words', async ({
	page
}) => {
	await page.setViewportSize(WIDE);
	await openSeed(page);
	const groups = page.getByRole('tablist', { name: 'Analysis sections' }).getByRole('tab');
	await expect(groups).toHaveText(['Facts', 'Differences', 'Themes', 'Annotations (0)']);
	const tops = await groups.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().top));
	expect(new Set(tops).size).toBe(1);
	// keyboard: arrows move between sections, then between the views of one
	await groups.first().focus();
	await page.keyboard.press('ArrowRight');
	await expect(page.getByRole('tab', { name: 'Differences' })).toBeFocused();
	await expect(page.getByRole('tab', { name: 'Differences' })).toHaveAttribute(
		'aria-selected',
		'true'
	);
	const views = page.getByRole('tablist', { name: 'Differences views' }).getByRole('tab');
	await expect(views).toHaveText([/^Loaded \(\d+\)$/, /^Word choice \(\d+\)$/, 'Frames', 'Terms']);
	await page.getByRole('tab', { name: 'Terms' }).click();
	const chart = page.locator('#panel-terms svg[aria-labelledby]').first();
	await expect(chart).toBeVisible();
	const labels = await chart.locator('g.chart-mark text').allTextContents();
	expect(labels.length).toBeGreaterThan(4);
	expect(labels.filter((l) => l.endsWith('…'))).toEqual([]);
	await expect(page.locator('#panel-terms')).not.toContainText(/Fightin|ζ|log-odds/);
	// the section remembers its view
	await page.getByRole('tab', { name: 'Facts' }).click();
	await page.getByRole('tab', { name: 'Differences' }).click();
	await expect(page.getByRole('tab', { name: 'Terms' })).toHaveAttribute('aria-selected', 'true');
	await expectAxeClean(page);
});

test('375 px: the text starts high, "Show in both articles" closes the drawer, messages fit', async ({
	page
}) => {
	await page.setViewportSize(NARROW);
	await openSeed(page);
	const pane = (await page.locator('#article-a').boundingBox())!;
	expect(pane.y).toBeLessThan(NARROW.height / 3);
	const firstBody = (await page.locator('#article-a [data-sentence]').first().boundingBox())!;
	expect(firstBody.y).toBeLessThan(NARROW.height / 2);

	await page.getByRole('button', { name: /^Analysis/ }).click();
	const drawer = page.locator('#insights');
	await expect(drawer).toBeVisible();
	await page.getByRole('button', { name: /Show in both articles \(suggestion 1\)/ }).click();
	await expect(drawer).toBeHidden();
	await expect(page.getByRole('button', { name: /^Analysis/ })).toHaveAttribute(
		'aria-expanded',
		'false'
	);
	// the passage is on screen in the column shown, and focus is not lost in the closed drawer
	await expect(page.locator('#article-b .sentence.lit').first()).toBeInViewport();
	expect(await page.evaluate(() => document.activeElement?.closest('#insights'))).toBeNull();

	// hold a passage for a shared fact: the message gets the screen's width, not a word per line
	await page.locator('#article-a').focus();
	await page.keyboard.press('Enter');
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('s');
	const held = page.getByRole('status').filter({ hasText: /Holding passage/ });
	await expect(held).toBeVisible();
	const box = (await held.boundingBox())!;
	expect(box.width).toBeGreaterThan(NARROW.width * 0.6);
	await expectAxeClean(page);

	// the dialog's quote box is reachable by keyboard
	await page.keyboard.press('Escape');
	await page.locator('#article-a').focus();
	await page.keyboard.press('Enter');
	await page.keyboard.press('n');
	const dialog = page.getByRole('dialog');
	await expect(dialog).toBeVisible();
	const quote = dialog.locator('blockquote').first();
	await expect(quote).toHaveAttribute('tabindex', '0');
	await expectAxeClean(page);
});

test('texts that look wrong are named, with a way to fix them', async ({ page }) => {
	await page.setViewportSize(NARROW);
	await page.goto('/new');
	await page.locator('html[data-hydrated]').waitFor();
	const text = Array.from(
		{ length: 8 },
		(_, i) =>
			`Officials said on Tuesday that ${i + 3} flights had left the airport, according to the agency. A spokesman confirmed the schedule and told reporters the next flight was planned for March ${i + 10}.`
	).join('\n\n');
	await page.locator('#a-text').fill(text);
	await page.locator('#b-text').fill(text);
	// a genre is only what someone chose (no default): label the report an opinion by hand
	await page.locator('#a-genre').selectOption('opinion');
	await page.getByRole('button', { name: 'Create comparison' }).click();
	await page.waitForURL(/\/compare\//);
	await page.locator('html[data-hydrated]').waitFor();
	const notice = page.getByRole('region', { name: 'These texts look wrong' });
	await expect(notice).toContainText('Both articles have the same text');
	await expect(notice).toContainText('Article A is labelled Opinion but reads like a news report');
	await expect(notice.getByRole('link', { name: 'Fix the texts' })).toBeVisible();
	await expectAxeClean(page);
	await notice.getByRole('button', { name: 'Hide this notice' }).click();
	await expect(notice).toHaveCount(0);
	// the seed pair reads fine: no notice
	await openSeed(page);
	await expect(page.getByRole('region', { name: /These texts/ })).toHaveCount(0);
});

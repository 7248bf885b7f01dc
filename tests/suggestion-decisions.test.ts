import { expect, test, type Page } from '@playwright/test';

// What the text shows once the reader decides on a suggestion: a dismissed one is not marked at
// all (no underline, no jump marker), an accepted one only as the reader's own shared fact, on
// the page and after a reload; deleting that shared fact makes the suggestion undecided again at
// once (the server undecides it in the same transaction), with its buttons and marks back.

const WIDE = { width: 1440, height: 900 };

async function openSeed(page: Page) {
	await page.goto('/');
	await page.locator('html[data-hydrated]').waitFor();
}

/** The id of the n-th suggested shared fact (1-based, as the list names it). */
const suggestionId = async (page: Page, n: number) => {
	const show = page
		.locator('#insights ol.facts > li')
		.nth(n - 1)
		.locator('button[id^="show-"]');
	return (await show.getAttribute('id'))!.slice('show-'.length);
};

/** The engine's jump markers of one suggestion, in both columns. */
const markersOf = (page: Page, id: string) => page.locator(`button.marker[data-fact="${id}"]`);

/** The sentence of `side` a suggestion's marker follows (its end there). */
const sentenceOf = async (page: Page, id: string, side: 'a' | 'b') => {
	const index = await page
		.locator(`#article-${side} button.marker[data-fact="${id}"]`)
		.getAttribute('data-of');
	return page.locator(`#${side}-s${index}`);
};

test('1440 px: a dismissed suggestion is not marked in the text, an accepted one only as the reader’s own', async ({
	page
}) => {
	await page.setViewportSize(WIDE);
	await openSeed(page);
	const cards = page.locator('#insights ol.facts > li');
	const dismissed = await suggestionId(page, 2);
	const accepted = await suggestionId(page, 1);
	await expect(markersOf(page, dismissed)).toHaveCount(2);
	await expect(markersOf(page, accepted)).toHaveCount(2);
	const ends = {
		a: await sentenceOf(page, dismissed, 'a'),
		b: await sentenceOf(page, dismissed, 'b')
	};
	await expect(ends.a).toContainText('But at some point in March 2023');
	await expect(ends.a).toHaveClass(/\blinked\b/);

	// a new reader's first two writes at once: both land in one workspace (the page sends the
	// second after the first's answer has set the cookie), so the reload below keeps both
	const dismiss = page.getByRole('button', { name: 'Dismiss suggestion 2' });
	const accept = page.getByRole('button', { name: 'Accept suggestion 1' });
	await Promise.all([dismiss.waitFor(), accept.waitFor()]);
	// in one task, as a double click on two buttons can be: the requests leave together
	await page.evaluate(() => {
		const button = (name: string) =>
			[...document.querySelectorAll('button')].find(
				// the text without its spaces: the hidden span's leading space is not in textContent
				(b) => b.textContent?.replace(/\s+/g, '') === name.replace(/\s+/g, '')
			);
		button('Dismiss suggestion 2')?.click();
		button('Accept suggestion 1')?.click();
	});
	await expect(cards.nth(1).getByText('Dismissed', { exact: true })).toBeVisible();
	await expect(page.getByRole('tab', { name: 'Annotations (1)' })).toBeVisible();

	const check = async () => {
		// dismissed: neither end underlined nor carrying a marker that jumps to the other
		await expect(markersOf(page, dismissed)).toHaveCount(0);
		await expect(ends.a).not.toHaveClass(/\blinked\b/);
		await expect(ends.b).not.toHaveClass(/\blinked\b/);
		// accepted: the reader's own marker (✓) at each end, the engine's (=) no more
		await expect(markersOf(page, accepted)).toHaveCount(0);
		await expect(page.locator('#article-a button.marker.own')).toHaveCount(1);
		await expect(page.locator('#article-b button.marker.own')).toHaveCount(1);
		await expect(page.locator('#article-a button.marker.own')).toHaveText('✓B');
	};
	await check();
	await page.reload();
	await page.locator('html[data-hydrated]').waitFor();
	await expect(cards.nth(1).getByText('Dismissed', { exact: true })).toBeVisible();
	await expect(cards.nth(0).getByText('Accepted', { exact: true })).toBeVisible();
	await check();
	// hovering the dismissed passage lights nothing in the other column
	await ends.a.hover();
	await expect(page.locator('#article-b .sentence.lit')).toHaveCount(0);
	await page.screenshot({ path: 'test-results/decided-1440.png' });
});

test('1440 px: deleting an accepted suggestion’s shared fact makes the suggestion undecided at once', async ({
	page
}) => {
	await page.setViewportSize(WIDE);
	await openSeed(page);
	const id = await suggestionId(page, 1);
	await page.getByRole('button', { name: 'Accept suggestion 1' }).click();
	const card = page.locator('#insights ol.facts > li').first();
	await expect(card.getByText('Accepted', { exact: true })).toBeVisible();

	await page.getByRole('tab', { name: 'Annotations (1)' }).click();
	await page.getByRole('button', { name: 'Delete', exact: true }).click();
	await page.getByRole('button', { name: 'Yes, delete this shared fact' }).click();
	await expect(page.getByRole('tab', { name: 'Annotations (0)' })).toBeVisible();
	await page.getByRole('tab', { name: 'Facts' }).click();

	// no reload: Accept and Dismiss are back, and the suggestion is marked in the text again
	await expect(card.getByText('Accepted', { exact: true })).toHaveCount(0);
	await expect(card.getByRole('button', { name: 'Accept suggestion 1' })).toBeVisible();
	await expect(card.getByRole('button', { name: 'Dismiss suggestion 1' })).toBeVisible();
	await expect(markersOf(page, id)).toHaveCount(2);
	await expect(page.locator('button.marker.own')).toHaveCount(0);
	// and it can be accepted again
	await card.getByRole('button', { name: 'Accept suggestion 1' }).click();
	await expect(card.getByText('Accepted', { exact: true })).toBeVisible();
	await expect(page.getByRole('tab', { name: 'Annotations (1)' })).toBeVisible();
});

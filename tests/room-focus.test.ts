import { expect, test } from '@playwright/test';
import { annotate, createRoom, joinRoom, seedTexts, targetOf } from './room-helpers';

// "N new — show" goes away once pressed: focus moves to what it showed, never to the page's body.

test.describe.configure({ timeout: 90_000 });

test('375 px: "1 new — show" moves focus to the new note’s passage in the text', async ({
	browser,
	baseURL
}) => {
	const base = baseURL!;
	const room = await createRoom(browser, base, 'Period 5');
	const ana = await joinRoom(browser, base, room.joinCode, 'Ana');
	const ben = await joinRoom(browser, base, room.joinCode, 'Ben');
	const revealed = await room.context.request.patch(`/api/rooms/${room.roomId}`, {
		headers: { origin: base },
		data: { phase: 'reveal' }
	});
	expect(revealed.status()).toBe(200);

	// Ben reads on a phone: the annotation list is in the closed drawer
	const page = await ben.newPage();
	await page.setViewportSize({ width: 375, height: 740 });
	await page.goto(`/rooms/${room.roomId}`);
	await page.locator('html[data-hydrated]').waitFor();
	await expect(page.getByText('Live', { exact: true })).toBeVisible();

	const texts = await seedTexts(ana.request);
	await annotate(ana, base, room.roomId, {
		kind: 'note',
		note: 'Who says discreetly?',
		targets: [targetOf(texts.a, 'a', 'discreetly resumed deportations')]
	});
	const show = page.getByRole('button', { name: '1 new — show' });
	await expect(show).toBeVisible({ timeout: 15_000 });
	await show.click();
	await expect(show).toBeHidden();
	const focused = page.locator('#article-a [data-sentence]:focus');
	await expect(focused).toContainText('discreetly resumed deportations');
	await expect(focused).toBeInViewport();
});

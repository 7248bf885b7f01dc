import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { createRoom, joinRoom } from './room-helpers';

// A student reading a locked room on a phone: the room bar and the article switch leave the
// screen to the text, and what they fold away is one keyboard press from view.

test.describe.configure({ timeout: 90_000 });

const PHONE = { width: 375, height: 812 };

test('375 px, locked room: the room bar is one line, the text starts high, Details opens the rest', async ({
	browser,
	baseURL
}) => {
	const base = baseURL!;
	const room = await createRoom(browser, base, 'Period 5 – media literacy');
	const ana = await joinRoom(browser, base, room.joinCode, 'Ana');
	const locked = await room.context.request.patch(`/api/rooms/${room.roomId}`, {
		headers: { origin: base },
		data: { locked: true }
	});
	expect(locked.status()).toBe(200);

	const page = await ana.newPage();
	await page.setViewportSize(PHONE);
	await page.goto(`/rooms/${room.roomId}`);
	await page.locator('html[data-hydrated]').waitFor();
	await expect(page.getByText('Live', { exact: true })).toBeVisible();

	// the text region starts in the top 30 %; the room bar is one line of short labels
	const bar = page.getByRole('region', { name: 'Room status' });
	const pane = (await page.locator('#article-a').boundingBox())!;
	expect(pane.y).toBeLessThan(PHONE.height * 0.3);
	const first = (await page.locator('#article-a [data-sentence]').first().boundingBox())!;
	expect(first.y).toBeLessThan(PHONE.height * 0.4);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
		PHONE.width
	);
	expect((await bar.boundingBox())!.height).toBeLessThan(48);
	await expect(bar.getByText('Locked', { exact: true })).toBeVisible();
	await expect(bar.getByText('Individual', { exact: true })).toBeVisible();
	const sentence = 'Locked: read-only. You can read and download, not write.';
	await expect(bar.getByText(sentence)).toBeHidden();
	await expect(bar.getByLabel('Follow the teacher')).toBeHidden();
	expect(
		(await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id}: ${v.help}`)
	).toEqual([]);

	// by keyboard: Details opens the full sentences, and Tab goes on into the follow-me opt-in
	const details = bar.getByRole('button', { name: 'Details' });
	await expect(details).toHaveAttribute('aria-expanded', 'false');
	await details.focus();
	await page.keyboard.press('Enter');
	await expect(details).toHaveAttribute('aria-expanded', 'true');
	await expect(bar.getByText(sentence)).toBeVisible();
	await expect(bar.getByText('Individual work: you see only your own annotations')).toBeVisible();
	await page.keyboard.press('Tab');
	await expect(bar.getByLabel('Follow the teacher')).toBeFocused();
	expect(
		(await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id}: ${v.help}`)
	).toEqual([]);
	await page.keyboard.press('Shift+Tab');
	await expect(details).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(details).toHaveAttribute('aria-expanded', 'false');
	await expect(bar.getByText(sentence)).toBeHidden();
	if (process.env.PARALLAX_SCREENSHOTS)
		await page.screenshot({ path: 'test-results/room-locked-375.png' });

	// wide, nothing is folded: the sentences are there and Details is not
	await page.setViewportSize({ width: 1280, height: 800 });
	await expect(bar.getByText(sentence)).toBeVisible();
	await expect(details).toBeHidden();
	await Promise.all([ana.close(), room.context.close()]);
});

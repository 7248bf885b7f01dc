import { expect, test } from '@playwright/test';
import { createRoom, joinRoom } from './room-helpers';

// Joining a room, as /new handles a refusal: the message stands by the field it is about (its
// description) and focus moves to that field, so a keyboard or screen reader user hears what is
// wrong and can fix it at once. A join link (?code=, the QR code's) puts focus on the name, the
// one field left to fill, not on the page's body.

test('a wrong join code: focus moves to the code field, which is described by the message', async ({
	page
}) => {
	await page.goto('/rooms');
	await page.locator('html[data-hydrated]').waitFor();
	await page.getByLabel('Join code').fill('ZZZZZ-ZZZZZ');
	await page.getByLabel('Your name (shown to your class)').fill('Ana');
	await page.getByRole('button', { name: 'Join', exact: true }).focus();
	await page.keyboard.press('Enter');
	const code = page.getByLabel('Join code');
	await expect(code).toBeFocused();
	await expect(code).toHaveAttribute('aria-invalid', 'true');
	await expect(code).toHaveAccessibleDescription(
		'No room has this code. Check it with your teacher.'
	);
	// what was typed stays, and the name field is not marked
	await expect(code).toHaveValue('ZZZZZ-ZZZZZ');
	await expect(page.getByLabel('Your name (shown to your class)')).not.toHaveAttribute(
		'aria-invalid'
	);
});

test('a taken name: focus moves to the name field, the free name offered beside it', async ({
	browser,
	baseURL
}) => {
	const room = await createRoom(browser, baseURL!, 'Period 2');
	const ana = await joinRoom(browser, baseURL!, room.joinCode, 'Ana');
	const context = await browser.newContext({ baseURL });
	const page = await context.newPage();
	await page.goto(`/rooms?code=${room.joinCode}`);
	await page.locator('html[data-hydrated]').waitFor();
	const name = page.getByLabel('Your name (shown to your class)');
	await name.fill('Ana');
	await name.press('Enter');
	await expect(name).toBeFocused();
	await expect(name).toHaveAttribute('aria-invalid', 'true');
	await expect(name).toHaveAccessibleDescription(/Ana/);
	await expect(page.getByLabel('Join code')).not.toHaveAttribute('aria-invalid');
	await expect(page.getByRole('button', { name: /^Join as “Ana/ })).toBeVisible();
	await ana.close();
	await room.context.close();
	await context.close();
});

test('a join link (?code=) puts focus on the name field, the code filled in', async ({
	browser,
	baseURL
}) => {
	const room = await createRoom(browser, baseURL!, 'Period 4');
	const context = await browser.newContext({ baseURL, viewport: { width: 375, height: 740 } });
	const page = await context.newPage();
	await page.goto(`/rooms?code=${room.joinCode}`);
	await page.locator('html[data-hydrated]').waitFor();
	await expect(page.getByLabel('Join code')).toHaveValue(room.joinCode);
	const name = page.getByLabel('Your name (shown to your class)');
	await expect(name).toBeFocused();
	await page.keyboard.type('Ben');
	await page.keyboard.press('Enter');
	await page.waitForURL(new RegExp(`/rooms/${room.roomId}$`));
	await room.context.close();
	await context.close();
});

test('/rooms without a code leaves focus where a page starts (nothing to fill yet)', async ({
	page
}) => {
	await page.goto('/rooms');
	await page.locator('html[data-hydrated]').waitFor();
	await expect(page.locator('input:focus, select:focus')).toHaveCount(0);
});

test('without JavaScript too: a join link and a refusal open on the field to fill', async ({
	browser,
	baseURL
}) => {
	const room = await createRoom(browser, baseURL!, 'Period 6');
	const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto(`/rooms?code=${room.joinCode}`);
	await expect(page.getByLabel('Your name (shown to your class)')).toBeFocused();
	await page.getByLabel('Join code').fill('ZZZZZ-ZZZZZ');
	await page.getByLabel('Your name (shown to your class)').fill('Cy');
	await page.getByRole('button', { name: 'Join', exact: true }).click();
	const code = page.getByLabel('Join code');
	await expect(code).toBeFocused();
	await expect(code).toHaveAccessibleDescription(
		'No room has this code. Check it with your teacher.'
	);
	await room.context.close();
	await context.close();
});

test('a student who goes Back after joining and joins again is taken to the room, not renamed', async ({
	browser,
	baseURL
}) => {
	const room = await createRoom(browser, baseURL!, 'Period 6');
	const context = await browser.newContext({ baseURL, viewport: { width: 375, height: 740 } });
	const page = await context.newPage();
	await page.goto(`/rooms?code=${room.joinCode}`);
	await page.locator('html[data-hydrated]').waitFor();
	await page.getByLabel('Your name (shown to your class)').fill('Maya');
	await page.getByRole('button', { name: 'Join', exact: true }).click();
	await page.waitForURL(/\/rooms\/[0-9a-f-]{36}$/);
	const roomUrl = page.url();
	await page.goBack();
	await page.locator('html[data-hydrated]').waitFor();
	await page.getByLabel('Your name (shown to your class)').fill('Maya');
	await page.getByRole('button', { name: 'Join', exact: true }).click();
	await page.waitForURL(roomUrl);
	await expect(page.getByRole('button', { name: /^Join as “Maya/ })).toHaveCount(0);
	// one Maya in the class, no "Maya 2"
	const seen = await room.context.request.get(`/api/rooms/${room.roomId}`);
	const names = ((await seen.json()) as { members: { displayName: string }[] }).members.map(
		(m) => m.displayName
	);
	expect(names.filter((n) => n.startsWith('Maya'))).toEqual(['Maya']);
	await context.close();
	await room.context.close();
});

import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { createRoom, joinRoom, post } from './room-helpers';

// Setting up a room the way a real morning goes: an explicit choice of comparison, the teacher
// link shown whole with Copy buttons and kept under "My rooms", a projector view readable from
// the back of the class, names that stay unique in a room, and a delete that asks first.

const hydrated = (page: Page) => page.locator('html[data-hydrated]').waitFor();

// several browsers and many screen sizes per test, on a shared 2-core machine
test.describe.configure({ timeout: 120_000 });

async function axe(page: Page) {
	const { violations } = await new AxeBuilder({ page }).analyze();
	return violations.map(
		(v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
	);
}

/** Click a Copy button; its live region says so and the clipboard holds `text`. */
async function expectCopies(page: Page, scope: Page | Locator, what: string, text: string) {
	await scope.getByRole('button', { name: `Copy the ${what}`, exact: true }).click();
	await expect(scope.getByRole('status').filter({ hasText: `Copied the ${what}.` })).toBeVisible();
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
}

/** A link shown whole: on one box, nothing cut off or scrolled away. */
async function expectWhole(link: Locator) {
	const box = await link.evaluate((el) => ({
		scroll: el.scrollWidth,
		client: el.clientWidth,
		text: el.textContent ?? ''
	}));
	expect(box.scroll).toBeLessThanOrEqual(box.client + 1);
	return box.text;
}

test('a teacher starts a room: explicit comparison, the link shown whole and copied, kept under My rooms', async ({
	browser,
	baseURL
}) => {
	const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } });
	await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
	const page = await context.newPage();
	await page.goto('/rooms');
	await hydrated(page);

	// no silent default: the picker asks, and the seed comes first
	const picker = page.getByRole('combobox', { name: /^Comparison/ });
	await expect(picker).toHaveValue('');
	const options = await picker.locator('option').allTextContents();
	expect(options[0]).toMatch(/^Choose the comparison/);
	expect(options[1]).toBe("The US resumes deporting Russians who fled Putin's draft");
	await page.getByLabel('Room title').fill('Period 3');
	await page.getByRole('button', { name: 'Create room' }).click();
	expect(await picker.evaluate((el: HTMLSelectElement) => el.validity.valueMissing)).toBe(true);
	await expect(page.getByText('is ready')).toHaveCount(0);
	// the server refuses it too (a form sent without the browser's check)
	const refused = await context.request.post('/rooms?/create', {
		headers: { origin: baseURL!, 'x-sveltekit-action': 'true' },
		form: { comparisonId: '', title: 'No choice' }
	});
	expect(JSON.stringify(await refused.json())).toContain('Choose the comparison for this lesson.');

	await picker.selectOption({ index: 1 });
	await page.getByRole('button', { name: 'Create room' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'Room “Period 3” is ready.' })
	).toBeVisible();
	const start = page.getByRole('region', { name: 'Start a room (teachers)' });
	const shown = start.locator('[data-href*="/rooms/teach/"]');
	const teacherUrl = (await shown.getAttribute('data-href'))!;
	expect(teacherUrl).toMatch(/\/rooms\/teach\/[A-Za-z0-9_-]{43}$/);
	expect(await expectWhole(shown)).toContain(teacherUrl);
	await expectCopies(page, start, 'teacher link', teacherUrl);
	expect(await axe(page)).toEqual([]);

	// "My rooms" on this browser, from the teacher's own cookie, after a reload
	await page.goto('/rooms');
	await hydrated(page);
	const mine = page.getByRole('region', { name: 'My rooms on this browser' });
	const item = mine.getByRole('listitem').filter({ hasText: 'Period 3' });
	await expect(item).toContainText('0 students');
	expect(await item.locator('[data-href]').getAttribute('data-href')).toBe(teacherUrl);
	await expectCopies(page, item, 'teacher link of Period 3', teacherUrl);
	// another browser has no rooms of its own
	const other = await browser.newContext({ baseURL });
	const otherPage = await other.newPage();
	await otherPage.goto('/rooms');
	await expect(otherPage.getByRole('region', { name: 'My rooms on this browser' })).toHaveCount(0);

	// the dashboard: the code never wraps, code and join link copy
	await item.getByRole('link', { name: 'Period 3' }).click();
	await page.waitForURL(/\/rooms\/[0-9a-f-]{36}$/);
	await hydrated(page);
	const code = (await page.getByTestId('join-code').textContent())!.trim();
	const lineHeight = await page
		.getByTestId('join-code')
		.evaluate(
			(el) => el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).fontSize)
		);
	expect(lineHeight).toBeLessThan(1.6);
	await expectCopies(page, page, 'join code', code);
	const joinLink = page.locator('[data-href*="/rooms?code="]');
	const joinUrl = (await joinLink.getAttribute('data-href'))!;
	expect(joinUrl).toBe(`${baseURL}/rooms?code=${code}`);
	await expectCopies(page, page, 'join link', joinUrl);
	await other.close();
	await context.close();
});

/** The projector view of a room, opened by its teacher at one screen size. */
async function checkProjector(page: Page, size: { width: number; height: number }, code: string) {
	await page.setViewportSize(size);
	const qr = page.getByRole('img', { name: /^QR code of the join link/ });
	const box = (await qr.boundingBox())!;
	// the modules, without the white quiet zone drawn around them
	const [, , side] = (await qr.getAttribute('viewBox'))!.split(' ').map(Number);
	const quiet = -Number((await qr.getAttribute('viewBox'))!.split(' ')[0]);
	const modules = (box.width * (side - 2 * quiet)) / side;
	const short = Math.min(size.width, size.height);
	expect(modules).toBeGreaterThanOrEqual(0.6 * short);
	expect(box.height).toBeCloseTo(box.width, 0);
	const shown = page.getByTestId('projector-code');
	await expect(shown).toHaveText(code);
	const fit = await shown.evaluate((el) => {
		const range = document.createRange();
		range.selectNodeContents(el);
		const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
		const box = el.getBoundingClientRect();
		return {
			lines: lines.size,
			fontSize: parseFloat(getComputedStyle(el).fontSize),
			right: range.getBoundingClientRect().right,
			bottom: box.bottom,
			overflow: el.scrollWidth - el.clientWidth
		};
	});
	expect(fit.lines).toBe(1);
	expect(fit.overflow).toBeLessThanOrEqual(0);
	expect(fit.right).toBeLessThanOrEqual(size.width);
	expect(fit.bottom).toBeLessThanOrEqual(size.height);
	// huge: at least 7 % of the screen's short side (the dashboard's was 32 px)
	expect(fit.fontSize).toBeGreaterThanOrEqual(0.07 * short);
	// nothing scrolls: everything is on the one screen
	expect(
		await page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight)
	).toBe(true);
}

test('"Create room" keeps the page as wide as before: both forms keep their columns', async ({
	browser,
	baseURL
}) => {
	const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } });
	const page = await context.newPage();
	await page.goto('/rooms?comparison=seed');
	await hydrated(page);
	const join = page.getByRole('region', { name: 'Join a room' });
	const start = page.getByRole('region', { name: 'Start a room (teachers)' });
	const widths = async () => ({
		main: (await page.getByRole('main').boundingBox())!.width,
		join: (await join.boundingBox())!.width,
		start: (await start.boundingBox())!.width
	});
	const before = await widths();
	// two columns sharing the page (less one gap)
	expect(before.join + before.start).toBeGreaterThan(before.main * 0.85);
	await page.getByLabel('Room title').fill('Widths');
	await page.getByRole('button', { name: 'Create room' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'is ready' })).toBeVisible();
	// "My rooms" appears under both, and neither column narrows to make room for a third
	await expect(page.getByRole('region', { name: 'My rooms on this browser' })).toBeVisible();
	expect(await widths()).toEqual(before);
	await page.reload();
	await hydrated(page);
	const again = await widths();
	expect(again.join).toBe(before.join);
	await context.close();
});

test('the projector view: the code in huge type on one line and a QR code of most of the screen', async ({
	browser,
	baseURL
}) => {
	const room = await createRoom(browser, baseURL!, 'Period 4 – media literacy');
	const page = await room.context.newPage();
	await page.goto(`/rooms/${room.roomId}/projector`);
	await hydrated(page);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Period 4 – media literacy');
	await expect(page.getByText(/go to 127\.0\.0\.1:\d+\/rooms and type/)).toBeVisible();
	const code = `${room.joinCode.slice(0, 5)}-${room.joinCode.slice(5)}`;
	for (const size of [
		{ width: 1280, height: 720 },
		{ width: 1920, height: 1080 },
		{ width: 1024, height: 768 },
		{ width: 1280, height: 800 },
		{ width: 375, height: 667 },
		{ width: 800, height: 1280 }
	])
		await checkProjector(page, size, code);
	await page.setViewportSize({ width: 1280, height: 720 });
	expect(await axe(page)).toEqual([]);
	if (process.env.PARALLAX_SCREENSHOTS)
		await page.screenshot({ path: 'docs/screenshot-projector.png' });

	// the QR code opens the join page with the code filled in
	const student = await browser.newContext({ baseURL });
	const join = await student.newPage();
	await join.goto(`/rooms?code=${code}`);
	await expect(join.getByLabel('Join code')).toHaveValue(code);
	// only the teacher has it: a student and a stranger get the room's 404
	await post(student, baseURL!, '/api/rooms/join', { code, displayName: 'Ana' });
	expect((await student.request.get(`/rooms/${room.roomId}/projector`)).status()).toBe(404);
	const stranger = await browser.newContext({ baseURL });
	expect((await stranger.request.get(`/rooms/${room.roomId}/projector`)).status()).toBe(404);
	await Promise.all([student.close(), stranger.close(), room.context.close()]);
});

test('names are unique in a room: a second "Ana" is told and offered "Ana 2"', async ({
	browser,
	baseURL
}) => {
	const room = await createRoom(browser, baseURL!, 'Names');
	const first = await joinRoom(browser, baseURL!, room.joinCode, 'Ana');
	const second = await browser.newContext({ baseURL });
	const page = await second.newPage();
	await page.goto(`/rooms?code=${room.joinCode}`);
	await hydrated(page);
	await page.getByLabel('Your name').fill('ana');
	await page.getByRole('button', { name: 'Join', exact: true }).click();
	await expect(page.getByRole('alert')).toHaveText(
		'Someone in this room is already called “ana”. Choose another name, for example “ana 2”.'
	);
	await expect(page.getByLabel('Your name')).toHaveValue('ana');
	expect(await axe(page)).toEqual([]);
	await page.getByRole('button', { name: 'Join as “ana 2”' }).click();
	await page.waitForURL(/\/rooms\/[0-9a-f-]{36}$/);

	// the API says the same (409, with the free name), and the teacher sees two different rows
	const third = await post(await browser.newContext({ baseURL }), baseURL!, '/api/rooms/join', {
		code: room.joinCode,
		displayName: 'ANA'
	});
	expect(third.status).toBe(409);
	// "ana 2" is in the room now, so the next free name is offered
	expect(third.body.error.message).toContain('for example “ANA 3”');
	const teacher = await room.context.newPage();
	await teacher.goto(`/rooms/${room.roomId}`);
	await hydrated(teacher);
	const students = teacher.getByRole('heading', { name: 'Students (2)' });
	await expect(students).toBeVisible();
	await expect(teacher.getByRole('button', { name: 'Remove Ana', exact: true })).toBeVisible();
	await expect(teacher.getByRole('button', { name: 'Remove ana 2', exact: true })).toBeVisible();
	await Promise.all([first.close(), second.close(), room.context.close()]);
});

test('deleting a room: a danger zone away from the exports, typed confirmation, students warned', async ({
	browser,
	baseURL
}) => {
	const room = await createRoom(browser, baseURL!, 'Period 5');
	const student = await joinRoom(browser, baseURL!, room.joinCode, 'Ben');
	const page = await room.context.newPage();
	await page.goto(`/rooms/${room.roomId}`);
	await hydrated(page);
	const exports = page.getByRole('region', { name: 'Export' });
	await expect(exports.getByRole('link', { name: 'CSV' })).toBeVisible();
	await expect(exports.getByRole('button')).toHaveCount(0);
	const zone = page.getByRole('region', { name: 'Danger zone: delete this room' });
	await expect(zone).toContainText('Students lose access at once');
	const remove = zone.getByRole('button', { name: 'Delete room and all its data' });
	// far from the export links: not in the same part of the page
	const gap = (await zone.boundingBox())!.y - (await exports.boundingBox())!.y;
	expect(gap).toBeGreaterThan(300);

	// nothing typed, or the wrong words: the room stays
	await remove.click();
	await expect(zone.getByRole('alert')).toHaveText(
		'Type the room’s title (Period 5) or the word delete to confirm.'
	);
	const confirmation = zone.getByLabel(/Type the room’s title/);
	await confirmation.fill('Period 4');
	await remove.click();
	await expect(zone.getByRole('alert')).toBeVisible();
	expect((await student.request.get(`/rooms/${room.roomId}`)).status()).toBe(200);
	expect(await axe(page)).toEqual([]);

	// the title (any case) confirms
	await confirmation.fill('period 5');
	await remove.click();
	await page.waitForURL(/\/rooms$/);
	expect((await student.request.get(`/rooms/${room.roomId}`)).status()).toBe(404);
	await expect(page.getByRole('region', { name: 'My rooms on this browser' })).toHaveCount(0);
	await Promise.all([student.close(), room.context.close()]);
});

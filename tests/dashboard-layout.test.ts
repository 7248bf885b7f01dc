import { expect, test, type Locator, type Page } from '@playwright/test';
import { annotate, createRoom, joinRoom, seedTexts, targetOf } from './room-helpers';

// The teacher dashboard's columns hold what is put in them, at a desktop width and on a phone:
// the Spotlight list (as wide as its longest choice) stays in the Phase column instead of running
// under the Students column, and a long unbroken note (a formula, a link) wraps in the
// Annotations list instead of running past the window's edge, where it was clipped.

const LONG_A =
	'the Guardian revealed that the Biden administration had discreetly resumed deportations to Russia';
const SHORT_B = 'The Guardian reported this on March 18';
const FORMULA = '=HYPERLINK("http://evil.example","click") "quoted", comma; émoji 🇺🇦 naïve';

test.describe.configure({ timeout: 60_000 });

/** Left, right, top and bottom of an element on the page. */
async function box(locator: Locator) {
	const b = (await locator.boundingBox())!;
	return { left: b.x, right: b.x + b.width, top: b.y, bottom: b.y + b.height };
}

/** Elements of the moderation list that end past its right edge or the window's. */
async function overflowing(page: Page): Promise<string[]> {
	return page.locator('ul.moderation').evaluate((list) => {
		const edge = Math.min(list.getBoundingClientRect().right, window.innerWidth);
		const out = [...list.querySelectorAll('*')]
			.filter((el) => el.getBoundingClientRect().right > edge + 0.5)
			.map((el) => `${el.tagName.toLowerCase()}: ${el.textContent?.slice(0, 40)}`);
		if (list.scrollWidth > list.clientWidth) out.push(`list scrolls sideways: ${list.scrollWidth}`);
		return out;
	});
}

for (const width of [1400, 375])
	test(`at ${width} px the Spotlight list and a long note stay in their columns`, async ({
		browser,
		baseURL
	}) => {
		const base = baseURL!;
		const room = await createRoom(browser, base, 'Period 9');
		const ana = await joinRoom(browser, base, room.joinCode, 'Ana');
		const ben = await joinRoom(browser, base, room.joinCode, 'Ben');
		const texts = await seedTexts(ana.request);
		await annotate(ana, base, room.roomId, {
			kind: 'shared-fact',
			relation: 'same',
			targets: [targetOf(texts.a, 'a', LONG_A), targetOf(texts.b, 'b', SHORT_B)]
		});
		await annotate(ana, base, room.roomId, {
			kind: 'note',
			note: FORMULA,
			targets: [targetOf(texts.a, 'a', 'About a year ago')]
		});
		const discuss = await room.context.request.patch(`/api/rooms/${room.roomId}`, {
			headers: { origin: base },
			data: { phase: 'discuss' }
		});
		expect(discuss.status()).toBe(200);

		const page = await room.context.newPage();
		await page.setViewportSize({ width, height: 900 });
		await page.goto(`/rooms/${room.roomId}`);
		await page.locator('html[data-hydrated]').waitFor();
		const spotlight = await box(page.getByLabel('Spotlight'));
		const students = page.getByRole('region', { name: 'Students (2)' });
		await expect(students.getByRole('button', { name: 'Remove Ben' })).toBeVisible();
		const studentsBox = await box(students);
		// side by side (wide): the list ends before the Students column; stacked: within the window
		const sideBySide = studentsBox.top < spotlight.bottom && studentsBox.bottom > spotlight.top;
		expect(spotlight.right).toBeLessThanOrEqual(sideBySide ? studentsBox.left : width);
		expect(spotlight.left).toBeGreaterThanOrEqual(0);

		const note = page.getByRole('region', { name: /Annotations \(2\)/ }).getByText(FORMULA);
		await expect(note).toBeVisible();
		expect(await overflowing(page)).toEqual([]);
		if (process.env.PARALLAX_SCREENSHOTS)
			await page.screenshot({ path: `test-results/dashboard-layout-${width}.png`, fullPage: true });
		await ana.close();
		await ben.close();
	});

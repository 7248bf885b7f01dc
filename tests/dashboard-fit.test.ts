import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { annotate, createRoom, joinRoom, seedTexts, targetOf } from './room-helpers';

// The teacher's dashboard on a classroom laptop (1280 px) and on a phone (375 px): the
// "Activity per student" table fits its column at 1280 px; on a phone only the table's own box
// may scroll sideways, never the page.

test.describe.configure({ timeout: 90_000 });

const FACT_A =
	'the Guardian revealed that the Biden administration had discreetly resumed deportations to Russia';
const FACT_B = 'The Guardian reported this on March 18';

/** The activity table's box: how wide its table is against the room the box gives it. */
async function activityFit(page: Page) {
	const box = page
		.getByRole('region', { name: 'Activity per student' })
		.getByRole('group', { name: 'Activity per student' });
	return box.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
}

test('the activity table fits its column at 1280 px, and only it scrolls at 375 px', async ({
	browser,
	baseURL
}) => {
	const base = baseURL!;
	const room = await createRoom(browser, base, 'Period 4 – media literacy');
	const texts = await seedTexts(room.context.request);
	// names as a class has them, and work in every column so each cell holds a number or a time
	const names = ['Ana Martínez-García', 'Benedikt Oyelaran-Smith', 'Chloé'];
	for (const name of names) {
		const student = await joinRoom(browser, base, room.joinCode, name);
		await annotate(student, base, room.roomId, {
			kind: 'shared-fact',
			relation: 'different-detail',
			targets: [targetOf(texts.a, 'a', FACT_A), targetOf(texts.b, 'b', FACT_B)]
		});
		await annotate(student, base, room.roomId, {
			kind: 'framing',
			frame: 'morality',
			entman: 'moral-evaluation',
			targets: [targetOf(texts.a, 'a', 'discreetly resumed deportations')]
		});
		await annotate(student, base, room.roomId, {
			kind: 'note',
			note: 'Who says so?',
			targets: [targetOf(texts.a, 'a', FACT_A)]
		});
		await student.close();
	}

	const page = await room.context.newPage();
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.goto(`/rooms/${room.roomId}`);
	await page.locator('html[data-hydrated]').waitFor();
	const activity = page.getByRole('region', { name: 'Activity per student' });
	await expect(activity.getByRole('row')).toHaveCount(names.length + 1);
	for (const name of names)
		await expect(activity.getByRole('rowheader', { name, exact: true })).toBeVisible();
	const wide = await activityFit(page);
	expect(wide.scroll, `table ${wide.scroll} px in a ${wide.client} px box`).toBeLessThanOrEqual(
		wide.client
	);
	// nothing else on the dashboard runs out of its column either
	const spills = await page
		.locator('.dashboard section')
		.evaluateAll((sections) =>
			sections
				.filter((s) => s.scrollWidth > s.clientWidth)
				.map((s) => `${s.getAttribute('aria-labelledby') ?? s.className}: ${s.scrollWidth}`)
		);
	expect(spills).toEqual([]);
	expect(
		(await new AxeBuilder({ page }).include('.dashboard').analyze()).violations.map(
			(v) => `${v.id}: ${v.help}`
		)
	).toEqual([]);
	if (process.env.PARALLAX_SCREENSHOTS)
		await page.screenshot({ path: 'test-results/dashboard-1280.png', fullPage: true });

	// a phone: the page itself never scrolls sideways; the table's box may, and takes focus to
	await page.setViewportSize({ width: 375, height: 812 });
	await expect(activity.getByRole('row')).toHaveCount(names.length + 1);
	const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(pageWidth).toBeLessThanOrEqual(375);
	const main = await page.locator('.room-main').evaluate((el) => el.scrollWidth - el.clientWidth);
	expect(main).toBeLessThanOrEqual(0);
	const box = activity.getByRole('group', { name: 'Activity per student' });
	await expect(box).toHaveAttribute('tabindex', '0');
	if (process.env.PARALLAX_SCREENSHOTS)
		await page.screenshot({ path: 'test-results/dashboard-375.png', fullPage: true });
	await room.context.close();
});

import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { annotate, createRoom, joinRoom, seedTexts, targetOf } from './room-helpers';

// Presentation mode is what the class sees on the projector, so it follows the phase as the
// students' pages do (PRODUCT.md §6: individual, each sees only their own work; reveal,
// everyone's): while students work alone their annotations stay off the projector, and a note
// the teacher hid is never projected. The teacher's own view keeps everything, and the room bar
// says what is true for the one reading it.

/** How long a live change may take to reach another page on a loaded machine. */
const LIVE_WAIT = 15_000;

test.describe.configure({ timeout: 90_000 });

/** The class's annotations painted in the text: highlight ranges and shared-fact markers. */
async function painted(page: Page): Promise<{ ranges: number; markers: number }> {
	return page.evaluate(() => ({
		ranges: ['shared-fact', 'framing', 'note'].reduce(
			(n, kind) => n + (CSS.highlights.get(`ann-${kind}`)?.size ?? 0),
			0
		),
		markers: document.querySelectorAll('button.own').length
	}));
}

test('the projector shows students’ work from the reveal on, never a hidden note; the bar says so', async ({
	browser,
	baseURL
}) => {
	const base = baseURL!;
	const room = await createRoom(browser, base, 'Period 3');
	const ana = await joinRoom(browser, base, room.joinCode, 'Ana');
	const texts = await seedTexts(ana.request);
	const anasNote = await annotate(ana, base, room.roomId, {
		kind: 'note',
		note: 'Who decided this?',
		targets: [targetOf(texts.a, 'a', 'About a year ago')]
	});
	await annotate(ana, base, room.roomId, {
		kind: 'shared-fact',
		relation: 'same',
		targets: [
			targetOf(texts.a, 'a', 'the Guardian revealed'),
			targetOf(texts.b, 'b', 'The Guardian reported this on March 18')
		]
	});
	// the teacher's own note: the presenter's work, as a student's own is theirs
	await annotate(room.context, base, room.roomId, {
		kind: 'note',
		note: 'Look at the dates.',
		targets: [targetOf(texts.b, 'b', 'Joe Biden is deporting Russians')]
	});

	const page = await room.context.newPage();
	await page.goto(`/rooms/${room.roomId}`);
	await page.locator('html[data-hydrated]').waitFor();
	const bar = page.getByRole('region', { name: 'Room status' });
	// the teacher's own view: everyone's work, and the bar does not claim otherwise
	await expect(bar).toContainText(
		'Individual work: each student sees only their own annotations; you see everyone’s'
	);
	await page.getByRole('button', { name: 'Reading view' }).click();
	await expect.poll(() => painted(page)).toEqual({ ranges: 4, markers: 2 });

	// presenting in the individual phase: only the teacher's own note is projected
	await page.getByRole('button', { name: 'Presentation mode' }).click();
	await expect.poll(() => painted(page)).toEqual({ ranges: 1, markers: 0 });
	await expect(bar).toContainText(
		'Individual work: students’ annotations stay off the projector until Reveal'
	);
	expect(
		(await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id}: ${v.help}`)
	).toEqual([]);
	if (process.env.PARALLAX_SCREENSHOTS)
		await page.screenshot({ path: 'test-results/presentation-individual-1400.png' });

	// the reveal puts the class's work on the projector; a hidden note stays off it
	const reveal = await room.context.request.patch(`/api/rooms/${room.roomId}`, {
		headers: { origin: base },
		data: { phase: 'reveal' }
	});
	expect(reveal.status()).toBe(200);
	await expect.poll(() => painted(page), { timeout: LIVE_WAIT }).toEqual({ ranges: 4, markers: 2 });
	await expect(bar).toContainText('Reveal: everyone’s work is visible');
	const hide = await room.context.request.put(
		`/api/rooms/${room.roomId}/annotations/${anasNote}/hidden`,
		{ headers: { origin: base }, data: { hidden: true } }
	);
	expect(hide.status()).toBe(204);
	await expect.poll(() => painted(page), { timeout: LIVE_WAIT }).toEqual({ ranges: 3, markers: 2 });

	// out of presentation (Escape), the teacher's reading view shows the hidden note again
	await page.keyboard.press('Escape');
	await expect.poll(() => painted(page)).toEqual({ ranges: 4, markers: 2 });
	await ana.close();
});

import AxeBuilder from '@axe-core/playwright';
import { randomUUID } from 'node:crypto';
import { expect, test, type Locator } from '@playwright/test';
import { annotate, createRoom, joinRoom, post, seedTexts, targetOf } from './room-helpers';

// A QA pass: a note written on several lines ("@SUM(A1:A9)", "-2+3", ...) showed as one run-on
// line on the worksheet and on the teacher's dashboard. A student's list or steps keep their
// lines wherever the class's work is shown; the text is still text, never HTML.

const FACT_NOTE = 'Two points:\n- the date differs\n- <b>the source</b> is the same';
const FRAMING_NOTE = 'Line one of the framing\nline two';
const REPLY = 'Reply line one\nreply line two';

/** The text as rendered: innerText keeps a line break only where the page shows one. */
const shown = (locator: Locator) => locator.evaluate((el) => (el as HTMLElement).innerText.trim());

test('a multi-line note keeps its lines on the worksheet, the dashboard and the spotlight', async ({
	browser,
	baseURL
}) => {
	const base = baseURL!;
	const room = await createRoom(browser, base, 'Lines');
	const ana = await joinRoom(browser, base, room.joinCode, 'Ana');
	const texts = await seedTexts(ana.request);
	const fact = await annotate(ana, base, room.roomId, {
		kind: 'shared-fact',
		relation: 'different-detail',
		note: FACT_NOTE,
		targets: [
			targetOf(texts.a, 'a', 'discreetly resumed deportations to Russia'),
			targetOf(texts.b, 'b', 'The Guardian reported this on March 18')
		]
	});
	await annotate(ana, base, room.roomId, {
		kind: 'framing',
		frame: 'morality',
		note: FRAMING_NOTE,
		attachedTo: fact,
		targets: [targetOf(texts.a, 'a', 'discreetly resumed')]
	});
	const patched = await room.context.request.patch(`/api/rooms/${room.roomId}`, {
		headers: { origin: base },
		data: { phase: 'discuss', spotlightId: fact }
	});
	expect(patched.status()).toBe(200);
	const reply = await post(ana, base, `/api/rooms/${room.roomId}/annotations/${fact}/replies`, {
		id: randomUUID(),
		note: REPLY
	});
	expect(reply.status).toBe(201);

	// the worksheet: the fact's note, the framing's note and the reply, each on its lines
	const sheet = await room.context.newPage();
	await sheet.goto(`/rooms/${room.roomId}/worksheet`);
	const table = sheet.locator('table.worksheet-table').first();
	await expect(table).toContainText('Two points:');
	expect.soft(await shown(table.locator('.note', { hasText: 'Two points:' }))).toBe(FACT_NOTE);
	expect
		.soft(await shown(table.locator('.note', { hasText: 'Line one of the framing' })))
		.toBe(FRAMING_NOTE);
	expect
		.soft(await shown(table.getByRole('listitem').filter({ hasText: 'Reply line one' })))
		.toBe(`↳ Ana: ${REPLY}`);
	// escaped as before: the note's markup is text
	await expect(table.locator('b')).toHaveCount(0);
	const sheetAxe = await new AxeBuilder({ page: sheet }).analyze();
	expect(sheetAxe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

	// the teacher's dashboard: the moderation list
	const dashboard = await room.context.newPage();
	await dashboard.goto(`/rooms/${room.roomId}`);
	await dashboard.locator('html[data-hydrated]').waitFor();
	const moderation = dashboard.getByRole('region', { name: /Annotations \(2\)/ });
	await expect(moderation).toBeVisible();
	expect.soft(await shown(moderation.locator('.note', { hasText: 'Two points:' }))).toBe(FACT_NOTE);
	expect
		.soft(await shown(moderation.locator('.note', { hasText: 'Line one of the framing' })))
		.toBe(FRAMING_NOTE);
	await expect(moderation.locator('b')).toHaveCount(0);

	// the spotlight, as the class sees it in the discuss phase
	const student = await ana.newPage();
	await student.goto(`/rooms/${room.roomId}`);
	const spotlight = student.getByRole('region', { name: /Spotlight/ });
	await expect(spotlight).toBeVisible();
	expect.soft(await shown(spotlight.locator('p', { hasText: 'Two points:' }))).toBe(FACT_NOTE);
	expect
		.soft(await shown(spotlight.getByRole('listitem')))
		.toBe(`Morality — ${FRAMING_NOTE} (Ana)`);
	const spotlightAxe = await new AxeBuilder({ page: student }).include('.spotlight').analyze();
	expect(spotlightAxe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

	await Promise.all([ana.close(), room.context.close()]);
});

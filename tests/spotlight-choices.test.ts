import { expect, test } from '@playwright/test';
import { annotate, createRoom, joinRoom, seedTexts, targetOf } from './room-helpers';

// The teacher's Spotlight list shows each shared fact by the start of its passage: a passage cut
// short must say so ("…", at a word's end), and its whole text stays one hover away (title). The
// list stays within a phone's width however long its choices are.

const LONG_A =
	'the Guardian revealed that the Biden administration had discreetly resumed deportations to Russia';
const SHORT_B = 'The Guardian reported this on March 18';

test.describe.configure({ timeout: 60_000 });

test('a long passage in the Spotlight list ends with "…" at a word, its whole text in the title', async ({
	browser,
	baseURL
}) => {
	const base = baseURL!;
	const room = await createRoom(browser, base, 'Period 1');
	const ana = await joinRoom(browser, base, room.joinCode, 'Ana');
	const texts = await seedTexts(ana.request);
	await annotate(ana, base, room.roomId, {
		kind: 'shared-fact',
		relation: 'same',
		targets: [targetOf(texts.a, 'a', LONG_A), targetOf(texts.b, 'b', SHORT_B)]
	});
	const discuss = await room.context.request.patch(`/api/rooms/${room.roomId}`, {
		headers: { origin: base },
		data: { phase: 'discuss' }
	});
	expect(discuss.status()).toBe(200);

	const page = await room.context.newPage();
	await page.setViewportSize({ width: 375, height: 740 });
	await page.goto(`/rooms/${room.roomId}`);
	await page.locator('html[data-hydrated]').waitFor();
	const option = page.getByLabel('Spotlight').locator('option').nth(1);
	const shown = (await option.textContent())!.trim();
	expect(shown).toMatch(/… \(Ana\)$/);
	const quote = shown.slice(0, -' (Ana)'.length);
	expect(quote.length).toBeLessThanOrEqual(60);
	// cut after a whole word of the passage, never inside one
	const kept = quote.slice(0, -1);
	expect(LONG_A.startsWith(kept)).toBe(true);
	expect(LONG_A[kept.length]).toBe(' ');
	await expect(option).toHaveAttribute('title', `${LONG_A} (Ana)`);
	// a choice as wide as 60 characters stays inside a phone's width, not cut off at its right
	const box = (await page.getByLabel('Spotlight').boundingBox())!;
	expect(box.x).toBeGreaterThanOrEqual(0);
	expect(box.x + box.width).toBeLessThanOrEqual(375);
	await ana.close();
});

test('the dashboard’s other quotes (annotations, linked pairs, heat map) say where they were cut', async ({
	browser,
	baseURL
}) => {
	const base = baseURL!;
	const room = await createRoom(browser, base, 'Period 7');
	const ana = await joinRoom(browser, base, room.joinCode, 'Ana');
	const texts = await seedTexts(ana.request);
	await annotate(ana, base, room.roomId, {
		kind: 'shared-fact',
		relation: 'same',
		targets: [targetOf(texts.a, 'a', LONG_A), targetOf(texts.b, 'b', SHORT_B)]
	});
	const page = await room.context.newPage();
	await page.goto(`/rooms/${room.roomId}`);
	await page.locator('html[data-hydrated]').waitFor();

	const note = page.getByRole('region', { name: /Annotations \(1\)/ }).locator('q');
	await expect(note).toHaveText(/^the Guardian revealed .*\S…$/);
	await expect(note).toHaveAttribute('title', LONG_A);

	// both tables quote the whole sentence of A that holds the passage: its full text in the title
	const pair = page
		.getByRole('region', { name: 'Most-linked shared facts' })
		.getByRole('row', { name: /A\d+ ↔ B\d+/ })
		.locator('.quote');
	await expect(pair).toHaveText(/^“.*\S…”$/);
	await expect(pair).toHaveAttribute('title', new RegExp(LONG_A));
	const heat = page
		.getByRole('region', { name: /Heat map/ })
		.getByRole('row', { name: /^A\d+/ })
		.first()
		.locator('.quote');
	await expect(heat).toHaveText(/\S…$/);
	await expect(heat).toHaveAttribute('title', new RegExp(LONG_A));
	await ana.close();
});

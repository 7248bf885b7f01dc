import { expect, test, type Page } from '@playwright/test';
import {
	annotate,
	axe,
	createRoom,
	joinRoom,
	openRoom,
	post,
	seedTexts,
	targetOf
} from './room-helpers';

// What the teacher's moderation does to the students' pages. Deleting a student's annotation
// takes its replies with it and cannot be undone, so the dashboard asks Yes / No first (as for
// removing a student). A classmate who was writing a reply to it is told, politely, and keeps
// the text; an author whose note is hidden is told so, not left to find it gone.

/** How long a live change may take to reach another page on a loaded machine. */
const LIVE_WAIT = 15_000;

test.describe.configure({ timeout: 90_000 });

/** The polite live region of the reading view (what a screen reader hears as it happens). */
const politeRegion = (page: Page) => page.locator('p[aria-live="polite"]');

test('the teacher’s Delete asks first; a classmate writing a reply is told and keeps the text', async ({
	browser,
	baseURL
}) => {
	const base = baseURL!;
	const room = await createRoom(browser, base, 'Period 2');
	const ana = await joinRoom(browser, base, room.joinCode, 'Ana');
	const ben = await joinRoom(browser, base, room.joinCode, 'Ben');
	const texts = await seedTexts(ana.request);
	const noteId = await annotate(ana, base, room.roomId, {
		kind: 'note',
		note: 'Who decided this?',
		targets: [targetOf(texts.a, 'a', 'About a year ago')]
	});
	const replied = await post(ana, base, `/api/rooms/${room.roomId}/annotations/${noteId}/replies`, {
		id: crypto.randomUUID(),
		note: 'I will look it up.'
	});
	expect(replied.status).toBe(201);
	const reveal = await room.context.request.patch(`/api/rooms/${room.roomId}`, {
		headers: { origin: base },
		data: { phase: 'reveal' }
	});
	expect(reveal.status()).toBe(200);

	// Ben starts a reply to Ana's note and has not sent it yet
	const benPage = await openRoom(ben, room.roomId);
	await benPage.getByRole('tab', { name: /Annotations/ }).click();
	const draft = 'Half-written reply that matters';
	await benPage
		.getByRole('article', { name: 'Note by Ana' })
		.getByRole('textbox', { name: 'Reply' })
		.fill(draft);

	// the teacher's Delete asks first, with the safe answer focused; Escape keeps the note
	const teacher = await openRoom(room.context, room.roomId);
	const list = teacher.getByRole('region', { name: /Annotations \(1\)/ });
	const remove = list.getByRole('button', { name: 'Delete Ana’s Note' });
	await remove.click();
	const question = list.getByRole('group', { name: /Delete Ana’s note and its reply\?/ });
	await expect(question).toBeVisible();
	await expect(question).toContainText('cannot be undone');
	await expect(list.getByRole('button', { name: 'No, keep Ana’s note' })).toBeFocused();
	expect(await axe(teacher)).toEqual([]);
	await teacher.keyboard.press('Escape');
	await expect(remove).toBeFocused();
	await expect(list.getByRole('listitem')).toHaveCount(1);
	await expect(benPage.getByRole('article', { name: 'Note by Ana' })).toBeVisible();

	// Yes deletes it: the list's heading takes the focus, the row is gone
	await remove.click();
	await list.getByRole('button', { name: 'Yes, delete Ana’s note' }).click();
	const heading = teacher.getByRole('heading', { name: 'Annotations (0)' });
	await expect(heading).toBeFocused();

	// Ben hears why the thread went, and his unsent reply is kept for him to copy
	await expect(benPage.getByRole('article', { name: 'Note by Ana' })).toHaveCount(0, {
		timeout: LIVE_WAIT
	});
	await expect(politeRegion(benPage)).toContainText([/The teacher deleted Ana’s note/]);
	const kept = benPage.getByRole('region', { name: 'Not sent' });
	await expect(kept.getByRole('textbox', { name: /Your reply to Ana’s note/ })).toHaveValue(draft);
	await expect(kept.getByRole('button', { name: /Copy/ })).toBeVisible();
	expect(await axe(benPage)).toEqual([]);
	if (process.env.PARALLAX_SCREENSHOTS) {
		await benPage.screenshot({ path: 'test-results/kept-reply-1400.png' });
		await teacher.getByRole('heading', { name: 'Annotations (0)' }).scrollIntoViewIfNeeded();
	}
	// Dismiss lets the kept text go once it is copied or no longer wanted
	await kept.getByRole('button', { name: /Dismiss/ }).click();
	await expect(benPage.getByRole('region', { name: 'Not sent' })).toHaveCount(0);
	await ana.close();
	await ben.close();
});

test('an author whose note the teacher hides is told so', async ({ browser, baseURL }) => {
	const base = baseURL!;
	const room = await createRoom(browser, base, 'Period 5');
	const ana = await joinRoom(browser, base, room.joinCode, 'Ana');
	const texts = await seedTexts(ana.request);
	const noteId = await annotate(ana, base, room.roomId, {
		kind: 'note',
		note: 'Who decided this?',
		targets: [targetOf(texts.a, 'a', 'About a year ago')]
	});
	const anaPage = await openRoom(ana, room.roomId);
	await anaPage.getByRole('tab', { name: /Annotations/ }).click();
	await expect(anaPage.getByRole('article', { name: 'Note by Ana' })).toBeVisible();

	const hidden = await room.context.request.put(
		`/api/rooms/${room.roomId}/annotations/${noteId}/hidden`,
		{ headers: { origin: base }, data: { hidden: true } }
	);
	expect(hidden.status()).toBe(204);
	// hidden notes are left out for students on purpose (their own too); the notice says so
	await expect(anaPage.getByRole('article', { name: 'Note by Ana' })).toHaveCount(0, {
		timeout: LIVE_WAIT
	});
	await expect(politeRegion(anaPage)).toContainText([
		/The teacher hid your note on passage \d+ in article A/
	]);
	await ana.close();
});

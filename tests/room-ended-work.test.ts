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

// What a student's page shows once the room is over for them (removed, or the room deleted).
// Their replies are their work as much as their annotations: counted and in the download. What
// they were writing and had not sent (a note in the dialog, a reply) is kept on the page to copy,
// and said so, not dropped with the reading view.

/** How long a live change may take to reach another page on a loaded machine. */
const LIVE_WAIT = 15_000;

test.describe.configure({ timeout: 90_000 });

/** Click a download button and read the file it saves. */
async function download(page: Page, name: string) {
	const [file] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name }).click()
	]);
	const chunks: Buffer[] = [];
	for await (const chunk of (await file.createReadStream()) as AsyncIterable<Buffer>)
		chunks.push(chunk);
	return Buffer.concat(chunks).toString('utf8');
}

test('a removed student with replies only gets them counted and downloadable; the open note is kept', async ({
	browser,
	baseURL
}) => {
	const base = baseURL!;
	const room = await createRoom(browser, base, 'Period 6');
	const ana = await joinRoom(browser, base, room.joinCode, 'Ana');
	const ben = await joinRoom(browser, base, room.joinCode, 'Ben');
	const texts = await seedTexts(ana.request);
	const noteId = await annotate(ana, base, room.roomId, {
		kind: 'note',
		note: 'Who decided this?',
		targets: [targetOf(texts.a, 'a', 'About a year ago')]
	});
	const reveal = await room.context.request.patch(`/api/rooms/${room.roomId}`, {
		headers: { origin: base },
		data: { phase: 'reveal' }
	});
	expect(reveal.status()).toBe(200);
	const replied = await post(ben, base, `/api/rooms/${room.roomId}/annotations/${noteId}/replies`, {
		id: crypto.randomUUID(),
		note: 'Ben asks: which agency?'
	});
	expect(replied.status).toBe(201);
	const members = await (await room.context.request.get(`/api/rooms/${room.roomId}`)).json();
	const benId = members.members.find((m: { displayName: string }) => m.displayName === 'Ben').id;

	// Ben starts a second reply, then writes a note in the dialog; neither is sent
	const page = await openRoom(ben, room.roomId);
	await page.getByRole('tab', { name: /Annotations/ }).click();
	const reply = 'A second thought, not sent';
	await page
		.getByRole('article', { name: 'Note by Ana' })
		.getByRole('textbox', { name: 'Reply' })
		.fill(reply);
	await page.locator('#article-b').focus();
	await page.keyboard.press('Enter');
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('n');
	const dialog = page.getByRole('dialog', { name: 'New note' });
	await expect(dialog).toBeVisible();
	const paragraph = 'A long thoughtful paragraph I do not want to lose.';
	await dialog.getByLabel('Question or comment').fill(paragraph);

	const removed = await room.context.request.delete(`/api/rooms/${room.roomId}/members/${benId}`, {
		headers: { origin: base }
	});
	expect(removed.status()).toBe(204);

	// his reply is his work: counted, and offered for download
	const ended = page.getByRole('region', { name: 'This room is closed to you' });
	await expect(ended.getByRole('alert')).toContainText('The teacher removed you from this room.', {
		timeout: LIVE_WAIT
	});
	await expect(ended).toContainText('Your work is still on this page (1 reply)');
	await expect(ended).not.toContainText('You had no');
	const text = await download(page, 'Download my work (text)');
	expect(text).toContain('Ben asks: which agency?');
	expect(text).toContain('About a year ago'); // the passage the reply is about
	const jsonld = JSON.parse(await download(page, 'Download my work (JSON-LD)'));
	expect(JSON.stringify(jsonld)).toContain('Ben asks: which agency?');

	// what he was writing is said to be unsent and kept, to copy (and in the text download)
	await expect(ended.getByRole('alert')).toContainText('was not sent');
	const kept = ended.getByRole('region', { name: 'Not sent' });
	await expect(
		kept.getByRole('textbox', { name: /^Your new note on passage \d+ in article B/ })
	).toHaveValue(paragraph);
	await expect(kept.getByRole('textbox', { name: 'Your reply to Ana’s note' })).toHaveValue(reply);
	await expect(kept.getByRole('button', { name: /^Copy/ })).toHaveCount(2);
	expect(text).toContain(paragraph);
	expect(text).toContain(reply);
	expect(await axe(page)).toEqual([]);
	if (process.env.PARALLAX_SCREENSHOTS) {
		await page.screenshot({ path: 'test-results/removed-replies-1400.png' });
		await page.setViewportSize({ width: 375, height: 800 });
		await page.screenshot({ path: 'test-results/removed-replies-375.png', fullPage: true });
	}
	await ana.close();
	await ben.close();
});

test('a deleted room’s page keeps nothing of the room’s discussion (no spotlight band)', async ({
	browser,
	baseURL
}) => {
	const base = baseURL!;
	const room = await createRoom(browser, base, 'Period 8');
	const ana = await joinRoom(browser, base, room.joinCode, 'Ana');
	const texts = await seedTexts(ana.request);
	const factId = await annotate(ana, base, room.roomId, {
		kind: 'shared-fact',
		relation: 'same',
		targets: [
			targetOf(texts.a, 'a', 'About a year ago'),
			targetOf(texts.b, 'b', 'The Guardian reported this on March 18')
		]
	});
	const discuss = await room.context.request.patch(`/api/rooms/${room.roomId}`, {
		headers: { origin: base },
		data: { phase: 'discuss', spotlightId: factId }
	});
	expect(discuss.status()).toBe(200);
	const page = await openRoom(ana, room.roomId);
	const spotlight = page.getByRole('region', { name: /^Spotlight/ });
	await expect(spotlight).toBeVisible();

	const deleted = await room.context.request.delete(`/api/rooms/${room.roomId}`, {
		headers: { origin: base }
	});
	expect(deleted.status()).toBe(204);
	await expect(page.getByText('The teacher deleted this room.')).toBeVisible({
		timeout: LIVE_WAIT
	});
	await expect(spotlight).toHaveCount(0);
	await ana.close();
});

import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { dragSelect } from './helpers';
import { axe, openRoom } from './room-helpers';

// A scripted lesson: a teacher, two students and a projector (the teacher's presentation mode
// in a browser of its own), each a separate browser context. The machine's suggestions stay
// off every student surface (page, __data.json, API, live stream) until the teacher's choice
// shows them; a locked room says so on every writing control; a removed student and a deleted
// room end the page with a way to save one's own work.

/**
 * How long a test waits for a live change to reach another page. Every wait is a retrying
 * expectation that ends as soon as the change shows; the bound only matters on a loaded machine,
 * where a bound of one second failed correct runs. The product's one-second promise is measured
 * by the fan-out benchmark (BENCHMARKS.md), not by these waits.
 */
const LIVE_WAIT = 15_000;
/**
 * Revealed suggestions take one more request (the analysis) and a rebuilt reading view: allowed
 * longer on a loaded 2-core test machine.
 */
const REVEAL_MS = 10_000;

/** What the machine suggested, as the teacher's API gives it: what must never reach a student. */
interface Secrets {
	factIds: string[];
	loadedWhy: string[];
}

interface Member {
	context: BrowserContext;
	page: Page;
}

/** The teacher starts a room on the seed through the API (the setup UI is not this test's). */
async function startRoom(browser: Browser, baseURL: string) {
	const context = await browser.newContext({ baseURL, viewport: { width: 1400, height: 900 } });
	const made = await context.request.post('/api/rooms', {
		headers: { origin: baseURL },
		data: { comparisonId: 'seed', title: 'Period 4' }
	});
	expect(made.status()).toBe(201);
	const { room, joinCode } = await made.json();
	expect(room.suggestions).toBe('after-reveal');
	return { context, roomId: room.id as string, joinCode: joinCode as string };
}

/** A student joins with the code and a name (through the API) and opens the room. */
async function join(browser: Browser, baseURL: string, roomId: string, code: string, name: string) {
	const context = await browser.newContext({ baseURL, viewport: { width: 1400, height: 900 } });
	const joined = await context.request.post('/api/rooms/join', {
		headers: { origin: baseURL },
		data: { code, displayName: name }
	});
	expect(joined.status()).toBe(201);
	return { context, page: await openRoom(context, roomId) };
}

/** Every raw event the member's own live stream delivers, collected inside their page. */
async function recordStream(page: Page, roomId: string) {
	await page.evaluate((id) => {
		const seen: string[] = [];
		(window as unknown as { lessonEvents: string[] }).lessonEvents = seen;
		new EventSource(`/api/rooms/${id}/events?after=0`).onmessage = (m) => seen.push(m.data);
	}, roomId);
	return () =>
		page.evaluate(() => (window as unknown as { lessonEvents: string[] }).lessonEvents.slice());
}

/** What a text must not contain while the suggestions are hidden. */
function leaks(text: string, secrets: Secrets): string[] {
	return [
		...secrets.factIds.filter((id) => text.includes(`"${id}"`)),
		...secrets.loadedWhy.filter((why) => text.includes(why))
	];
}

/** The suggestion marks of a reading view: linked sentences, markers, ribbons, loaded wording. */
async function marks(page: Page): Promise<number> {
	return page
		.locator('.sentence.linked, button.marker, .ribbon, .sentence[title^="Loaded wording"]')
		.count();
}

/** Write a note on a sentence through the reading view. */
async function writeNote(page: Page, sentenceId: string, text: string) {
	await dragSelect(page, page.locator(`#${sentenceId}`));
	await page.getByRole('toolbar').getByRole('button', { name: 'Note' }).click();
	await page.getByLabel('Question or comment').fill(text);
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('dialog', { name: 'New note' })).toBeHidden();
}

/** Click a download button and read the file. */
async function download(page: Page, name: string) {
	const [file] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name }).click()
	]);
	const chunks: Buffer[] = [];
	for await (const chunk of (await file.createReadStream()) as AsyncIterable<Buffer>)
		chunks.push(chunk);
	return { name: file.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
}

test('a scripted lesson: suggestions as the teacher chose, locked, removed and deleted', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(240_000);
	const origin = { headers: { origin: baseURL! } };
	const { context: teacherContext, roomId, joinCode } = await startRoom(browser, baseURL!);
	const api = `/api/rooms/${roomId}`;
	const teacher = await openRoom(teacherContext, roomId);
	const full = await (await teacherContext.request.get(`${api}/analysis`)).json();
	expect(full.suggestions).toBe('shown');
	const secrets: Secrets = {
		factIds: full.analysis.sharedFacts.map((f: { id: string }) => f.id),
		loadedWhy: [...full.analysis.loadedLanguage.a, ...full.analysis.loadedLanguage.b].map(
			(s: { why: string }) => s.why
		)
	};
	expect(secrets.factIds.length).toBeGreaterThan(0);
	expect(secrets.loadedWhy.length).toBeGreaterThan(0);

	const ana: Member = await join(browser, baseURL!, roomId, joinCode, 'Ana');
	const ben: Member = await join(browser, baseURL!, roomId, joinCode, 'Ben');
	// the projector: the teacher's presentation mode in a browser of its own (the same cookie)
	const projectorContext = await browser.newContext({
		baseURL,
		viewport: { width: 1600, height: 900 },
		storageState: await teacherContext.storageState()
	});
	const projector = await openRoom(projectorContext, roomId);
	await projector.getByRole('button', { name: 'Presentation mode' }).click();
	const anaStream = await recordStream(ana.page, roomId);

	// individual phase, suggestions "after the reveal" (the default): nothing reaches a student
	await expect(teacher.getByRole('radio', { name: 'After individual work' })).toBeChecked();
	await expect(teacher.getByTestId('suggestions-now')).toHaveText(/Hidden from students/);
	for (const student of [ana, ben]) {
		// the analysis opens on the class's own work while suggestions are hidden
		await student.page.getByRole('tab', { name: 'Facts', exact: true }).click();
		await expect(student.page.getByRole('tab', { name: 'Suggested (hidden)' })).toBeVisible();
		await expect(student.page.getByTestId('suggestions-hidden')).toContainText(
			'appear after the teacher reveals'
		);
		expect(await marks(student.page)).toBe(0);
		expect(leaks(await student.page.content(), secrets)).toEqual([]);
		const data = await student.context.request.get(`/rooms/${roomId}/__data.json`);
		expect(data.status()).toBe(200);
		expect(leaks(await data.text(), secrets)).toEqual([]);
		const mine = await (await student.context.request.get(`${api}/analysis`)).json();
		expect(mine.suggestions).toBe('hidden');
		expect(mine.analysis.sharedFacts).toEqual([]);
		expect(leaks(JSON.stringify(mine), secrets)).toEqual([]);
		const accept = await student.context.request.post(`${api}/suggestions/${secrets.factIds[0]}`, {
			...origin,
			data: { decision: 'accepted' }
		});
		expect(accept.status()).toBe(403);
	}
	// the projector shows the class only what the students see; the teacher's own view has it all
	expect(await marks(projector)).toBe(0);
	await teacher.getByRole('button', { name: 'Reading view' }).click();
	await expect(teacher.getByRole('tab', { name: /^Suggested \([1-9]/ })).toBeVisible();
	expect(await marks(teacher)).toBeGreaterThan(0);
	expect(await axe(ana.page)).toEqual([]);

	// students work alone: a note each
	await writeNote(ana.page, 'a-s6', 'Ana: who decided this?');
	await writeNote(ben.page, 'b-s7', 'Ben keeps this note.');
	const hiddenEvents = await anaStream();
	expect(hiddenEvents.length).toBeGreaterThan(0);
	expect(leaks(hiddenEvents.join('\n'), secrets)).toEqual([]);

	// the reveal: the suggestions reach the students and the projector within a second or two
	await teacher.getByRole('button', { name: 'Dashboard' }).click();
	await teacher.getByRole('radio', { name: 'Reveal' }).click();
	await expect(teacher.getByTestId('suggestions-now')).toHaveText(/see the suggestions now/);
	for (const student of [ana, ben]) {
		await student.page.getByRole('tab', { name: 'Facts', exact: true }).click();
		await expect(student.page.getByRole('tab', { name: /^Suggested \([1-9]/ })).toBeVisible({
			timeout: REVEAL_MS
		});
	}
	await expect.poll(() => marks(ana.page), { timeout: REVEAL_MS }).toBeGreaterThan(0);
	await expect.poll(() => marks(projector), { timeout: REVEAL_MS }).toBeGreaterThan(0);
	const shown = await (await ana.context.request.get(`${api}/analysis`)).json();
	expect(shown.suggestions).toBe('shown');
	expect(shown.analysis.sharedFacts.map((f: { id: string }) => f.id)).toEqual(secrets.factIds);
	expect((await anaStream()).some((e) => e.includes('"room.phase"'))).toBe(true);

	// "off": hidden again in every phase, at once, on every surface
	await teacher.getByRole('radio', { name: 'Off' }).click();
	await ana.page.getByRole('tab', { name: 'Facts', exact: true }).click();
	await expect(ana.page.getByRole('tab', { name: 'Suggested (hidden)' })).toBeVisible({
		timeout: LIVE_WAIT
	});
	await expect(ana.page.getByTestId('suggestions-hidden')).toContainText('turned the machine’s');
	await expect.poll(() => marks(projector), { timeout: LIVE_WAIT }).toBe(0);
	expect(await marks(ana.page)).toBe(0);
	const off = await ana.context.request.get(`/rooms/${roomId}/__data.json`);
	expect(leaks(await off.text(), secrets)).toEqual([]);
	expect((await (await ben.context.request.get(`${api}/analysis`)).json()).suggestions).toBe(
		'hidden'
	);
	expect(await axe(teacher)).toEqual([]);
	expect(await axe(projector)).toEqual([]);

	// locked: every writing control is disabled and says why, before anything is typed
	await teacher.getByLabel('Lock the room').check();
	await expect(ana.page.getByText('Locked: read-only')).toBeVisible({ timeout: LIVE_WAIT });
	await dragSelect(ana.page, ana.page.locator('#a-s8'));
	const toolbar = ana.page.getByRole('toolbar', { name: 'Annotate the selection' });
	for (const name of ['Shared fact', 'Framing', 'Note'])
		await expect(toolbar.getByRole('button', { name })).toBeDisabled();
	await expect(toolbar).toContainText('The teacher has locked this room');
	await ana.page.getByRole('tab', { name: /^Annotations/ }).click();
	await expect(ana.page.getByRole('textbox', { name: 'Reply' }).first()).toBeDisabled();
	await ana.page.keyboard.press('n'); // the keyboard shortcut opens nothing either
	await expect(ana.page.getByRole('dialog', { name: 'New note' })).toHaveCount(0);
	expect(await axe(ana.page)).toEqual([]);

	// Ben is removed: his page ends, says why, and hands him his own work
	// removing asks first, with the safe answer focused
	await teacher.getByRole('button', { name: 'Remove Ben' }).click();
	await expect(teacher.getByRole('button', { name: 'No, keep Ben' })).toBeFocused();
	await teacher.keyboard.press('Escape');
	await expect(teacher.getByRole('button', { name: 'Remove Ben' })).toBeFocused();
	await teacher.getByRole('button', { name: 'Remove Ben' }).click();
	await teacher.getByRole('button', { name: 'Yes, remove Ben' }).click();
	await expect(teacher.getByRole('heading', { name: /^Students/ })).toBeFocused();
	await expect(ben.page.getByText('The teacher removed you from this room.')).toBeVisible({
		timeout: LIVE_WAIT
	});
	await expect(ben.page.getByText('Closed', { exact: true })).toBeVisible();
	await expect(ben.page.getByText('Live', { exact: true })).toHaveCount(0);
	const bens = await download(ben.page, 'Download my work (JSON-LD)');
	expect(bens.name).toBe('parallax-period-4-my-work.jsonld');
	const collection = JSON.parse(bens.text);
	expect(collection.total).toBe(1);
	expect(bens.text).toContain('Ben keeps this note.');
	expect(bens.text).not.toContain('Ana: who decided this?');
	expect(await axe(ben.page)).toEqual([]);
	expect((await ben.context.request.get(api)).status()).toBe(404);

	// the room is deleted: the warning says students lose access; Ana's page ends the same way
	const zone = teacher.getByRole('region', { name: 'Danger zone: delete this room' });
	await expect(zone).toContainText('Students lose access at once');
	await zone.getByLabel(/Type the room’s title/).fill('delete');
	await zone.getByRole('button', { name: 'Delete room and all its data' }).click();
	await expect(ana.page.getByText('The teacher deleted this room.')).toBeVisible({
		timeout: LIVE_WAIT
	});
	await expect(ana.page.getByText('Locked: read-only')).toHaveCount(0);
	await expect(ana.page.getByText('Live', { exact: true })).toHaveCount(0);
	const anas = await download(ana.page, 'Download my work (text)');
	expect(anas.text).toContain('Ana: who decided this?');
	await expect(projector.getByText('The teacher deleted this room.')).toBeVisible({
		timeout: LIVE_WAIT
	});
	expect(await axe(ana.page)).toEqual([]);
	expect((await ana.context.request.get(`/rooms/${roomId}`)).status()).toBe(404);
});

test('a student who missed the removal while offline learns it on reconnecting', async ({
	browser,
	baseURL
}) => {
	const { context: teacherContext, roomId, joinCode } = await startRoom(browser, baseURL!);
	const ana = await join(browser, baseURL!, roomId, joinCode, 'Ana');
	const members = await (await teacherContext.request.get(`/api/rooms/${roomId}`)).json();
	const anaId = members.members.find((m: { displayName: string }) => m.displayName === 'Ana').id;
	await ana.context.setOffline(true);
	await expect(ana.page.getByText(/Reconnecting/)).toBeVisible({ timeout: LIVE_WAIT });
	const removed = await teacherContext.request.delete(`/api/rooms/${roomId}/members/${anaId}`, {
		headers: { origin: baseURL! }
	});
	expect(removed.status()).toBe(204);
	await ana.context.setOffline(false);
	await expect(ana.page.getByText(/no longer open to you/)).toBeVisible({ timeout: LIVE_WAIT });
	await expect(ana.page.getByRole('link', { name: 'Join another room' })).toBeVisible();
});

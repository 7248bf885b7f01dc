import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

// A student whose teacher hides the machine's suggestions tries to find them one tab away: the
// public reading page of the room's comparison, the home page, the library, its data and API,
// and a room of her own with the suggestions on. None shows them until the teacher does.

/** How long a test waits for the server's answer to show on a loaded machine. */
const WAIT = 15_000;

/** The suggestion marks of a reading view: linked sentences, markers, ribbons, loaded wording. */
const marks = (page: Page) =>
	page
		.locator('.sentence.linked, button.marker, .ribbon, .sentence[title^="Loaded wording"]')
		.count();

const axe = async (page: Page) =>
	(await new AxeBuilder({ page }).analyze()).violations.map(
		(v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
	);

/** Open a page and wait until it has hydrated. */
async function open(page: Page, path: string) {
	await page.goto(path);
	await page.locator('html[data-hydrated]').waitFor();
}

test('a student cannot see the hidden suggestions in a second tab', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(120_000);
	const origin = { headers: { origin: baseURL! } };
	const teacher = await browser.newContext({ baseURL });
	const made = await teacher.request.post('/api/rooms', {
		...origin,
		data: { comparisonId: 'seed', title: 'Period 5' }
	});
	expect(made.status()).toBe(201);
	const { room, joinCode } = await made.json();
	const full = await (await teacher.request.get(`/api/rooms/${room.id}/analysis`)).json();
	const factIds: string[] = full.analysis.sharedFacts.map((f: { id: string }) => f.id);
	expect(factIds.length).toBeGreaterThan(0);

	const student = await browser.newContext({ baseURL, viewport: { width: 1400, height: 900 } });
	const joined = await student.request.post('/api/rooms/join', {
		...origin,
		data: { code: joinCode, displayName: 'Ana' }
	});
	expect(joined.status()).toBe(201);
	const roomTab = await student.newPage();
	await open(roomTab, `/rooms/${room.id}`);
	await roomTab.getByRole('tab', { name: 'Facts', exact: true }).click();
	await expect(roomTab.getByRole('tab', { name: 'Suggested (hidden)' })).toBeVisible();

	// a second tab on the public page of the same comparison, and the home page (the seed)
	const second = await student.newPage();
	for (const path of ['/compare/seed', `/compare/${room.comparisonId}`, '/']) {
		await open(second, path);
		const banner = second.getByTestId('held-by-class');
		await expect(banner).toContainText('Suggestions hidden by your class.');
		await expect(banner.getByRole('link', { name: 'Back to “Period 5”' })).toHaveAttribute(
			'href',
			`/rooms/${room.id}`
		);
		await second.getByRole('tab', { name: 'Facts', exact: true }).click();
		await expect(second.getByRole('tab', { name: 'Suggested (hidden)' })).toBeVisible();
		await expect(second.getByTestId('suggestions-hidden')).toContainText(
			'Your class “Period 5” is working alone on these texts'
		);
		expect(await marks(second)).toBe(0);
		const html = await second.content();
		for (const id of factIds) expect(html).not.toContain(`"${id}"`);
	}
	await open(second, '/compare/seed');
	expect(await axe(second)).toEqual([]);

	// the page's data, the library and a guessed decision from the same browser
	const data = await (await student.request.get('/compare/seed/__data.json')).text();
	for (const id of factIds) expect(data).not.toContain(`"${id}"`);
	await open(second, '/library');
	const seedEntry = second.locator('article', {
		has: second.locator(`a[href="/compare/${room.comparisonId}"]`)
	});
	await expect(seedEntry.getByTestId('suggestions')).toHaveText('Suggestions hidden by your class');
	const accept = await student.request.post(`/api/comparisons/seed/suggestions/${factIds[0]}`, {
		...origin,
		data: { decision: 'accepted' }
	});
	expect(accept.status()).toBe(403);

	// a room of her own on the same texts, with the suggestions on: still hidden, and why
	await open(second, '/rooms?comparison=seed');
	await second.getByLabel('Room title').fill('My own room');
	await second.getByRole('button', { name: 'Create room' }).click();
	await second.getByRole('link', { name: 'Open the room' }).click();
	await second.locator('html[data-hydrated]').waitFor();
	await second.getByRole('radio', { name: 'On', exact: true }).click();
	await second.getByRole('button', { name: 'Reading view' }).click();
	await second.getByRole('tab', { name: 'Facts', exact: true }).click();
	await expect(second.getByRole('tab', { name: 'Suggested (hidden)' })).toBeVisible();
	await expect(second.getByTestId('suggestions-hidden')).toContainText('“Period 5”');
	expect(await marks(second)).toBe(0);

	// the teacher reveals the class's work: the public page shows them again on the next visit
	const revealed = await teacher.request.patch(`/api/rooms/${room.id}`, {
		...origin,
		data: { phase: 'reveal' }
	});
	expect(revealed.status()).toBe(200);
	await open(second, '/compare/seed');
	await expect(second.getByTestId('held-by-class')).toHaveCount(0);
	await second.getByRole('tab', { name: 'Facts', exact: true }).click();
	await expect(second.getByRole('tab', { name: /^Suggested \([1-9]/ })).toBeVisible({
		timeout: WAIT
	});
	await expect.poll(() => marks(second), { timeout: WAIT }).toBeGreaterThan(0);
	await student.close();
	await teacher.close();
});

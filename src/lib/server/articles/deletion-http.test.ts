import { describe, expect, it } from 'vitest';
import { Classroom, comparisonAt, formOf, postNote, targetOn } from '$lib/test-support/api-setup';
import { BUILT, Browser, SetupError } from '$lib/test-support/browser-transport';
import { drivers, requireBuildOnCi, useSeedServer } from '../test-support/built-seed-server';

// Deleting a comparison through the edit page's form action, against the real `node build`, on
// PGlite and (with TEST_DATABASE_URL) PostgreSQL: the owner's post deletes it and the library
// says so once; a replay, a stranger, the seed, a class's comparison, a wrong title and a
// cross-site post are refused and change nothing.

requireBuildOnCi();

const TEXTS = {
	a: 'Ferry fares rise\n\nThe harbour authority voted on Monday to raise the ferry fare from $4 to $5.',
	b: 'Islanders pay more\n\nOn Monday the harbour authority raised the ferry fare from $4 to $5.'
};

/** The status and body of a post that is expected to be refused (0: it was not). */
async function refusal(work: Promise<unknown>): Promise<{ status: number; body: string }> {
	try {
		await work;
	} catch (e) {
		if (e instanceof SetupError) return { status: e.status, body: e.body };
		throw e;
	}
	return { status: 0, body: '' };
}

describe.skipIf(!BUILT).each(drivers)('deleting a comparison ($name)', ({ postgres }) => {
	const running = useSeedServer(postgres);

	/** A comparison made with the /new form by `browser`: its id. */
	async function make(browser: Browser, title = 'Ferry fares'): Promise<string> {
		const location = await browser.submit('/new?/create', { ...formOf(TEXTS), title });
		return location.split('/').pop()!;
	}

	/** The status of a page or endpoint as anyone (no cookie) reads it. */
	async function status(path: string): Promise<number> {
		return (await fetch(`${running.server.origin}${path}`, { redirect: 'manual' })).status;
	}

	/** Post the delete form of comparison `param` as `browser`; the path it redirects to. */
	async function remove(browser: Browser, param: string, confirm: string): Promise<string> {
		const path = `/compare/${param}/edit?/delete`;
		const location = await browser.submit(path, { confirm });
		return new URL(location, `${browser.origin}${path}`).pathname;
	}

	it('deletes for its owner: the library says so once, the address answers 404, a replay is refused', async () => {
		const owner = new Browser(running.server.origin);
		const id = await make(owner, 'A private paste');
		const stored = await comparisonAt(owner, `/api/comparisons/${id}/export.jsonld`);
		const note = () =>
			postNote(
				owner,
				{ comparisonId: id, roomId: null },
				targetOn(stored.articles, 'a', 'Ferry'),
				'Mine.'
			);
		// twice: the second create is served from the remembered membership
		await note();
		await note();

		expect(await remove(owner, id, 'a private PASTE')).toBe('/library');
		const library = await owner.fetch('/library');
		expect(await library.text()).toContain('Deleted “A private paste”.');
		// once: the next visit says nothing
		expect(await (await owner.fetch('/library')).text()).not.toContain('Deleted “');
		expect(await (await owner.fetch('/library')).text()).not.toContain(id);
		for (const path of [
			`/compare/${id}`,
			`/compare/${id}/edit`,
			`/compare/${id}/bundle`,
			`/api/comparisons/${id}/export.jsonld`
		])
			expect(await status(path), path).toBe(404);

		// a write remembered from before is refused as the first path refuses it, not a 500
		const late = await refusal(note());
		expect(late.status).toBe(404);
		// the same post again: nothing left to delete
		const replay = await refusal(remove(owner, id, 'a private paste'));
		expect(replay.status).toBe(404);
		expect(replay.body).toContain('it was deleted already, or the address is wrong');
	});

	it('refuses strangers, the seed, a wrong title, a class’s comparison and cross-site posts', async () => {
		const owner = new Browser(running.server.origin);
		const id = await make(owner, 'Kept');
		const stranger = new Browser(running.server.origin);
		await make(stranger, 'Stranger’s own');
		for (const who of [stranger, new Browser(running.server.origin)]) {
			const refused = await refusal(remove(who, id, 'delete'));
			expect(refused.status).toBe(403);
			expect(refused.body).toContain('Only the browser that made this comparison can delete it.');
		}
		const seed = await refusal(remove(owner, 'seed', 'delete'));
		expect(seed.status).toBe(403);
		expect(seed.body).toContain('The seed comparison is kept as shipped, so it cannot be deleted.');
		const seedById = await refusal(remove(owner, running.seed.comparisonId, 'delete'));
		expect(seedById.status).toBe(403);

		const wrong = await refusal(remove(owner, id, 'Kep'));
		expect(wrong.status).toBe(400);
		expect(wrong.body).toContain(
			'Type the comparison’s title (Kept) or the word delete to confirm.'
		);

		// another site's page posting the owner's cookie: the origin check answers first
		const crossSite = await fetch(`${running.server.origin}/compare/${id}/edit?/delete`, {
			method: 'POST',
			headers: {
				cookie: owner.cookie,
				origin: 'http://evil.example',
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'text/html'
			},
			body: 'confirm=delete',
			redirect: 'manual'
		});
		expect(crossSite.status).toBe(403);

		// a class starts on it: it stays, and the owner is told why
		await Classroom.open(running.server.origin, id);
		const inUse = await refusal(remove(owner, id, 'delete'));
		expect(inUse.status).toBe(409);
		expect(inUse.body).toContain(
			'Others work on this comparison (one room: a class, or readers’ annotations), so it cannot be deleted'
		);

		expect(await status(`/compare/${id}`)).toBe(200);
		expect(await status('/compare/seed')).toBe(200);
	});
});

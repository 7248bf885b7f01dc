import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Classroom, comparisonAt, formOf } from '$lib/test-support/api-setup';
import { BUILT, Browser, SetupError } from '$lib/test-support/browser-transport';
import { startBuild, type BuiltServer } from '../test-support/built-server';
import { requireBuildOnCi } from '../test-support/built-seed-server';

// Comparisons belong to the browser that made them, against the real `node build` (issue 13:
// a visitor with no cookie could post the edit form of a class's comparison, and the students'
// annotations became orphans).

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
requireBuildOnCi();

const TEXTS = {
	a: 'Ferry fares rise\n\nThe harbour authority voted on Monday to raise the ferry fare from $4 to $5.',
	b: 'Islanders pay more\n\nOn Monday the harbour authority raised the ferry fare from $4 to $5.'
};

/** The edit form's fields for new texts on top of the versions shown. */
function editForm(bases: { a: string; b: string }, a: string) {
	return { ...formOf({ a, b: TEXTS.b }), 'a.base': bases.a, 'b.base': bases.b };
}

/** Submit the edit form of comparison `id` as `browser`; where it was sent (path and query). */
async function save(browser: Browser, id: string, fields: Record<string, string>) {
	const path = `/compare/${id}/edit?/save`;
	const location = await browser.submit(path, fields);
	const url = new URL(location, `${browser.origin}${path}`);
	return `${url.pathname}${url.search}`;
}

/** The status of a request that is expected to be refused. */
async function refusal(work: Promise<unknown>): Promise<number> {
	try {
		await work;
	} catch (e) {
		if (e instanceof SetupError) return e.status;
		throw e;
	}
	return 0;
}

describe.skipIf(!BUILT)('comparison ownership against node build', () => {
	let server: BuiltServer;

	beforeAll(async () => {
		server = await startBuild(ROOT);
	}, 120_000);

	afterAll(async () => {
		await server?.stop();
		server?.cleanUp();
	});

	/** A comparison made with the /new form by `browser`; its id and article version ids. */
	async function make(browser: Browser) {
		const location = await browser.submit('/new?/create', formOf(TEXTS));
		const id = location.split('/').pop()!;
		const stored = await comparisonAt(browser, `/api/comparisons/${id}/export.jsonld`);
		return { id, bases: { a: stored.articles.a.id, b: stored.articles.b.id } };
	}

	/** Article A's text of a comparison, as anyone reads it. */
	async function textA(id: string): Promise<string> {
		const stored = await comparisonAt(
			new Browser(server.origin),
			`/api/comparisons/${id}/export.jsonld`
		);
		return stored.articles.a.text;
	}

	it('refuses the edit form and its post to every browser but the one that made it', async () => {
		const owner = new Browser(server.origin);
		const { id, bases } = await make(owner);
		for (const stranger of [new Browser(server.origin), await withCookie()]) {
			const page = await fetch(`${server.origin}/compare/${id}/edit`, {
				headers: { cookie: stranger.cookie, accept: 'text/html' }
			});
			expect(page.status).toBe(403);
			expect(await page.text()).toContain(
				'Only the browser that made this comparison can edit it.'
			);
			const posted = refusal(
				stranger.submit(`/compare/${id}/edit?/save`, editForm(bases, 'Rewritten.'))
			);
			expect(await posted).toBe(403);
		}
		expect(await textA(id)).toContain('The harbour authority voted on Monday');
		// the owner may
		const saved = await save(owner, id, editForm(bases, `${TEXTS.a} Owner's edit.`));
		expect(saved).toBe(`/compare/${id}/edit?saved=a`);
		expect(await textA(id)).toContain("Owner's edit.");
	});

	it('never edits the seed', async () => {
		const browser = await withCookie();
		const page = await fetch(`${server.origin}/compare/seed/edit`, {
			headers: { cookie: browser.cookie }
		});
		expect(page.status).toBe(403);
		expect(await refusal(browser.submit('/compare/seed/edit?/save', formOf(TEXTS)))).toBe(403);
	});

	it('saves the owner’s edit of a comparison a class uses as a new comparison; the room keeps its texts', async () => {
		const owner = new Browser(server.origin);
		const { id, bases } = await make(owner);
		const room = await Classroom.open(server.origin, id);
		const location = await save(owner, id, editForm(bases, `${TEXTS.a} Changed.`));
		const copy = /^\/compare\/([0-9a-f-]{36})\/edit\?saved=a&copied=1$/.exec(location)?.[1];
		expect(copy).toBeDefined();
		expect(copy).not.toBe(id);
		expect(await textA(copy!)).toContain('Changed.');
		// the room still reads the comparison it started on, unchanged
		const state = await room.teacher.browser.send<{ room: { comparisonId: string } }>(
			'GET',
			`/api/rooms/${room.id}`
		);
		expect(state.room.comparisonId).toBe(id);
		expect(await textA(id)).not.toContain('Changed.');
		// the copy is the owner's to edit, in place (nobody else works on it)
		const copyBases = await comparisonAt(owner, `/api/comparisons/${copy}/export.jsonld`);
		const again = await save(
			owner,
			copy!,
			editForm(
				{ a: copyBases.articles.a.id, b: copyBases.articles.b.id },
				`${TEXTS.a} Changed twice.`
			)
		);
		expect(again).toBe(`/compare/${copy}/edit?saved=a`);
	});

	/** A browser with a workspace of its own (it wrote once). */
	async function withCookie(): Promise<Browser> {
		const browser = new Browser(server.origin);
		await make(browser);
		expect(browser.cookie).toMatch(/parallax_ws=/);
		return browser;
	}
});

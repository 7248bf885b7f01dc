import { unflatten } from 'devalue';
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../domain/analysis';
import { hasDetails, joinAnalysis, type ReadingAnalysis } from '../../domain/analysis-parts';
import { Classroom, formOf } from '$lib/test-support/api-setup';
import { BUILT, Browser } from '$lib/test-support/browser-transport';
import { drivers, requireBuildOnCi, useSeedServer } from '../test-support/built-seed-server';

// Issue 15: a student whose teacher hides the machine's suggestions must not find them one tab
// away. Against the real `node build`, on PGlite and (with TEST_DATABASE_URL) PostgreSQL: the
// public /compare page and its __data.json, the home page, the library, a personal room's
// decisions, a room the student makes for themself, and a pasted copy of the same texts.

requireBuildOnCi();

/** What a page's load gave this browser (its __data.json, decoded as the client does). */
async function pageData<T>(browser: Browser, path: string): Promise<T> {
	const response = await fetch(`${browser.origin}${path.replace(/\/$/, '')}/__data.json`, {
		headers: { cookie: browser.cookie }
	});
	expect(response.status).toBe(200);
	const body = (await response.json()) as { nodes: ({ data?: unknown[] } | null)[] };
	const node = body.nodes.at(-1);
	return unflatten(node!.data!) as T;
}

/** The status and message of a request that should be refused. */
async function answer(browser: Browser, method: string, path: string, body?: unknown) {
	const response = await fetch(`${browser.origin}${path}`, {
		method,
		headers: {
			cookie: browser.cookie,
			origin: browser.origin,
			'content-type': 'application/json'
		},
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	return { status: response.status, text: await response.text() };
}

interface ReadingData {
	analysis: Analysis;
	held: { roomId: string; title: string; reason: string } | null;
}

/**
 * A reading page's analysis as its browser ends up with it: the page's data (without the panel's
 * parts) joined with what its panel fetches from /api/comparisons/[id]/analysis, same cookies.
 */
async function readingData(browser: Browser, path: string): Promise<ReadingData> {
	const data = await pageData<{ analysis: ReadingAnalysis; held: ReadingData['held'] }>(
		browser,
		path
	);
	expect(hasDetails(data.analysis), path).toBe(false);
	const id = path === '/' ? 'seed' : path.split('/').pop()!;
	const response = await fetch(`${browser.origin}/api/comparisons/${id}/analysis`, {
		headers: { cookie: browser.cookie }
	});
	expect(response.status).toBe(200);
	return { ...data, analysis: joinAnalysis(data.analysis, await response.json()) };
}

/** The numbers that tell whether an analysis carries the machine's suggestions. */
const suggested = (a: Analysis) => ({
	facts: a.sharedFacts.length,
	oneSided: a.oneSided.a.length + a.oneSided.b.length,
	loaded: a.loadedLanguage.a.length + a.loadedLanguage.b.length,
	frames: a.frames.a.sentences.length
});
const NONE = { facts: 0, oneSided: 0, loaded: 0, frames: 0 };

describe.skipIf(!BUILT).each(drivers)(
	'a student cannot open the suggestions their class hides ($name)',
	({ postgres }) => {
		const running = useSeedServer(postgres);

		it('holds them back everywhere in the student’s browser, and only while the class hides them', async () => {
			const { server, seed } = running;
			const stranger = new Browser(server.origin);
			const full = await readingData(stranger, '/compare/seed');
			expect(full.held).toBeNull();
			const whole = suggested(full.analysis);
			expect(whole.facts).toBeGreaterThan(0);
			const factId = full.analysis.sharedFacts[0].id;
			// the panel's parts of a comparison that does not exist: 404, as its page
			const unknown = await fetch(`${server.origin}/api/comparisons/no-such-texts/analysis`);
			expect(unknown.status).toBe(404);

			const lesson = await Classroom.open(server.origin, seed.comparisonId);
			const ana = (await lesson.join('Ana')).browser;
			const teacher = lesson.teacher.browser;

			// the reading page by slug and by id, and the home page: no suggestion, and why
			for (const path of ['/compare/seed', `/compare/${seed.comparisonId}`, '/']) {
				const data = await readingData(ana, path);
				expect(suggested(data.analysis), path).toEqual(NONE);
				expect(data.held).toMatchObject({ roomId: lesson.id, reason: /working alone/ });
				// the themes keep their words but say nothing of shared facts
				expect(data.analysis.themes.every((t) => t.sharedFacts.length === 0)).toBe(true);
			}
			const html = await (
				await fetch(`${server.origin}/compare/seed`, { headers: { cookie: ana.cookie } })
			).text();
			expect(html).toContain('data-testid="held-by-class"');
			expect(html).not.toContain(factId);
			// the teacher's browser and a stranger's still get everything
			for (const b of [teacher, stranger])
				expect(suggested((await readingData(b, '/compare/seed')).analysis)).toEqual(whole);

			// the library gives no count
			type Library = { entries: { id: string; suggestions: number | 'hidden' | null }[] };
			const entryOf = async (b: Browser) =>
				(await pageData<Library>(b, '/library')).entries.find((e) => e.id === seed.comparisonId);
			expect((await entryOf(ana))?.suggestions).toBe('hidden');
			expect((await entryOf(stranger))?.suggestions).toBe(whole.facts);

			// a guessed id is refused alike, right or wrong, and nothing is stored
			for (const id of [factId, 'a1-b999'])
				for (const method of ['POST', 'DELETE']) {
					const refused = await answer(
						ana,
						method,
						`/api/comparisons/seed/suggestions/${id}`,
						method === 'POST' ? { decision: 'accepted' } : undefined
					);
					expect(refused.status, `${method} ${id}`).toBe(403);
					expect(refused.text).toMatch(/working alone/);
				}
			const mine = await ana.send<{ annotations: unknown[]; decisions: unknown[] }>(
				'GET',
				'/api/comparisons/seed/annotations'
			);
			expect([mine.annotations, mine.decisions]).toEqual([[], []]);

			// a room of her own, made as its teacher with the suggestions on, shows none either
			const own = await ana.send<{ room: { id: string } }>('POST', '/api/rooms', {
				comparisonId: 'seed',
				title: 'Mine'
			});
			await ana.send('PATCH', `/api/rooms/${own.room.id}`, { suggestions: 'on' });
			const ownApi = await ana.send<{ suggestions: string; analysis: Analysis }>(
				'GET',
				`/api/rooms/${own.room.id}/analysis`
			);
			expect([ownApi.suggestions, suggested(ownApi.analysis)]).toEqual(['hidden', NONE]);
			const ownPage = await pageData<ReadingData & { suggestionsShown: boolean }>(
				ana,
				`/rooms/${own.room.id}`
			);
			expect([ownPage.suggestionsShown, suggested(ownPage.analysis)]).toEqual([false, NONE]);
			expect(ownPage.held?.roomId).toBe(lesson.id);
			const ownDecision = await answer(
				ana,
				'POST',
				`/api/rooms/${own.room.id}/suggestions/${factId}`,
				{
					decision: 'accepted'
				}
			);
			expect(ownDecision.status).toBe(403);

			// the same texts pasted again as a new comparison (B first): held back too
			const articles = seed.articles;
			const redirected = await ana.submit(
				'/new?/create',
				formOf({ a: articles.b.text, b: articles.a.text })
			);
			const location = new URL(redirected, `${server.origin}/new`).pathname;
			const copy = await readingData(ana, location);
			expect([suggested(copy.analysis), copy.held?.roomId]).toEqual([NONE, lesson.id]);
			expect(suggested((await readingData(stranger, location)).analysis).facts).toBeGreaterThan(0);

			// the reveal gives them back everywhere; 'off' takes them away again
			await teacher.send('PATCH', `/api/rooms/${lesson.id}`, { phase: 'reveal' });
			const revealed = await readingData(ana, '/compare/seed');
			expect([suggested(revealed.analysis), revealed.held]).toEqual([whole, null]);
			expect((await entryOf(ana))?.suggestions).toBe(whole.facts);
			await teacher.send('PATCH', `/api/rooms/${lesson.id}`, { suggestions: 'off' });
			const off = await readingData(ana, '/compare/seed');
			expect(suggested(off.analysis)).toEqual(NONE);
			expect(off.held?.reason).toMatch(/works without the machine’s suggestions/);
		}, 120_000);
	}
);

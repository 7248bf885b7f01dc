import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import {
	expect,
	type APIRequestContext,
	type Browser,
	type BrowserContext,
	type Page
} from '@playwright/test';
import { unflatten } from 'devalue';

// Rooms and annotations made through the JSON API (docs/API.md), for tests about what a teacher
// does with the class's work rather than how it was written.

/** An article's normalised text and version, the coordinate system of every target. */
export interface ArticleText {
	text: string;
	version: string;
}

/** The seed comparison's two texts, from the reading view's own data. */
export async function seedTexts(request: APIRequestContext) {
	const response = await request.get('/compare/seed/__data.json');
	expect(response.status()).toBe(200);
	const body = await response.json();
	const node = body.nodes.find((n: { type?: string; data?: unknown[] }) =>
		JSON.stringify(n?.data ?? '').includes('analysis')
	);
	const data = unflatten(node.data) as {
		comparison: { id: string; title: string; a: ArticleText; b: ArticleText };
	};
	const { a, b, id, title } = data.comparison;
	return {
		id,
		title,
		a: { text: a.text, version: a.version },
		b: { text: b.text, version: b.version }
	};
}

/** A target on `quote` in one article (the first occurrence). */
export function targetOf(article: ArticleText, side: 'a' | 'b', quote: string) {
	const start = article.text.indexOf(quote);
	expect(start, `"${quote}" in article ${side}`).toBeGreaterThanOrEqual(0);
	const end = start + quote.length;
	return {
		side,
		articleVersion: article.version,
		start,
		end,
		exact: quote,
		prefix: article.text.slice(Math.max(0, start - 32), start),
		suffix: article.text.slice(end, end + 32)
	};
}

/** POST JSON as the app's own pages do (same origin). */
export async function post(context: BrowserContext, baseURL: string, path: string, data: unknown) {
	const response = await context.request.post(path, { headers: { origin: baseURL }, data });
	return { status: response.status(), body: await response.json().catch(() => null) };
}

/** A teacher's browser with a new room on the seed comparison. */
export async function createRoom(browser: Browser, baseURL: string, title: string) {
	const context = await browser.newContext({ baseURL, viewport: { width: 1400, height: 900 } });
	const made = await post(context, baseURL, '/api/rooms', { comparisonId: 'seed', title });
	expect(made.status).toBe(201);
	return {
		context,
		roomId: made.body.room.id as string,
		joinCode: made.body.joinCode as string,
		teacherUrl: made.body.teacherUrl as string
	};
}

/** A student's browser that joined the room by its code. */
export async function joinRoom(browser: Browser, baseURL: string, code: string, name: string) {
	const context = await browser.newContext({ baseURL, viewport: { width: 1400, height: 900 } });
	const joined = await post(context, baseURL, '/api/rooms/join', { code, displayName: name });
	expect(joined.status).toBe(201);
	return context;
}

/** Create an annotation in a room; returns its id. */
export async function annotate(
	context: BrowserContext,
	baseURL: string,
	roomId: string,
	fields: Record<string, unknown>
): Promise<string> {
	const id = randomUUID();
	const made = await post(context, baseURL, `/api/rooms/${roomId}/annotations`, {
		id,
		note: '',
		...fields
	});
	expect(made.status, JSON.stringify(made.body)).toBe(201);
	return id;
}

/** The page's axe violations, one line each (empty when it passes). */
export const axe = async (page: Page) =>
	(await new AxeBuilder({ page }).analyze()).violations.map(
		(v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
	);

/** Open the room's page in a context and wait until it is live. */
export async function openRoom(context: BrowserContext, roomId: string): Promise<Page> {
	const page = await context.newPage();
	await page.goto(`/rooms/${roomId}`);
	await page.locator('html[data-hydrated]').waitFor();
	await expect(page.getByText('Live', { exact: true })).toBeVisible();
	return page;
}

import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBuild, type BuiltServer } from '../test-support/built-server';
import { BUILT } from '$lib/test-support/browser-transport';
import { requireBuildOnCi } from '../test-support/built-seed-server';

// The API through a real `node build` (adapter-node, PGlite in a temp dir): the hooks' origin,
// content-type and rate-limit checks, cookies, and hostile bodies as a client sends them.
// Needs a build (`npx vite build`); without one the suite is skipped with a warning.

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
if (!BUILT)
	console.warn('\n*** No build/: the HTTP API tests are SKIPPED (run `npx vite build`). ***\n');
// npm test builds before vitest; under CI a missing build is a failure, not a skip
requireBuildOnCi();

let server: BuiltServer | undefined;
let base = '';

const ORIGIN = () => ({ origin: base });
const JSON_TYPE = { 'content-type': 'application/json' };

/** A fetch against the server, with the app's Origin and JSON unless told otherwise. */
function call(path: string, init: RequestInit & { cookie?: string } = {}) {
	const headers: Record<string, string> = {
		...ORIGIN(),
		...JSON_TYPE,
		...(init.headers as Record<string, string>)
	};
	if (init.cookie) headers.cookie = init.cookie;
	return fetch(base + path, { ...init, headers, redirect: 'manual' });
}

/** The `name=value` part of a Set-Cookie header. */
const cookieOf = (r: Response) => r.headers.get('set-cookie')?.split(';')[0] ?? '';

describe.skipIf(!BUILT)('the API over HTTP (node build)', () => {
	let seed: { a: { text: string; version: string }; b: { text: string; version: string } };
	const target = (side: 'a' | 'b', quote: string) => {
		const { text, version } = seed[side];
		const start = text.indexOf(quote);
		return { side, articleVersion: version, start, end: start + quote.length, exact: quote };
	};
	const firstWords = (side: 'a' | 'b') => seed[side].text.split(/\s+/).slice(0, 2).join(' ');

	beforeAll(async () => {
		server = await startBuild(ROOT);
		base = server.origin;
		const comparisonPage = await fetch(`${base}/api/comparisons/seed/export.jsonld`);
		expect(comparisonPage.status).toBe(200);
		const collection = await comparisonPage.json();
		const articles = collection['parallax:articles'] as { id: string }[];
		const [a, b] = await Promise.all(articles.map((x) => fetch(x.id).then((r) => r.json())));
		seed = { a, b };
	}, 60_000);

	afterAll(async () => {
		await server?.stop();
		server?.cleanUp();
	});

	it('answers an unknown API address and a missing method in the API error shape', async () => {
		const missing = await call('/api/nonexistent');
		expect(missing.status).toBe(404);
		expect(await missing.json()).toEqual({
			error: { code: 'not_found', message: 'No API endpoint has this address.' }
		});
		const wrong = await call('/api/comparisons/seed/export.jsonld', {
			method: 'PATCH',
			body: '{}'
		});
		expect(wrong.status).toBe(405);
		expect(wrong.headers.get('allow')).toMatch(/GET/);
		expect(await wrong.json()).toMatchObject({
			error: {
				code: 'method_not_allowed',
				message: expect.stringMatching(/^PATCH is not allowed here; use .*GET/)
			}
		});
		// a field the endpoint does not read is named, not dropped
		const typo = await call('/api/rooms', {
			method: 'POST',
			body: JSON.stringify({ comparisonId: 'seed', titel: 'Period 1' })
		});
		expect(typo.status).toBe(422);
		expect((await typo.json()).error.fields).toEqual([
			{ field: 'titel', message: 'Unknown field "titel".' }
		]);
		// an endpoint's own 404 keeps its message; pages keep their HTML error page
		const noRoom = await call(`/api/rooms/${randomUUID()}`);
		expect(noRoom.status).toBe(404);
		expect((await noRoom.json()).error.code).toBe('not_found');
		const page = await fetch(`${base}/no-such-page`);
		expect(page.status).toBe(404);
		expect(page.headers.get('content-type')).toMatch(/text\/html/);
	});

	it('gzip-streams pages and API answers, never the live event stream', async () => {
		const gzip = { 'accept-encoding': 'gzip' };
		const page = await fetch(`${base}/`, { headers: gzip });
		expect(page.headers.get('content-encoding')).toBe('gzip');
		expect(await page.text()).toContain('</html>');
		const api = await fetch(`${base}/api/comparisons/seed/export.jsonld`, { headers: gzip });
		expect(api.headers.get('content-encoding')).toBe('gzip');
		expect((await api.json()).type).toBe('AnnotationCollection');
		// a small answer (under 1 KB) is not worth the CPU
		const small = await fetch(`${base}/api/comparisons/seed/theme-edits`, { headers: gzip });
		expect(small.headers.get('content-encoding')).toBeNull();
		expect(Number(small.headers.get('content-length'))).toBeLessThan(1024);
		const plain = await fetch(`${base}/`, { headers: { 'accept-encoding': 'identity' } });
		expect(plain.headers.get('content-encoding')).toBeNull();
		expect(plain.headers.get('vary')).toMatch(/Accept-Encoding/);
	});

	it('serves pages with the CSP and the security headers', async () => {
		const r = await fetch(`${base}/`);
		expect(r.status).toBe(200);
		expect(r.headers.get('content-security-policy')).toMatch(/script-src 'self' 'nonce-/);
		expect(r.headers.get('x-frame-options')).toBe('DENY');
		expect(r.headers.get('x-content-type-options')).toBe('nosniff');
	});

	it('refuses cross-origin JSON writes and non-JSON writes', async () => {
		const body = JSON.stringify({ displayName: 'Mallory' });
		const cross = await call('/api/workspace', {
			method: 'PATCH',
			body,
			headers: { origin: 'https://evil.example' }
		});
		expect([cross.status, (await cross.json()).error.code]).toEqual([403, 'cross_origin']);
		const noOrigin = await fetch(`${base}/api/workspace`, {
			method: 'PATCH',
			body,
			headers: JSON_TYPE
		});
		expect(noOrigin.status).toBe(403);
		const plain = await call('/api/workspace', {
			method: 'PATCH',
			body,
			headers: { 'content-type': 'text/plain' }
		});
		expect(plain.status).toBe(415);
	});

	it('creates a workspace on the first write and keeps annotations in it', async () => {
		const id = randomUUID();
		const note = {
			id,
			kind: 'note',
			targets: [target('a', firstWords('a'))],
			note: 'Why this opening?'
		};
		const created = await call('/api/comparisons/seed/annotations', {
			method: 'POST',
			body: JSON.stringify(note)
		});
		expect(created.status).toBe(201);
		const setCookie = created.headers.get('set-cookie') ?? '';
		expect(setCookie).toMatch(
			/^parallax_ws=[\w-]+\.[\w-]+; Max-Age=31536000; Path=\/; HttpOnly; SameSite=Lax$/
		);
		const cookie = cookieOf(created);
		const retry = await call('/api/comparisons/seed/annotations', {
			method: 'POST',
			body: JSON.stringify(note),
			cookie
		});
		expect(retry.status).toBe(200);
		const listed = await (await call('/api/comparisons/seed/annotations', { cookie })).json();
		expect(listed.annotations.map((a: { id: string }) => a.id)).toEqual([id]);
		const stranger = await (await call('/api/comparisons/seed/annotations')).json();
		expect(stranger.annotations).toEqual([]);
		expect(
			(await call(`/api/annotations/${id}`, { method: 'PATCH', body: '{"note":"x"}' })).status
		).toBe(404);
		const edited = await call(`/api/annotations/${id}`, {
			method: 'PATCH',
			body: '{"note":"Edited"}',
			cookie
		});
		expect([edited.status, (await edited.json()).note]).toEqual([200, 'Edited']);
		const csv = await call('/api/comparisons/seed/export.csv', { cookie });
		expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(await csv.text()).toContain('Edited');
		const jsonld = await call('/api/comparisons/seed/export.jsonld', { cookie });
		expect(jsonld.headers.get('content-type')).toBe(
			'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"'
		);
		expect(jsonld.headers.get('content-disposition')).toMatch(
			/^attachment; filename=".+\.jsonld"$/
		);
		expect((await call(`/api/annotations/${id}`, { method: 'DELETE', cookie })).status).toBe(204);
		expect((await call(`/api/annotations/${id}`, { method: 'DELETE', cookie })).status).toBe(204);
	});

	it('keeps the reader’s work in a personal room of one, streamed live to their other tabs', async () => {
		const note = (quote: string) => ({
			id: randomUUID(),
			kind: 'note',
			targets: [target('b', quote)],
			note: 'Mine.'
		});
		const first = note(firstWords('b'));
		// a refused first write makes nothing: no workspace cookie, no room
		const refused = await call('/api/comparisons/seed/annotations', {
			method: 'POST',
			body: JSON.stringify({ ...first, kind: 'nonsense' })
		});
		expect(refused.status).toBe(422);
		expect(refused.headers.get('set-cookie')).toBeNull();
		for (const [path, body, status] of [
			['/api/comparisons/seed/import', '{"type": "AnnotationCollection"}', 422],
			['/api/comparisons/seed/suggestions/a999-b999', '{"decision": "accepted"}', 404],
			['/api/comparisons/seed/suggestions/a1-b1', '{"decision": "maybe"}', 422],
			['/api/comparisons/seed/theme-edits', '{"op": "explode"}', 422]
		] as const) {
			const r = await call(path, { method: 'POST', body });
			expect([path, r.status, r.headers.get('set-cookie')]).toEqual([path, status, null]);
		}
		const created = await call('/api/comparisons/seed/annotations', {
			method: 'POST',
			body: JSON.stringify(first)
		});
		expect(created.status).toBe(201);
		const cookie = cookieOf(created);
		const listed = await (await call('/api/comparisons/seed/annotations', { cookie })).json();
		const roomId: string = listed.stream.roomId;
		expect(listed.stream.memberId).toMatch(/^[0-9a-f-]{36}$/);
		expect(roomId).toMatch(/^[0-9a-f-]{36}$/);
		// the same room through the room API, opened by the workspace cookie alone
		const room = await call(`/api/rooms/${roomId}`, { cookie });
		expect(room.status).toBe(200);
		const body = await room.json();
		expect(body.room).toMatchObject({ kind: 'personal', phase: 'reveal' });
		expect(body.joinCode).toBeUndefined();
		const viaRoom = await (await call(`/api/rooms/${roomId}/annotations`, { cookie })).json();
		expect(viaRoom.annotations.map((a: { id: string }) => a.id)).toEqual([first.id]);

		// another tab listens; a write from this one reaches it
		const stream = await fetch(`${base}/api/rooms/${roomId}/events?after=${body.lastEventId}`, {
			headers: { cookie, accept: 'text/event-stream' }
		});
		expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
		const reader = stream.body!.getReader();
		const second = note('Russia');
		const heard = (async () => {
			let text = '';
			while (!text.includes(second.id)) {
				const { value, done } = await reader.read();
				if (done) break;
				text += new TextDecoder().decode(value);
			}
			return text;
		})();
		const wrote = await call('/api/comparisons/seed/annotations', {
			method: 'POST',
			body: JSON.stringify(second),
			cookie
		});
		expect(wrote.status).toBe(201);
		expect(await heard).toMatch(/"type":"annotation\.created"/);
		await reader.cancel();

		// a room of one has no phases, lock or members; nobody else can open it
		const phase = await call(`/api/rooms/${roomId}`, {
			method: 'PATCH',
			body: '{"phase":"individual"}',
			cookie
		});
		expect(phase.status).toBe(409);
		const stranger = cookieOf(
			await call('/api/comparisons/seed/annotations', {
				method: 'POST',
				body: JSON.stringify(note(firstWords('a')))
			})
		);
		for (const path of [`/api/rooms/${roomId}`, `/api/rooms/${roomId}/events`, `/rooms/${roomId}`])
			expect((await call(path, { cookie: stranger })).status).toBe(404);
		expect(
			(await call(`/api/annotations/${first.id}`, { cookie: stranger, method: 'DELETE' })).status
		).toBe(404);
		// its page is the comparison itself
		const page = await call(`/rooms/${roomId}`, { cookie });
		expect(page.status).toBe(303);
		const location = new URL(page.headers.get('location') ?? '', `${base}/rooms/${roomId}`);
		expect(location.pathname).toMatch(/^\/compare\/[0-9a-f-]{36}$/);
	});

	it.each<[string, number, string]>([
		['malformed JSON', 400, '{"id":'],
		['a NUL in the note', 422, '{"id":"%ID%","kind":"note","targets":[],"note":"a\\u0000b"}'],
		['a lone surrogate', 422, '{"id":"%ID%","kind":"note","targets":[],"note":"\\ud800"}'],
		[
			'1e309',
			422,
			'{"id":"%ID%","kind":"note","targets":[{"side":"a","start":0,"end":1e309}],"note":"n"}'
		],
		['an array', 422, '[1,2,3]'],
		[
			'10,000 targets',
			422,
			`{"id":"%ID%","kind":"note","targets":[${Array(10_000).fill('{}').join(',')}],"note":"n"}`
		],
		['deep nesting', 400, '['.repeat(100_000) + ']'.repeat(100_000)],
		['a bad uuid', 422, '{"id":"1234","kind":"note","targets":[],"note":"n"}'],
		['bytes that are not UTF-8', 400, '\u00ff'],
		['a body over 256 KB', 413, JSON.stringify({ note: 'x'.repeat(300_000) })]
	])('answers %s with %i, never a 500', async (_, status, raw) => {
		const body =
			raw === '\u00ff' ? new Uint8Array([0x7b, 0xff, 0x7d]) : raw.replaceAll('%ID%', randomUUID());
		const r = await call('/api/comparisons/seed/annotations', { method: 'POST', body });
		expect(r.status).toBe(status);
		expect((await r.json()).error.code).toBeTypeOf('string');
	});

	it.each<[string, string, string?]>([
		['/api/annotations/not-a-uuid', 'PATCH'],
		[`/api/annotations/${randomUUID()}`, 'DELETE'],
		['/api/replies/zzz', 'PATCH'],
		['/api/comparisons/nope/annotations', 'GET'],
		[`/api/comparisons/${randomUUID()}/theme-edits`, 'GET'],
		['/api/comparisons/seed/suggestions/x9-y9', 'POST', '{"decision":"dismissed"}']
	])('answers unknown ids with 404 (%s %s)', async (path, method, given) => {
		const body = method === 'GET' || method === 'DELETE' ? undefined : (given ?? '{"note":"x"}');
		const r = await call(path, { method, body });
		expect(r.status).toBe(404);
	});

	it('rate-limits one session (429 + Retry-After) but not its classmates', async () => {
		const first = await call('/api/workspace', { method: 'PATCH', body: '{"displayName":"Ana"}' });
		const cookie = cookieOf(first);
		const burst = await Promise.all(
			Array.from({ length: 45 }, () =>
				call('/api/workspace', { method: 'PATCH', body: '{"displayName":"Ana"}', cookie })
			)
		);
		const limited = burst.filter((r) => r.status === 429);
		expect(limited.length).toBeGreaterThan(0);
		expect(Number(limited[0].headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
		expect(burst.every((r) => r.status === 200 || r.status === 429)).toBe(true);
		const classmate = await call('/api/workspace', {
			method: 'PATCH',
			body: '{"displayName":"Bo"}'
		});
		expect(classmate.status).toBe(200);
	});
});

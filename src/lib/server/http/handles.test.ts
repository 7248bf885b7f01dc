import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../test-support/databases';
import {
	addressGuard,
	contentTypeGuard,
	createOriginGuard,
	createProtocolDefault,
	createRateLimit,
	createSessionKey,
	createWorkspaceLookup,
	databaseGuard,
	formGuard,
	securityHeaders,
	takeWriteTokens,
	type Limiters
} from './handles';
import { ADDRESS_PROBLEM_ROUTE } from '../../domain/address';
import { RateLimiter } from './rate-limit';
import { workspaces } from '../rooms';

const APP = 'http://app.test';

/** A RequestEvent with what the handles read: request, url, locals, cookies, client address. */
function eventFor(
	path: string,
	init: RequestInit = {},
	{
		cookies = {},
		address = '10.0.0.1'
	}: { cookies?: Record<string, string>; address?: string } = {}
): RequestEvent {
	const jar = new Map(Object.entries(cookies));
	return {
		request: new Request(APP + path, init),
		url: new URL(APP + path),
		route: { id: null },
		locals: {},
		cookies: {
			get: (name: string) => jar.get(name),
			set: (name: string, value: string) => void jar.set(name, value)
		},
		getClientAddress: () => address
	} as unknown as RequestEvent;
}

/** The route behind the handles: answers 200 and counts its calls. */
function route() {
	const calls: RequestEvent[] = [];
	const resolve = async (event: RequestEvent) => {
		calls.push(event);
		return new Response('ok');
	};
	return { calls, resolve };
}

const json = { 'content-type': 'application/json' };

describe('address guard', () => {
	it.each<[string, string, number]>([
		['a page', '/compare/seed', 200],
		['a search with a line break', '/library?q=a%0Ab', 200],
		['an emoji in a path', '/compare/%F0%9F%97%B3', 200],
		['NUL in a page path', '/compare/%00', 400],
		['NUL after a slug', '/api/comparisons/seed%00/annotations', 400],
		['NUL in a deeper path', '/compare/%00/bundle', 400],
		['a line break in a path', '/api/rooms/a%0Ab', 400],
		['NUL in a query', '/library?q=%00', 400],
		['NUL in a query key', '/rooms?%00=1', 400],
		['a lone surrogate (as CESU bytes)', '/compare/%ED%A0%80', 400],
		['bytes that are no UTF-8', '/compare/%FF', 400],
		['an address longer than any route', `/compare/${'a'.repeat(3000)}`, 400]
	])('%s: %s → %i', async (_name, path, status) => {
		const { calls, resolve } = route();
		const response = await addressGuard({ event: eventFor(path), resolve });
		expect(response.status).toBe(status);
		expect(calls).toHaveLength(status === 200 ? 1 : 0);
		if (status === 400 && path.startsWith('/api/'))
			expect((await response.json()).error.code).toBe('bad_request');
	});

	const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
	const LONG = `/compare/${'a'.repeat(3000)}`;

	it.each<[string, string, RequestInit, number, string]>([
		['a browser reading a page', LONG, { headers: { accept: BROWSER } }, 200, 'ok'],
		[
			'a browser reading broken characters',
			'/compare/%00',
			{ headers: { accept: BROWSER } },
			200,
			'ok'
		],
		[
			'a script reading a page',
			LONG,
			{ headers: { accept: '*/*' } },
			400,
			'The address is too long.'
		],
		[
			'a browser posting a form',
			LONG,
			{ method: 'POST', headers: { accept: BROWSER } },
			400,
			'The address is too long.'
		]
	])(
		'a page address rerouted to the error page: %s → %i',
		async (_name, path, init, status, text) => {
			const { calls, resolve } = route();
			const event = eventFor(path, init);
			event.route.id = ADDRESS_PROBLEM_ROUTE as typeof event.route.id;
			const response = await addressGuard({ event, resolve });
			// 200 here: the rerouted route answers, and its load refuses with the styled 400 page
			expect([response.status, await response.text()]).toEqual([status, text]);
			expect(calls).toHaveLength(status === 200 ? 1 : 0);
		}
	);

	it('never lets a bad address reach any other route, even for a browser', async () => {
		const { calls, resolve } = route();
		const event = eventFor(LONG, { headers: { accept: BROWSER } });
		event.route.id = '/compare/[id]' as typeof event.route.id;
		expect((await addressGuard({ event, resolve })).status).toBe(400);
		expect(calls).toHaveLength(0);
	});
});

describe('protocol default', () => {
	const seen = async (env: { ORIGIN?: string; PROTOCOL_HEADER?: string }, url: string) => {
		const { calls, resolve } = route();
		const event = eventFor('/');
		event.url.href = url;
		await createProtocolDefault(env)({ event, resolve });
		return calls[0].url.origin;
	};

	it('takes a request for http when nothing says it came over https', async () => {
		// adapter-node's guess without ORIGIN or PROTOCOL_HEADER is https
		expect(await seen({}, 'https://10.0.0.5:3000/')).toBe('http://10.0.0.5:3000');
		expect(await seen({ ORIGIN: '' }, 'https://10.0.0.5:3000/')).toBe('http://10.0.0.5:3000');
	});

	it('leaves the URL alone when ORIGIN or PROTOCOL_HEADER is set', async () => {
		const origin = 'https://parallax.example.org';
		expect(await seen({ ORIGIN: origin }, `${origin}/`)).toBe(origin);
		expect(await seen({ PROTOCOL_HEADER: 'x-forwarded-proto' }, `${origin}/`)).toBe(origin);
	});
});

describe('form guard', () => {
	const multipart = () => {
		const form = new FormData();
		form.append('title', 'Period 3');
		return form;
	};
	it.each<[string, string, RequestInit, number]>([
		['a page read', '/rooms', {}, 200],
		['an API write (the JSON guard’s)', '/api/x', { method: 'POST', body: 'x' }, 200],
		[
			'an urlencoded form',
			'/rooms?/join',
			{ method: 'POST', body: new URLSearchParams({ code: 'X' }) },
			200
		],
		['a multipart form', '/import?/import', { method: 'POST', body: multipart() }, 200],
		[
			'text/plain (a form type Kit lets through, formData() refuses)',
			'/rooms?/join',
			{ method: 'POST', body: 'code=X', headers: { 'content-type': 'text/plain' } },
			415
		],
		['no content type', '/rooms?/join', { method: 'POST', body: new Uint8Array([1]) }, 415],
		[
			'multipart without a boundary',
			'/new?/create',
			{ method: 'POST', body: 'x', headers: { 'content-type': 'multipart/form-data' } },
			400
		],
		[
			'a broken multipart',
			'/import?/import',
			{
				method: 'POST',
				body: '--zz\r\nContent-Disposition: form-data; name="a"\r\n\r\nb',
				headers: { 'content-type': 'multipart/form-data; boundary=zz' }
			},
			400
		]
	])('%s → %i', async (_name, path, init, status) => {
		const { calls, resolve } = route();
		const response = await formGuard({ event: eventFor(path, init), resolve });
		expect(response.status).toBe(status);
		expect(calls).toHaveLength(status === 200 ? 1 : 0);
		// the action still reads the form itself
		if (status === 200 && path.includes('?/'))
			expect([...(await calls[0].request.formData()).keys()].length).toBe(1);
	});

	it('answers use:enhance with an ActionResult the page can read, status kept', async () => {
		const { resolve } = route();
		const headers = { 'content-type': 'multipart/form-data', 'x-sveltekit-action': 'true' };
		const event = eventFor('/new?/create', { method: 'POST', body: 'x', headers });
		const response = await formGuard({ event, resolve });
		expect(response.status).toBe(400);
		expect(await response.json()).toEqual({
			type: 'error',
			error: { message: 'The form could not be read. Send it again.' }
		});
	});
});

describe('origin guard', () => {
	const guard = createOriginGuard('https://parallax.example.org');
	it.each<[string, string, RequestInit, number]>([
		['a page GET from anywhere', '/', { headers: { origin: 'https://evil.example' } }, 200],
		[
			'an API POST from the app',
			'/api/x',
			{ method: 'POST', headers: { origin: APP, ...json } },
			200
		],
		[
			'an API POST from ORIGIN',
			'/api/x',
			{ method: 'POST', headers: { origin: 'https://parallax.example.org' } },
			200
		],
		[
			'an API POST vouched by fetch metadata',
			'/api/x',
			{ method: 'POST', headers: { 'sec-fetch-site': 'same-origin' } },
			200
		],
		[
			'a JSON POST from another site',
			'/api/x',
			{ method: 'POST', headers: { origin: 'https://evil.example', ...json } },
			403
		],
		[
			'a form POST from another site',
			'/compare/seed',
			{ method: 'POST', headers: { origin: 'https://evil.example' } },
			403
		],
		['a DELETE without Origin', '/api/annotations/x', { method: 'DELETE' }, 403],
		[
			'a cross-site PATCH',
			'/api/x',
			{ method: 'PATCH', headers: { 'sec-fetch-site': 'cross-site' } },
			403
		]
	])('%s → %i', async (_, path, init, status) => {
		const { resolve, calls } = route();
		const response = await guard({ event: eventFor(path, init), resolve });
		expect(response.status).toBe(status);
		expect(calls).toHaveLength(status === 200 ? 1 : 0);
		if (status === 403 && path.startsWith('/api'))
			expect((await response.json()).error.code).toBe('cross_origin');
	});
});

describe('content-type guard', () => {
	it.each<[string, string, RequestInit, number]>([
		['JSON', '/api/x', { method: 'POST', body: '{}', headers: json }, 200],
		[
			'JSON-LD',
			'/api/x',
			{ method: 'POST', body: '{}', headers: { 'content-type': 'application/ld+json' } },
			200
		],
		[
			'text/plain',
			'/api/x',
			{ method: 'POST', body: '{}', headers: { 'content-type': 'text/plain' } },
			415
		],
		[
			'a form to the API',
			'/api/x',
			{
				method: 'POST',
				body: 'a=1',
				headers: { 'content-type': 'application/x-www-form-urlencoded' }
			},
			415
		],
		['no content type', '/api/x', { method: 'PATCH', body: '{}' }, 415],
		['a bodiless DELETE', '/api/x', { method: 'DELETE' }, 200],
		[
			'a form to a page (SvelteKit checks those)',
			'/compare/x',
			{
				method: 'POST',
				body: 'a=1',
				headers: { 'content-type': 'application/x-www-form-urlencoded' }
			},
			200
		],
		['a GET', '/api/x', {}, 200]
	])('%s → %i', async (_, path, init, status) => {
		const { resolve } = route();
		const response = await contentTypeGuard({ event: eventFor(path, init), resolve });
		expect(response.status).toBe(status);
	});
});

describe('rate limit', () => {
	const limiters = () => {
		const clock = { t: 0 };
		return {
			clock,
			handle: createRateLimit({
				session: new RateLimiter({ capacity: 3, refillPerSecond: 1 }),
				anonymous: new RateLimiter({ capacity: 5, refillPerSecond: 1 }),
				address: new RateLimiter({ capacity: 8, refillPerSecond: 1 }),
				now: () => clock.t
			})
		};
	};
	const write = (session: string | null, address = '10.0.0.1') => {
		const event = eventFor('/api/x', { method: 'POST', headers: json }, { address });
		event.locals.sessionKey = session;
		return event;
	};

	it('limits writes per session (429 + Retry-After) and leaves reads alone', async () => {
		const { handle, clock } = limiters();
		const { resolve } = route();
		const statuses = [];
		for (let i = 0; i < 4; i++)
			statuses.push((await handle({ event: write('s1'), resolve })).status);
		expect(statuses).toEqual([200, 200, 200, 429]);
		const refused = await handle({ event: write('s1'), resolve });
		expect(refused.headers.get('retry-after')).toBe('1');
		expect((await refused.json()).error.code).toBe('rate_limited');
		// a classmate behind the same IP has a bucket of their own
		expect((await handle({ event: write('s2'), resolve })).status).toBe(200);
		expect((await handle({ event: eventFor('/api/x'), resolve })).status).toBe(200);
		clock.t += 1000;
		expect((await handle({ event: write('s1'), resolve })).status).toBe(200);
	});

	it('limits writes without a session per IP address', async () => {
		const { handle } = limiters();
		const { resolve } = route();
		const statuses = [];
		for (let i = 0; i < 6; i++)
			statuses.push((await handle({ event: write(null), resolve })).status);
		expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
		expect((await handle({ event: write(null, '10.0.0.2'), resolve })).status).toBe(200);
	});

	it('caps all writes of an address, however many fresh sessions it has', async () => {
		const { handle, clock } = limiters();
		const { resolve } = route();
		const statuses = [];
		// ten sessions of one address: each could write 3, the address only 8
		for (let s = 0; s < 10; s++)
			statuses.push((await handle({ event: write(`fresh-${s}`, '10.0.0.9'), resolve })).status);
		expect(statuses.filter((x) => x === 200)).toHaveLength(8);
		const refused = await handle({ event: write('fresh-0', '10.0.0.9'), resolve });
		expect(refused.status).toBe(429);
		expect(refused.headers.get('retry-after')).toBe('1');
		// another address is untouched, and the address bucket refills
		expect((await handle({ event: write('other', '10.0.0.10'), resolve })).status).toBe(200);
		clock.t += 1000;
		expect((await handle({ event: write('fresh-1', '10.0.0.9'), resolve })).status).toBe(200);
	});

	it('keys IPv6 clients by their /64 (varying the rest buys nothing)', async () => {
		const { handle } = limiters();
		const { resolve } = route();
		const statuses = [];
		for (let i = 1; i <= 6; i++)
			statuses.push((await handle({ event: write(null, `2001:db8:1:2::${i}`), resolve })).status);
		expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
	});

	it('lets everything through when the limits are off', async () => {
		const handle = createRateLimit({ session: null, anonymous: null, address: null });
		const { resolve, calls } = route();
		for (let i = 0; i < 50; i++) await handle({ event: write(i % 2 ? 's' : null), resolve });
		expect(calls).toHaveLength(50);
	});
});

describe('takeWriteTokens', () => {
	const fresh = () => ({
		session: new RateLimiter({ capacity: 2, refillPerSecond: 0.001 }),
		anonymous: new RateLimiter({ capacity: 2, refillPerSecond: 0.001 }),
		address: new RateLimiter({ capacity: 3, refillPerSecond: 0.001 }),
		now: () => 0
	});
	/** ok flags of `n` takes, each refunded when `refund` says so */
	const takes = (limiters: Limiters, keys: (string | null)[], refund: boolean[] = []) =>
		keys.map((key, i) => {
			const taken = takeWriteTokens(limiters, key, '10.0.0.1');
			if (refund[i]) taken.refund();
			return taken.ok;
		});

	it.each([
		{
			name: 'a session spends its own bucket and the address',
			keys: ['s', 's', 's'],
			oks: [true, true, false]
		},
		{
			name: 'without a session, the anonymous bucket',
			keys: [null, null, 's'],
			oks: [true, true, true]
		},
		{
			name: 'the address caps all sessions',
			keys: ['s', 't', 'u', 'v'],
			oks: [true, true, true, false]
		},
		{
			name: 'refunded takes cost nothing',
			keys: ['s', 's', 's', 's'],
			refund: [true, true],
			oks: [true, true, true, true]
		},
		{
			name: 'a refused take refunded leaves the address untouched',
			keys: ['s', 's', 's', 't', 'u'],
			refund: [false, false, true],
			oks: [true, true, false, true, false]
		}
	])('$name', ({ keys, refund, oks }) => {
		expect(takes(fresh(), keys, refund)).toEqual(oks);
	});

	it('gives the seconds to wait when refused', () => {
		const limiters = fresh();
		takes(limiters, ['s', 's']);
		const refused = takeWriteTokens(limiters, 's', '10.0.0.1');
		expect(refused).toMatchObject({ ok: false, retryAfterSeconds: 1000 });
	});
});

describe('database guard and security headers', () => {
	const refused = () => Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });

	it.each([
		['/api/x', 'application/json'],
		['/compare/seed', 'text/plain']
	])('answers 503 with Retry-After when the database is unreachable (%s)', async (path, type) => {
		const response = await databaseGuard({
			event: eventFor(path),
			resolve: () => Promise.reject(refused())
		});
		expect([response.status, response.headers.get('retry-after')]).toEqual([503, '5']);
		expect(response.headers.get('content-type')).toBe(type);
	});

	it('turns a 500 that handleError flagged into a 503, and lets other errors through', async () => {
		const event = eventFor('/compare/seed');
		const response = await databaseGuard({
			event,
			resolve: async (e) => {
				e.locals.databaseUnavailable = true;
				return new Response('<h1>Error</h1>', {
					status: 500,
					headers: { 'content-type': 'text/html' }
				});
			}
		});
		expect([response.status, await response.text()]).toEqual([503, '<h1>Error</h1>']);
		await expect(
			databaseGuard({ event: eventFor('/'), resolve: () => Promise.reject(new TypeError('bug')) })
		).rejects.toThrow('bug');
	});

	it('adds the security headers to every response', async () => {
		const { resolve } = route();
		const response = await securityHeaders({ event: eventFor('/'), resolve });
		expect(response.headers.get('x-frame-options')).toBe('DENY');
		expect(response.headers.get('referrer-policy')).toBe('same-origin');
	});
});

describeEachDatabase('session handles', (current) => {
	const deps = () => ({ db: async () => current().database.db });

	it('verifies the cookie, keys the session by its token hash and finds the workspace', async () => {
		const db = current().database.db;
		const secret = await workspaces.getSecret(db);
		const { workspace, cookie } = await workspaces.create(db, secret);
		const key = createSessionKey(deps());
		const lookup = createWorkspaceLookup(deps());
		const run = async (cookies: Record<string, string>) => {
			const event = eventFor('/api/x', {}, { cookies });
			await key({ event, resolve: (e) => lookup({ event: e, resolve: route().resolve }) });
			return event.locals;
		};
		expect(await run({ [workspaces.WORKSPACE_COOKIE]: cookie })).toEqual({
			workspace,
			sessionKey: workspaces.verifyCookieValue(secret, cookie)
		});
		const forged = `${cookie.split('.')[0]}.${'A'.repeat(43)}`;
		expect(await run({ [workspaces.WORKSPACE_COOKIE]: forged })).toEqual({
			workspace: null,
			sessionKey: null
		});
		expect(await run({})).toEqual({ workspace: null, sessionKey: null });
		// a signed cookie whose workspace is gone (a reset database) reads as no workspace
		const orphan = workspaces.createCookieValue(secret).value;
		const locals = await run({ [workspaces.WORKSPACE_COOKIE]: orphan });
		expect(locals.workspace).toBeNull();
		expect(locals.sessionKey).toMatch(/^[0-9a-f]{64}$/);
	});
});

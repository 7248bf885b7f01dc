import { gunzipSync } from 'node:zlib';
import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { acceptsGzip, compression } from './compression';

const PAGE = '<!doctype html><p>' + 'Both articles, side by side. '.repeat(200) + '</p>';

function run(
	response: () => Response,
	init: { method?: string; acceptEncoding?: string } = {}
): Promise<Response> {
	const headers = init.acceptEncoding ? { 'accept-encoding': init.acceptEncoding } : undefined;
	const request = new Request('http://app.test/', { method: init.method ?? 'GET', headers });
	const event = { request, url: new URL(request.url) } as RequestEvent;
	return Promise.resolve(
		compression({ event, resolve: async () => response() }) as Promise<Response>
	);
}

describe('acceptsGzip', () => {
	it.each([
		[null, false],
		['', false],
		['gzip', true],
		['gzip, deflate, br', true],
		['br;q=1.0, gzip;q=0.8', true],
		['gzip;q=0', false],
		['identity', false],
		['*', true],
		['*;q=0', false]
	])('%j -> %j', (header, expected) => {
		expect(acceptsGzip(header)).toBe(expected);
	});
});

describe('compression', () => {
	const html = () =>
		new Response(PAGE, { headers: { 'content-type': 'text/html', vary: 'Cookie' } });

	it('gzip-streams a page the client accepts gzip for, and the bytes come back the same', async () => {
		const r = await run(html, { acceptEncoding: 'gzip, br' });
		expect(r.headers.get('content-encoding')).toBe('gzip');
		expect(r.headers.get('vary')).toBe('Cookie, Accept-Encoding');
		const bytes = Buffer.from(await r.arrayBuffer());
		expect(bytes.length).toBeLessThan(PAGE.length / 10);
		expect(gunzipSync(bytes).toString('utf8')).toBe(PAGE);
	});

	it.each<[string, () => Response, { method?: string; acceptEncoding?: string }]>([
		['no Accept-Encoding', html, {}],
		['gzip refused (q=0)', html, { acceptEncoding: 'gzip;q=0' }],
		['HEAD', html, { method: 'HEAD', acceptEncoding: 'gzip' }],
		[
			'an event stream',
			() => new Response('data: x\n\n', { headers: { 'content-type': 'text/event-stream' } }),
			{ acceptEncoding: 'gzip' }
		],
		[
			'an image',
			() => new Response(new Uint8Array(4096), { headers: { 'content-type': 'image/png' } }),
			{ acceptEncoding: 'gzip' }
		],
		[
			'a tiny answer',
			() =>
				new Response('{}', {
					headers: { 'content-type': 'application/json', 'content-length': '2' }
				}),
			{ acceptEncoding: 'gzip' }
		],
		['204', () => new Response(null, { status: 204 }), { acceptEncoding: 'gzip' }],
		[
			'already encoded',
			() =>
				new Response(PAGE, {
					headers: { 'content-type': 'text/html', 'content-encoding': 'br' }
				}),
			{ acceptEncoding: 'gzip' }
		]
	])('leaves it as it is: %s', async (_name, response, init) => {
		const r = await run(response, init);
		expect(r.headers.get('content-encoding')).not.toBe('gzip');
		if (init.method !== 'HEAD' && r.status !== 204)
			expect((await r.text()).length).toBeGreaterThan(0);
	});
});

import { describe, expect, it } from 'vitest';
import { isHttpError } from '@sveltejs/kit';
import { apiRoute, isJsonContentType, jsonDepth, notFoundResponse, readJson } from './api';
import { RequestError } from './errors';

const post = (
	body: BodyInit | null,
	type = 'application/json',
	headers: Record<string, string> = {}
) =>
	new Request('http://app.test/api/x', {
		method: 'POST',
		body,
		headers: { 'content-type': type, ...headers },
		duplex: 'half'
	} as RequestInit);

async function refusal(p: Promise<unknown>): Promise<[number, string]> {
	const e = await p.then(
		() => undefined,
		(x: unknown) => x
	);
	if (!(e instanceof RequestError)) throw new Error(`expected a RequestError, got ${String(e)}`);
	return [e.status, e.code];
}

describe('readJson', () => {
	it.each<[string, unknown]>([
		['an object', '{"a":1}'],
		['JSON-LD', '{"@context":"http://www.w3.org/ns/anno.jsonld"}'],
		['a lone surrogate escape (left to the validators)', '{"note":"\\ud800"}'],
		['a NUL escape (left to the validators)', '{"note":"\\u0000"}'],
		['1e309 (Infinity, left to the validators)', '{"start":1e309}'],
		['an array', '[1,2,3]']
	])('reads %s', async (_, text) => {
		expect(await readJson(post(text as string))).toEqual(JSON.parse(text as string));
	});

	it.each<[string, () => Request, [number, string]]>([
		['malformed JSON', () => post('{"a":'), [400, 'bad_request']],
		['an empty body', () => post(''), [400, 'bad_request']],
		['no body', () => post(null), [400, 'bad_request']],
		[
			'bytes that are not UTF-8',
			() => post(new Uint8Array([0x7b, 0xff, 0x7d])),
			[400, 'bad_request']
		],
		[
			'10,000 levels of nesting',
			() => post('['.repeat(10_000) + ']'.repeat(10_000)),
			[400, 'bad_request']
		],
		['text/plain', () => post('{}', 'text/plain'), [415, 'unsupported_media_type']],
		[
			'a form',
			() => post('a=1', 'application/x-www-form-urlencoded'),
			[415, 'unsupported_media_type']
		],
		[
			'latin-1 JSON',
			() => post('{}', 'application/json; charset=latin1'),
			[415, 'unsupported_media_type']
		],
		[
			'a declared length above the limit',
			() => post('{}', 'application/json', { 'content-length': '300000' }),
			[413, 'too_large']
		],
		[
			'a body above the limit',
			() => post(JSON.stringify({ note: 'x'.repeat(300_000) })),
			[413, 'too_large']
		]
	])('refuses %s', async (_, request, expected) => {
		expect(await refusal(readJson(request()))).toEqual(expected);
	});

	it('reads a streamed body up to the limit and refuses one beyond it', async () => {
		const stream = (n: number) =>
			new ReadableStream<Uint8Array>({
				start(c) {
					c.enqueue(new TextEncoder().encode(`{"n":"${'x'.repeat(n)}"}`));
					c.close();
				}
			});
		expect(await readJson(post(stream(10)), { maxBytes: 100 })).toEqual({ n: 'x'.repeat(10) });
		expect(await refusal(readJson(post(stream(200)), { maxBytes: 100 }))).toEqual([
			413,
			'too_large'
		]);
	});
});

describe('jsonDepth and content types', () => {
	it.each([
		['1', 0],
		['{}', 1],
		['[[{"a":[1]}]]', 4],
		['{"a":"[[[[{{{"}', 1],
		['{"a":"\\"[[["}', 1]
	])('%s is %i deep', (text, depth) => expect(jsonDepth(text)).toBe(depth));

	it.each([
		['application/json', true],
		['Application/JSON; charset=UTF-8', true],
		['application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"', true],
		['application/json; charset=utf-16', false],
		['text/json', false],
		[null, false]
	])('%s is JSON: %s', (type, ok) => expect(isJsonContentType(type)).toBe(ok));
});

describe('apiRoute', () => {
	it('maps RequestErrors and unreachable databases to JSON, and lets bugs through', async () => {
		const fails = (e: unknown) => apiRoute(async () => Promise.reject(e))({});
		const r = await fails(new RequestError(409, 'conflict', 'Taken.'));
		expect([r.status, await r.json()]).toEqual([
			409,
			{ error: { code: 'conflict', message: 'Taken.' } }
		]);
		const down = await fails(
			Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })
		);
		expect([down.status, down.headers.get('retry-after')]).toEqual([503, '5']);
		expect((await down.json()).error.code).toBe('unavailable');
		await expect(fails(new TypeError('bug'))).rejects.toThrow('bug');
	});
});

describe('notFoundResponse', () => {
	const asked = (accept?: string) =>
		new Request('http://app.test/compare/nope/bundle', accept ? { headers: { accept } } : {});

	it.each([['*/*'], ['application/json'], [undefined]])(
		'answers %s with the API error shape',
		async (accept) => {
			const r = notFoundResponse(asked(accept), 'No comparison has this address.');
			expect([r.status, r.headers.get('content-type'), await r.json()]).toEqual([
				404,
				'application/json',
				{ error: { code: 'not_found', message: 'No comparison has this address.' } }
			]);
		}
	);

	it('leaves a browser to the HTML error page', () => {
		const browser = asked('text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8');
		let thrown: unknown;
		try {
			notFoundResponse(browser, 'No comparison has this address.');
		} catch (e) {
			thrown = e;
		}
		expect(isHttpError(thrown, 404) && thrown.body.message).toBe('No comparison has this address.');
	});
});

import { describe, expect, it } from 'vitest';
import {
	SECURITY_HEADERS,
	appOrigins,
	isSameOriginWrite,
	needsJsonContentType,
	prefersHtml,
	withSecurityHeaders
} from './request-checks';

const APP = ['https://parallax.example.org'];

describe('isSameOriginWrite', () => {
	it.each<[string, string, Record<string, string>, boolean]>([
		['GET from anywhere', 'GET', { origin: 'https://evil.example' }, true],
		['HEAD', 'HEAD', {}, true],
		['OPTIONS', 'OPTIONS', { 'sec-fetch-site': 'cross-site' }, true],
		['POST, same Origin', 'POST', { origin: 'https://parallax.example.org' }, true],
		[
			'POST, same Origin, cross-site fetch metadata',
			'POST',
			{ origin: APP[0], 'sec-fetch-site': 'cross-site' },
			true
		],
		['POST, no Origin, same-origin fetch', 'POST', { 'sec-fetch-site': 'same-origin' }, true],
		['POST, other Origin', 'POST', { origin: 'https://evil.example' }, false],
		[
			'POST, other Origin, cross-site',
			'POST',
			{ origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
			false
		],
		['POST, other port', 'POST', { origin: 'https://parallax.example.org:8443' }, false],
		['POST, http instead of https', 'POST', { origin: 'http://parallax.example.org' }, false],
		['POST, Origin null (sandboxed frame)', 'POST', { origin: 'null' }, false],
		[
			'POST, same-site subdomain',
			'POST',
			{ origin: 'https://x.parallax.example.org', 'sec-fetch-site': 'same-site' },
			false
		],
		['POST, nothing at all (curl)', 'POST', {}, false],
		[
			'POST, sec-fetch-site none (typed in the address bar)',
			'POST',
			{ 'sec-fetch-site': 'none' },
			false
		],
		['PATCH, other Origin', 'PATCH', { origin: 'https://evil.example' }, false],
		['DELETE, other Origin', 'DELETE', { origin: 'https://evil.example' }, false],
		['DELETE, same Origin', 'DELETE', { origin: APP[0] }, true],
		['PUT, no headers', 'PUT', {}, false]
	])('%s → %s', (_, method, headers, allowed) => {
		expect(isSameOriginWrite(method, new Headers(headers), APP)).toBe(allowed);
	});

	it('answers as the request URL origin and as ORIGIN', () => {
		expect(
			appOrigins(new URL('http://127.0.0.1:3000/api'), 'https://parallax.example.org/')
		).toEqual(['http://127.0.0.1:3000', 'https://parallax.example.org']);
		expect(appOrigins(new URL('http://a.test/'), 'not a url')).toEqual(['http://a.test']);
	});
});

describe('needsJsonContentType', () => {
	const request = (method: string, body?: string) =>
		new Request('http://a.test/api/x', { method, body });
	it.each<[string, Request, boolean]>([
		['GET', request('GET'), false],
		['POST', request('POST', '{}'), true],
		['POST without a body', request('POST'), true],
		['PATCH', request('PATCH', '{}'), true],
		['DELETE without a body', request('DELETE'), false],
		['DELETE with a body', request('DELETE', 'x'), true]
	])('%s → %s', (_, r, needed) => expect(needsJsonContentType(r)).toBe(needed));
});

describe('withSecurityHeaders', () => {
	it('adds the headers, keeps ones a route set, and copies immutable responses', async () => {
		const plain = withSecurityHeaders(new Response('x'));
		for (const [k, v] of Object.entries(SECURITY_HEADERS)) expect(plain.headers.get(k)).toBe(v);
		const own = withSecurityHeaders(
			new Response('x', { headers: { 'x-frame-options': 'SAMEORIGIN' } })
		);
		expect(own.headers.get('x-frame-options')).toBe('SAMEORIGIN');
		const redirect = withSecurityHeaders(Response.redirect('http://a.test/', 303));
		expect([redirect.status, redirect.headers.get('location')]).toEqual([303, 'http://a.test/']);
		expect(redirect.headers.get('x-content-type-options')).toBe('nosniff');
	});
});

describe('prefersHtml', () => {
	it.each<[string, string | null, boolean]>([
		[
			'Chromium navigating',
			'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8',
			true
		],
		['Firefox navigating', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', true],
		['plain text/html', 'text/html', true],
		['fetch and curl', '*/*', false],
		['no Accept: a script', null, false],
		['an empty Accept', '', false],
		['JSON asked for', 'application/json', false],
		['JSON before HTML', 'application/json, text/html', false],
		['HTML weighed higher', 'application/json;q=0.5, text/html', true],
		['HTML refused', 'text/html;q=0, */*', false],
		['any text', 'text/*, application/*;q=0.9', true],
		['upper case and spaces', ' TEXT/HTML ; q=1 , */* ; q=0.1', true]
	])('%s: %j → %s', (_name, accept, html) => {
		expect(prefersHtml(accept)).toBe(html);
	});
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLinkServer, type LinkServer } from '../../../../../tests/link-server';
import { URL_MESSAGES, decodePage, fetchPage, paywallSigns, readLink } from './link';

// Real HTTP against a fixture server on 127.0.0.1, reachable only because the allow list names it.
const PORT = 4811;
let server: LinkServer;
const allow = new Set([`127.0.0.1:${PORT}`]);
const fast = { allow, timeoutMs: 1500 };

beforeAll(async () => {
	server = await startLinkServer(PORT);
});
afterAll(async () => {
	await server.close();
});

describe('readLink', () => {
	it('reads an article page with its metadata; the canonical address is the source', async () => {
		const read = await readLink(`${server.base}/article`, fast);
		expect(read.ok).toBe(true);
		if (!read.ok) return;
		expect(read.value.text).toMatch(/^Council votes to turn Market Street garage/);
		expect(read.value.text).toContain('Tidewater Homes has built three');
		expect(read.value.text).not.toContain('SCRIPT RAN');
		expect(read.value.meta).toMatchObject({
			outlet: 'The Harbourside Ledger',
			author: 'Dana Whitfield',
			date: '2025-10-14',
			sourceUrl: 'https://ledger.example/news/2025/10/14/market-street-garage-homes'
		});
		expect(read.value.finalUrl).toBe(`${server.base}/article`);
		expect(Date.parse(read.value.fetchedAt)).toBeGreaterThan(Date.now() - 60_000);
	});

	it('follows redirects, re-checking each hop', async () => {
		const read = await readLink(`${server.base}/redirect`, fast);
		expect(read.ok && read.value.finalUrl).toBe(`${server.base}/article`);
	});

	it('decodes a page compressed although identity was asked for', async () => {
		const read = await readLink(`${server.base}/gzip`, fast);
		expect(read.ok && read.value.text).toMatch(/^Council votes to turn Market Street garage/);
	});

	it('decodes a page that declares windows-1252 only in its <meta>', async () => {
		const read = await readLink(`${server.base}/cp1252`, fast);
		expect(read.ok).toBe(true);
		if (!read.ok) return;
		expect(read.value.text).toContain('Café owners protest');
		expect(read.value.text).toContain('is “unfair” and');
		expect(read.value.text).toContain('and – it says – safer');
		expect(read.value.meta.outlet).toBe('The Old Gazette');
		expect(read.value.meta.sourceUrl).toBe(`${server.base}/cp1252`);
	});

	it('reads plain text as it is', async () => {
		const read = await readLink(`${server.base}/notes.txt`, fast);
		expect(read.ok && read.value.text).toMatch(/^Ferry fares rise\n\nThe harbour authority/);
	});

	it.each([
		['/to-private', URL_MESSAGES.refused('link-local (and cloud metadata)')],
		['/loop', URL_MESSAGES.tooManyRedirects],
		['/big', URL_MESSAGES.tooBig],
		['/gzip-bomb', URL_MESSAGES.tooBig],
		['/login', URL_MESSAGES.paywall],
		['/members', URL_MESSAGES.paywall],
		['/app', URL_MESSAGES.noText],
		['/report.pdf', URL_MESSAGES.notHtml('application/pdf')],
		['/missing', URL_MESSAGES.status(404)],
		['/reset', URL_MESSAGES.network]
	])('%s is refused with its message', async (path, message) => {
		expect(await readLink(`${server.base}${path}`, fast)).toEqual({ ok: false, message });
	});

	it('gives up on a slow page at the deadline', async () => {
		const started = Date.now();
		const read = await readLink(`${server.base}/slow`, { allow, timeoutMs: 500 });
		expect(read).toEqual({ ok: false, message: URL_MESSAGES.timeout(500) });
		expect(Date.now() - started).toBeLessThan(2000);
	});

	it('refuses the fixture server itself without the allow list (loopback)', async () => {
		const read = await readLink(`${server.base}/article`, { allow: new Set(), timeoutMs: 1500 });
		expect(read).toEqual({ ok: false, message: URL_MESSAGES.refused('loopback') });
	});

	it('refuses a redirect to loopback on a port the allow list does not name', async () => {
		const other = await startLinkServer(PORT + 1, `http://127.0.0.1:${PORT + 2}/`);
		try {
			const read = await readLink(`${other.base}/to-private`, {
				allow: new Set([`127.0.0.1:${PORT + 1}`]),
				timeoutMs: 1500
			});
			expect(read).toEqual({ ok: false, message: URL_MESSAGES.refused('loopback') });
		} finally {
			await other.close();
		}
	});
});

describe('fetchPage without a server', () => {
	it.each([
		['not a url', URL_MESSAGES.badUrl],
		['ftp://example.org/a', URL_MESSAGES.scheme],
		['file:///etc/passwd', URL_MESSAGES.scheme],
		['http://user:pw@example.org/', URL_MESSAGES.badUrl],
		['http://10.0.0.8/', URL_MESSAGES.refused('private')],
		['http://192.168.0.1:8080/', URL_MESSAGES.refused('private')],
		['http://[::1]/', URL_MESSAGES.refused('loopback')],
		[
			'http://169.254.169.254/latest/meta-data/',
			URL_MESSAGES.refused('link-local (and cloud metadata)')
		],
		['http://localhost/', URL_MESSAGES.refused('loopback')],
		['http://no-such-host.invalid/', URL_MESSAGES.noHost]
	])('%s: %s', async (link, message) => {
		expect(await fetchPage(link, { allow: new Set(), timeoutMs: 1500 })).toEqual({
			ok: false,
			message
		});
	});
});

describe('decodePage', () => {
	const bytes = new Uint8Array([0x93, 0x68, 0x69, 0x94]);
	it.each([
		['text/html; charset=windows-1252', 'html', '“hi”'],
		['text/plain; charset=iso-8859-1', 'text', '“hi”'],
		['text/html', 'html', '\ufffdhi\ufffd']
	] as const)('%s', (type, kind, text) => {
		expect(decodePage(bytes, type, kind)).toBe(text);
	});
	it('the header wins over the meta', () => {
		const page = new TextEncoder().encode('<meta charset="windows-1252"><p>é</p>');
		expect(decodePage(page, 'text/html; charset=utf-8', 'html')).toContain('<p>é</p>');
	});
});

describe('paywallSigns', () => {
	it.each([
		['<input type="password" name="p">', true],
		['<script type="application/ld+json">{"isAccessibleForFree": "False"}</script>', true],
		['<div class="article paywall-overlay">', true],
		['<p>The paywall debate continues.</p>', false],
		['<input type="text">', false]
	])('%s', (html, walled) => {
		expect(paywallSigns(html)).toBe(walled);
	});
});

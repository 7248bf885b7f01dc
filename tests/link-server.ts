/**
 * A real HTTP server of article pages and hostile answers, for the link-ingestion tests (vitest
 * and Playwright): redirects, a redirect into a private network, a slow page, a 20 MB page, a
 * windows-1252 page, a login wall, a PDF, a page without text, a connection that dies.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';

const LEDGER = readFileSync('tests/fixtures/byo/ledger.html');

/** A windows-1252 article that says so only in its <meta> (curly quotes and an é in bytes). */
function cp1252Page(): Buffer {
	const head =
		'<!doctype html><html><head><meta charset="windows-1252"><title>Caf\xe9 owners protest</title>' +
		'<meta property="og:site_name" content="The Old Gazette"></head><body><article><h1>Caf\xe9 owners protest</h1>';
	const para =
		'<p>The caf\xe9 owners of Rue Royale say the new terrace tax is \x93unfair\x94 and will close shops. ' +
		'The council answered that the tax pays for wider pavements and \x96 it says \x96 safer crossings for everyone.</p>';
	return Buffer.from(`${head}${para.repeat(4)}</article></body></html>`, 'latin1');
}

const LOGIN =
	'<!doctype html><html><head><title>Subscribe to keep reading</title></head><body>' +
	'<div class="paywall"><h1>Subscribe to keep reading</h1><p>This article is for subscribers. ' +
	'Log in to continue.</p><form><input name="user"><input type="password" name="pw"></form></div></body></html>';

const SCRIPTS_ONLY =
	'<!doctype html><html><head><title>App</title><script>window.app = 1</script></head><body><div id="root"></div></body></html>';

/** Routes of the fixture server; `privateTarget` is where /to-private redirects. */
function handler(privateTarget: string): http.RequestListener {
	// 30 MB of spaces in a few kilobytes, compressed once here: compressing it per request took
	// longer than the client's deadline on a busy machine, which then timed out instead
	const bomb = gzipSync(Buffer.alloc(30_000_000, ' '));
	return (req, res) => {
		const path = (req.url ?? '/').split('?')[0];
		switch (path) {
			case '/article':
				res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
				return res.end(LEDGER);
			case '/gzip':
				// compressed although the client asked for identity
				res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
				return res.end(gzipSync(LEDGER));
			case '/gzip-bomb':
				res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
				return res.end(bomb);
			case '/redirect':
				res.writeHead(302, { location: '/hop' });
				return res.end();
			case '/hop':
				res.writeHead(301, { location: '/article' });
				return res.end();
			case '/to-private':
				res.writeHead(301, { location: privateTarget });
				return res.end();
			case '/loop':
				res.writeHead(302, { location: '/loop' });
				return res.end();
			case '/slow':
				// headers at once, then a trickle that never finishes in time
				res.writeHead(200, { 'content-type': 'text/html' });
				res.write('<!doctype html><html><body><p>Wait');
				{
					const timer = setInterval(() => res.write('.'), 200);
					res.on('close', () => clearInterval(timer));
				}
				return;
			case '/big': {
				// 20 MB without a Content-Length: only counting while streaming can stop it
				res.writeHead(200, { 'content-type': 'text/html' });
				const chunk = Buffer.alloc(64 * 1024, '<p>filler</p>\n');
				let sent = 0;
				const pump = () => {
					while (sent < 20_000_000) {
						sent += chunk.length;
						if (!res.write(chunk)) return res.once('drain', pump);
					}
					res.end();
				};
				res.on('error', () => {});
				return pump();
			}
			case '/cp1252':
				res.writeHead(200, { 'content-type': 'text/html' });
				return res.end(cp1252Page());
			case '/login':
				res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
				return res.end(LOGIN);
			case '/members':
				res.writeHead(403, { 'content-type': 'text/html' });
				return res.end('<p>Members only</p>');
			case '/app':
				res.writeHead(200, { 'content-type': 'text/html' });
				return res.end(SCRIPTS_ONLY);
			case '/report.pdf':
				res.writeHead(200, { 'content-type': 'application/pdf' });
				return res.end('%PDF-1.4\n');
			case '/reset':
				// the connection dies before any answer
				return req.socket.destroy();
			case '/notes.txt':
				res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
				return res.end(
					'Ferry fares rise\n\nThe harbour authority voted on Monday to raise the island ferry fare.'
				);
			default:
				res.writeHead(404, { 'content-type': 'text/html' });
				return res.end('<p>Not found</p>');
		}
	};
}

/** A started fixture server: its base URL and how to stop it. */
export interface LinkServer {
	base: string;
	close: () => Promise<void>;
}

/**
 * Starts the fixture server on 127.0.0.1:port; /to-private redirects to `privateTarget`
 * (by default the cloud metadata address, which must be refused before any connection).
 */
export function startLinkServer(
	port: number,
	privateTarget = 'http://169.254.169.254/latest/meta-data/'
): Promise<LinkServer> {
	const server = http.createServer(handler(privateTarget));
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => {
			const { port: bound } = server.address() as AddressInfo;
			resolve({
				base: `http://127.0.0.1:${bound}`,
				close: () =>
					new Promise<void>((done) => {
						server.closeAllConnections();
						server.close(() => done());
					})
			});
		});
	});
}

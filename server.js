// Parallax's server: adapter-node's handler (build/handler.js, made for custom servers) behind
// a node:http front that hands the hot write, a remembered caller's annotation create, to the
// fast lane the SvelteKit server code registered at init (src/lib/server/http/fast-lane.ts).
// Every other request, and every one the lane has any doubt about, goes to SvelteKit as sent.
// It listens, logs and shuts down as `node build` does (PORT, HOST, SOCKET_PATH,
// SHUTDOWN_TIMEOUT, KEEP_ALIVE_TIMEOUT, HEADERS_TIMEOUT; 'sveltekit:shutdown' once closed),
// without systemd socket activation.
import http from 'node:http';
import process from 'node:process';

// adapter-node's handler awaits the app's init (database open, migrated, seeded) on import
const { handler } = await import('./build/handler.js');
const lane = globalThis[Symbol.for('parallax.fastLane')];

const env = (name, fallback) => process.env[name] ?? fallback;
const path = env('SOCKET_PATH', undefined);
const host = env('HOST', '0.0.0.0');
const port = env('PORT', path ? undefined : '3000');
const shutdownTimeout = parseInt(env('SHUTDOWN_TIMEOUT', '30'));

/** SvelteKit's answer to a request (its handler calls `next` for nothing it does not serve). */
function kit(req, res) {
	handler(req, res, () => {
		res.statusCode = 404;
		res.end('Not found');
	});
}

const server = http.createServer(lane ? (req, res) => lane(req, res, (r) => kit(r, res)) : kit);
server.on('clientError', answerUnreadable);
for (const [name, property] of [
	['KEEP_ALIVE_TIMEOUT', 'keepAliveTimeout'],
	['HEADERS_TIMEOUT', 'headersTimeout']
]) {
	const seconds = env(name, undefined);
	if (seconds !== undefined) server[property] = Number(seconds) * 1000;
}

/** The page for an address past Node's header limit: the app's error page (+error.svelte, app.css) in one file. */
const TOO_LONG_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>431 · Parallax</title>
<style>
body { margin: 0; color: #1b1f24; background: #fff; font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Liberation Sans', Arial, sans-serif; }
main { max-width: 36rem; margin: 4rem auto; padding: 0 1.25rem; font-size: 1.05rem; line-height: 1.6; }
a { color: #0b5cad; }
a:focus-visible { outline: 3px solid #7c3aed; outline-offset: 2px; }
</style>
</head>
<body>
<main>
<h1>Address too long</h1>
<p>This address (with the cookies sent along) is longer than the server reads, and far longer than any page of Parallax. Check the link you followed or the address you typed.</p>
<p><a href="/">Open the seed comparison</a></p>
</main>
</body>
</html>
`;

/** How long a refused connection may stay half open for the client to read the answer. */
const LINGER_MS = 5000;

/**
 * Node answers a request it cannot read by itself, before any app code: a request line and
 * headers past its 16 KB limit (an address of tens of thousands of characters) got a 431 with no
 * body, which a browser shows as its own bare "HTTP ERROR 431". That one gets a short page
 * instead; the rest are answered as Node would (status line only). Like Node, nothing is written
 * once a response on the connection has started; unlike Node's immediate destroy, the answer is
 * ended and the rest of the unread request left to the client's close (an abort with unread
 * data could reset the connection before the client reads the page).
 */
function answerUnreadable(error, socket) {
	const inFlight = socket._httpMessage;
	if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
		socket.destroy();
		return;
	}
	if (error.code === 'HPE_HEADER_OVERFLOW') {
		const headers = [
			'HTTP/1.1 431 Request Header Fields Too Large',
			'Content-Type: text/html; charset=utf-8',
			`Content-Length: ${Buffer.byteLength(TOO_LONG_PAGE)}`,
			'X-Content-Type-Options: nosniff',
			'Referrer-Policy: same-origin',
			'X-Frame-Options: DENY',
			"Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'",
			'Connection: close'
		];
		socket.end(`${headers.join('\r\n')}\r\n\r\n${TOO_LONG_PAGE}`);
	} else {
		const status =
			error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
				? '408 Request Timeout'
				: error.code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW'
					? '413 Payload Too Large'
					: '400 Bad Request';
		socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
	}
	setTimeout(() => socket.destroy(), LINGER_MS).unref();
}

server.listen(path ? { path } : { host, port: Number(port) }, () => {
	const where = path ?? `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
	console.log(`Listening on ${where}${lane ? ' (fast lane on)' : ''}`);
});

let closing;
/** Stop taking requests, let the running ones finish, then let the app close its database. */
function shutdown(reason) {
	if (closing) return;
	server.closeIdleConnections();
	server.close((error) => {
		if (error) return;
		clearTimeout(closing);
		if (lane)
			console.log(`fast lane: ${lane.counts.served} served, ${lane.counts.handedOn} handed on`);
		process.emit('sveltekit:shutdown', reason);
	});
	closing = setTimeout(() => server.closeAllConnections(), shutdownTimeout * 1000);
}
// idle keep-alive connections would hold close() open: drop each as it goes idle
server.on('request', (req) => req.on('close', () => closing && server.closeIdleConnections()));
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);

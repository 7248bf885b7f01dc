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
for (const [name, property] of [
	['KEEP_ALIVE_TIMEOUT', 'keepAliveTimeout'],
	['HEADERS_TIMEOUT', 'headersTimeout']
]) {
	const seconds = env(name, undefined);
	if (seconds !== undefined) server[property] = Number(seconds) * 1000;
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

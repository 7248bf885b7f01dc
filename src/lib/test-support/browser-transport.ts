/**
 * Test-only: lets jsdom tests run the app's client code against the REAL server. `useServer`
 * starts a `node build` (adapter-node, a fresh PGlite database) for a test file; a `Browser` is
 * what one browser would be to that server: its `fetch` (installed with
 * `vi.stubGlobal('fetch', browser.fetch)`) sends the app's relative URLs to the server with the
 * Origin header a browser sends on writes and the cookies the server set, and changes nothing
 * else: every answer comes from the real server and its real database. Never import it from the
 * app.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RoomStreamEvent } from '$lib/live/events';
import { freePort, startBuild, type BuiltServer } from '$lib/server/test-support/built-server';

// by hand: under jsdom, URL is jsdom's, which node:url refuses and which resolves file: URLs oddly
const ROOT = resolve(
	dirname(decodeURIComponent(import.meta.url.replace(/^file:\/\//, ''))),
	'../../..'
);

/** Whether there is a build to start (`npx vite build`). */
export const BUILT = existsSync(join(ROOT, 'build', 'handler.js'));

/** Node's own fetch, kept before any test installs a Browser's in its place. */
const networkFetch = globalThis.fetch.bind(globalThis);

/** Time a server gets to start (PGlite migrations and the seed) on a busy machine. */
const START_TIMEOUT = 60_000;
/** Time a stream gets to deliver the events a test waits for (they are sent after a commit). */
const EVENT_TIMEOUT = 10_000;

/**
 * Start the real server for this test file (beforeAll), then run `ready` (what every test needs
 * from it), and stop it after (afterAll); returns its origin. Without a build: a loud warning and
 * the caller's suites skip (`BUILT`), or under CI a failing test, since `npm test` builds first.
 */
export function useServer(
	what: string,
	ready: (origin: string) => Promise<void> = async () => {}
): () => string {
	if (!BUILT) {
		console.warn(`\n*** No build/: ${what} are SKIPPED (run \`npx vite build\`). ***\n`);
		if (process.env.CI && process.env.CI !== 'false')
			it('has a build to test against (CI)', () =>
				expect.fail('build/ is missing: run `npx vite build` first'));
		return () => expect.fail('no build: the suite should have been skipped');
	}
	let server: BuiltServer | undefined;
	beforeAll(async () => {
		server = await startBuild(ROOT);
		await ready(server.origin);
	}, START_TIMEOUT);
	afterAll(async () => {
		await server?.stop();
		server?.cleanUp();
	});
	return () => server?.origin ?? expect.fail('the server has not started');
}

/** A refusal of a setup request, with what the server said. */
export class SetupError extends Error {
	constructor(
		readonly status: number,
		readonly body: string
	) {
		super(`the server answered ${status}: ${body}`);
	}
}

/** One browser talking to the real server: its cookie jar, and the requests the app sent. */
export class Browser {
	/** the requests the app sent through `fetch`, as "METHOD /path" (setup calls are not listed) */
	readonly served: string[] = [];
	readonly #cookies = new Map<string, string>();
	/** where requests go: the server, or after `offline()` a port where nothing listens */
	#target: string;

	/** @param origin the server's origin: the page's origin as the server knows it */
	constructor(readonly origin: string) {
		this.#target = origin;
	}

	/** The Cookie header this browser sends (for raw-socket clients in tests). */
	get cookie(): string {
		return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
	}

	/** The `fetch` to install for the app. */
	fetch = (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
		const url = this.#url(input);
		this.served.push(`${(init.method ?? 'GET').toUpperCase()} ${url.pathname}`);
		return this.#send(url, init);
	};

	/** From now on the network is gone: requests go to a port where nothing listens (refused). */
	async offline(): Promise<void> {
		this.#target = `http://127.0.0.1:${await freePort()}`;
	}

	/** A setup request (not listed in `served`): the parsed JSON answer; throws on a refusal. */
	async send<T>(method: string, path: string, body?: unknown): Promise<T> {
		const response = await this.#send(this.#url(path), {
			method,
			headers: body === undefined ? {} : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body)
		});
		const text = await response.text();
		if (!response.ok) throw new SetupError(response.status, text);
		return (text ? JSON.parse(text) : null) as T;
	}

	/** Submit a page's form (a SvelteKit form action) as a browser would; returns its redirect. */
	async submit(path: string, fields: Record<string, string>): Promise<string> {
		const response = await this.#send(this.#url(path), {
			method: 'POST',
			// a browser's form post asks for a page (else SvelteKit answers as to `use:enhance`)
			headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
			body: new URLSearchParams(fields).toString(),
			redirect: 'manual'
		});
		const location = response.headers.get('location');
		if (response.status !== 303 || !location)
			throw new SetupError(response.status, await response.text());
		return location;
	}

	/**
	 * The next `count` events of a room's live stream after event `after`, as this browser's
	 * member receives them (the server replays stored events, then sends new ones live).
	 */
	async events(roomId: string, after: number, count: number): Promise<RoomStreamEvent[]> {
		const url = this.#url(`/api/rooms/${roomId}/events?after=${after}`);
		const response = await this.#send(url, { headers: { accept: 'text/event-stream' } });
		if (!response.ok || !response.body) throw new SetupError(response.status, 'no stream');
		const reader = response.body.getReader();
		const timer = setTimeout(() => void reader.cancel(), EVENT_TIMEOUT);
		const decoder = new TextDecoder();
		const events: RoomStreamEvent[] = [];
		let text = '';
		try {
			while (events.length < count) {
				const { value, done } = await reader.read();
				if (done) break;
				text += decoder.decode(value, { stream: true });
				const blocks = text.split('\n\n');
				text = blocks.pop() ?? '';
				for (const block of blocks) {
					const data = block.split('\n').find((line) => line.startsWith('data:'));
					if (data && /^id:/m.test(block)) events.push(JSON.parse(data.slice(5)));
				}
			}
		} finally {
			clearTimeout(timer);
			await reader.cancel();
		}
		if (events.length < count)
			throw new Error(`expected ${count} events after ${after}, got ${events.length}`);
		return events.slice(0, count);
	}

	#url(input: RequestInfo | URL): URL {
		// the app's client passes URLs and an init; a Request's own method and body would be lost
		if (input instanceof Request) throw new Error('pass a URL and an init, not a Request');
		const url = new URL(String(input), this.origin);
		// the app only calls its own server; anything else is a mistake in a test
		if (url.origin !== this.origin) throw new Error(`not the app's server: ${url.href}`);
		return url;
	}

	async #send(url: URL, init: RequestInit): Promise<Response> {
		const headers = new Headers(init.headers);
		const method = (init.method ?? 'GET').toUpperCase();
		// browsers send Origin on every write; the server's cross-origin guard wants it
		if (method !== 'GET' && method !== 'HEAD') headers.set('origin', this.origin);
		const cookie = [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
		if (cookie) headers.set('cookie', cookie);
		const response = await networkFetch(`${this.#target}${url.pathname}${url.search}`, {
			...init,
			headers
		});
		for (const line of response.headers.getSetCookie()) this.#keep(line);
		return response;
	}

	/** Keep (or drop, when expired) one Set-Cookie; every cookie of the app has path `/`. */
	#keep(line: string): void {
		const [pair, ...attributes] = line.split(';').map((part) => part.trim());
		const at = pair.indexOf('=');
		const name = pair.slice(0, at);
		const maxAge = attributes.find((a) => /^max-age=/i.test(a));
		const expires = attributes.find((a) => /^expires=/i.test(a));
		const gone =
			(maxAge !== undefined && Number(maxAge.split('=')[1]) <= 0) ||
			(expires !== undefined && Date.parse(expires.slice(8)) <= Date.now());
		if (gone) this.#cookies.delete(name);
		else this.#cookies.set(name, pair.slice(at + 1));
	}
}

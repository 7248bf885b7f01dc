import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoomStreamEvent } from '../../live/events';
import {
	Classroom,
	comparisonAt,
	formOf,
	type StoredComparison
} from '$lib/test-support/api-setup';
import { BUILT, Browser, SetupError } from '$lib/test-support/browser-transport';
import { freshPostgres, startBuild, type BuiltServer } from '../test-support/built-server';
import { sseFrames } from '../test-support/sse';
import { requireBuildOnCi } from '../test-support/built-seed-server';

// The live stream against the real `node build` (PGlite in the same process, the worst case for
// memory): clients that connect and never read must not make the server hold what it cannot
// send (issue 13: 20 such streams pushed RSS from 644 MB to 1,810 MB in 45 s), and a client
// that reads slowly is dropped, reconnects with Last-Event-ID and still gets every event in order.

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
requireBuildOnCi();

/** Deterministic prose of about `chars` characters (distinct sentences, paragraphs of eight). */
function prose(chars: number, salt: number): string {
	const words =
		'harbour ferry fare council vote island nurse commute pass price cleaner boats engine diesel electric budget tax subsidy mayor minister protest petition school hospital'.split(
			' '
		);
	let seed = salt;
	const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
	const sentences: string[] = [];
	let length = 0;
	while (length < chars) {
		const picked = Array.from({ length: 12 }, () => words[Math.floor(next() * words.length)]);
		const sentence = `${picked.join(' ')} ${Math.floor(next() * 1000)}.`;
		sentences.push(sentence[0].toUpperCase() + sentence.slice(1));
		length += sentence.length + 1;
	}
	const paragraphs: string[] = [];
	for (let i = 0; i < sentences.length; i += 8)
		paragraphs.push(sentences.slice(i, i + 8).join(' '));
	return paragraphs.join('\n\n');
}

/** The server's resident memory (MB), from /proc. */
function rssMb(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

/** A shared fact quoting the whole of both articles: one large event per write (~2 × chars). */
function largeFact(comparison: StoredComparison) {
	const target = (side: 'a' | 'b') => {
		const { text, version } = comparison.articles[side];
		return { side, articleVersion: version, start: 0, end: text.length, exact: text };
	};
	return {
		id: crypto.randomUUID(),
		kind: 'shared-fact',
		relation: 'same',
		targets: [target('a'), target('b')],
		note: 'the whole of both'
	};
}

/** Post a large fact, waiting out 429s; the bytes sent. */
async function writeLarge(browser: Browser, roomId: string, comparison: StoredComparison) {
	return sendRetrying(browser, roomId, largeFact(comparison));
}

/** Post an annotation, waiting out 429s; the bytes sent. */
async function sendRetrying(browser: Browser, roomId: string, body: { id: string }) {
	for (;;) {
		try {
			await browser.send('POST', `/api/rooms/${roomId}/annotations`, body);
			return JSON.stringify(body).length;
		} catch (e) {
			if (!(e instanceof SetupError) || e.status !== 429) throw e;
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
	}
}

/** A client that opens the room's stream and then never reads a byte of it. */
function silentClient(origin: string, path: string, cookie: string) {
	const url = new URL(origin);
	const socket: Socket = connect(Number(url.port), url.hostname);
	let closed = false;
	socket.on('close', () => (closed = true));
	socket.on('error', () => {});
	const status = new Promise<string>((resolve, reject) => {
		socket.once('data', (chunk) => {
			socket.pause(); // from now on nothing is read: the server's writes pile up
			resolve(chunk.toString('latin1').split('\r\n')[0]);
		});
		socket.once('error', reject);
	});
	socket.write(
		`GET ${path} HTTP/1.1\r\nHost: ${url.host}\r\nAccept: text/event-stream\r\nCookie: ${cookie}\r\n\r\n`
	);
	return {
		status,
		closed: () => closed,
		close: () => socket.destroy(),
		/** read what is left; resolves with the bytes once the server has closed the socket */
		drain: () =>
			new Promise<number>((resolve) => {
				let bytes = 0;
				socket.on('data', (chunk) => (bytes += chunk.length));
				socket.once('close', () => resolve(bytes));
				socket.resume();
				if (closed) resolve(bytes);
			})
	};
}

/**
 * An EventSource as a slow reader: reads a chunk, then waits `pauseMs`; reconnects with
 * Last-Event-ID when the server closes the stream, like a browser.
 */
function slowEventSource(origin: string, path: string, cookie: string, pauseMs: number) {
	const events: RoomStreamEvent[] = [];
	let lastId = '';
	let connections = 0;
	let stopped = false;
	const open = () => {
		if (stopped) return;
		connections++;
		const headers: Record<string, string> = { accept: 'text/event-stream', cookie };
		if (lastId) headers['last-event-id'] = lastId;
		const req = request(`${origin}${path}`, { headers }, (res) => {
			if (res.statusCode !== 200) {
				res.resume();
				return void setTimeout(open, 1000);
			}
			res.setEncoding('utf8');
			const frames = sseFrames(({ id, data }) => {
				if (id) lastId = id;
				if (data) events.push(JSON.parse(data) as RoomStreamEvent);
			});
			res.on('data', (chunk: string) => {
				frames(chunk);
				res.pause();
				// slow on its first connection; after a reconnect it reads as fast as it can
				setTimeout(() => res.resume(), connections === 1 ? pauseMs : 1);
			});
			res.on('close', () => setTimeout(open, 500));
			res.on('error', () => {});
		});
		req.on('error', () => setTimeout(open, 500));
		req.end();
	};
	open();
	return {
		events,
		connections: () => connections,
		stop: () => {
			stopped = true;
		}
	};
}

const drivers = [
	{ name: 'PGlite', postgres: false },
	...(process.env.TEST_DATABASE_URL ? [{ name: 'PostgreSQL', postgres: true }] : [])
];

describe.skipIf(!BUILT).each(drivers)(
	'the live stream against node build ($name)',
	({ postgres }) => {
		let server: BuiltServer;
		let database: Awaited<ReturnType<typeof freshPostgres>> | undefined;
		let comparison: StoredComparison;
		let room: Classroom;

		beforeAll(async () => {
			database = postgres ? await freshPostgres() : undefined;
			server = await startBuild(ROOT, { env: database ? { DATABASE_URL: database.url } : {} });
			const teacher = new Browser(server.origin);
			const texts = { a: prose(30_000, 7), b: prose(30_000, 11) };
			const location = await teacher.submit('/new?/create', formOf(texts));
			const id = location.split('/').pop()!;
			comparison = await comparisonAt(teacher, `/api/comparisons/${id}/export.jsonld`);
			room = await Classroom.open(server.origin, id);
			// everyone sees everyone's work, so every note goes to every stream
			await room.change({ phase: 'reveal' });
		}, 180_000);

		afterAll(async () => {
			await server?.stop();
			server?.cleanUp();
			await database?.drop();
		});

		it('keeps memory bounded while 20 clients never read and large notes are written', async () => {
			const path = `/api/rooms/${room.id}/events?after=${await room.lastEventId()}`;
			const listeners = [];
			for (let i = 0; i < 20; i++) {
				const student = await room.join(`Silent ${i}`);
				listeners.push(silentClient(server.origin, path, student.browser.cookie));
			}
			expect(await Promise.all(listeners.map((l) => l.status))).toEqual(
				listeners.map(() => 'HTTP/1.1 200 OK')
			);
			const writers = await Promise.all(
				Array.from({ length: 6 }, (_, i) => room.join(`Writer ${i}`))
			);
			const pid = server.process.pid!;
			const before = rssMb(pid);
			let peak = before;
			const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 200);
			// 25 s of large notes: each one is sent to 20 streams nobody reads
			let written = 0;
			let notes = 0;
			// until 20 streams would have had to hold 400 MB (or a minute has passed)
			const until = Date.now() + 60_000;
			try {
				await Promise.all(
					writers.map(async (w) => {
						while (Date.now() < until && written < 20e6) {
							const bytes = await writeLarge(w.browser, room.id, comparison);
							written += bytes;
							notes++;
						}
					})
				);
			} finally {
				clearInterval(sampler);
			}
			peak = Math.max(peak, rssMb(pid));
			console.log(
				`silent streams: ${notes} notes, ${(written / 1e6).toFixed(1)} MB each for 20 streams; ` +
					`RSS ${before.toFixed(0)} → peak ${peak.toFixed(0)} MB`
			);
			// unbounded, 20 streams would have had to hold 20 × what was written
			expect(written * 20).toBeGreaterThan(390e6);
			expect(peak - before).toBeLessThan(150);
			// every silent client was dropped: its socket closed, far less delivered than written
			const received = await Promise.all(listeners.map((l) => l.drain()));
			for (const bytes of received) expect(bytes).toBeLessThan(written / 2);
		}, 180_000);

		it('lets one member hold 8 streams at once, answers the 9th 429, and frees places on close', async () => {
			const student = await room.join('Many tabs');
			const path = `/api/rooms/${room.id}/events`;
			const open = () => silentClient(server.origin, path, student.browser.cookie);
			const tabs = Array.from({ length: 8 }, open);
			for (const tab of tabs) expect(await tab.status).toBe('HTTP/1.1 200 OK');
			const ninth = open();
			expect(await ninth.status).toBe('HTTP/1.1 429 Too Many Requests');
			ninth.close();
			tabs[0].close();
			await expect
				.poll(
					async () => {
						const again = open();
						const status = await again.status;
						again.close();
						return status;
					},
					{ timeout: 5000, interval: 200 }
				)
				.toBe('HTTP/1.1 200 OK');
			for (const tab of tabs) tab.close();
		});

		it('a slow reader is dropped, reconnects with Last-Event-ID and gets every event in order', async () => {
			const student = await room.join('Slow');
			const path = `/api/rooms/${room.id}/events?after=${await room.lastEventId()}`;
			// one chunk read every 400 ms: far slower than the notes arrive
			const slow = slowEventSource(server.origin, path, student.browser.cookie, 400);
			const writers = await Promise.all(
				Array.from({ length: 4 }, (_, i) => room.join(`Burst ${i}`))
			);
			const ids: string[] = [];
			await Promise.all(
				writers.map(async (w) => {
					for (let i = 0; i < 40; i++) {
						const body = largeFact(comparison);
						ids.push(body.id);
						await sendRetrying(w.browser, room.id, body);
					}
				})
			);
			const created = () =>
				slow.events.filter((e) => e.type === 'annotation.created') as Extract<
					RoomStreamEvent,
					{ type: 'annotation.created' }
				>[];
			await expect
				.poll(() => created().length, { timeout: 60_000, interval: 500 })
				.toBe(ids.length);
			slow.stop();
			expect(slow.connections()).toBeGreaterThan(1);
			expect(slow.events.map((e) => e.type)).not.toContain('room.resync');
			expect(new Set(created().map((e) => e.data.annotation.id))).toEqual(new Set(ids));
			const order = slow.events.map((e) => e.id).filter((id) => id > 0);
			expect(order).toEqual([...new Set(order)].sort((x, y) => x - y));
		}, 120_000);
	}
);

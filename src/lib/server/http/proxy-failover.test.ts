import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeText } from '../../domain/text';
import { freshPostgres } from '../test-support/built-server';
import { sseFrames } from '../test-support/sse';

// Two `node build` instances on one PostgreSQL behind Debian's nginx, started by
// scripts/two-instances.mjs as the README tells an operator to. A class works through the proxy
// over real HTTP and SSE, each student from an address of their own; one instance is killed with
// SIGKILL mid-lesson. Its students' streams must reconnect through nginx to the other instance
// and catch up (no event id missing, none twice, in order), writes retried by client id must
// land once, and every acknowledged write must be in the database. And the app must see the
// students' addresses through the proxy (per-address limits), which a client cannot forge.

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const BUILT = existsSync(join(ROOT, 'build', 'handler.js'));
const CI = !!process.env.CI && process.env.CI !== 'false';
const POSTGRES = !!process.env.TEST_DATABASE_URL;

/** scripts/two-instances.mjs (loaded by path: it is untyped JS). */
interface Instance {
	name: string;
	port: number;
	pid: number | undefined;
	running: boolean;
	kill(signal?: string): Promise<void>;
	start(): Promise<void>;
}
interface Deployment {
	origin: string;
	instances: Instance[];
	stop(): Promise<void>;
}
interface TwoInstancesLib {
	findNginx(): string | undefined;
	startTwoInstances(options: {
		root: string;
		databaseUrl: string;
		port?: number;
		instancePorts?: number[];
		exposeUpstream?: boolean;
		log?: (m: string) => void;
	}): Promise<Deployment>;
}
const LIB = '../../../../scripts/two-instances.mjs';
const lib = (await import(LIB)) as TwoInstancesLib;
const NGINX = !!lib.findNginx();

if (CI && (!BUILT || !POSTGRES || !NGINX))
	it('has a build, PostgreSQL and nginx to test against (CI)', () =>
		expect.fail(
			`missing under CI: ${[!BUILT && 'build/', !POSTGRES && 'TEST_DATABASE_URL', !NGINX && 'nginx'].filter(Boolean).join(', ')}`
		));
else if (!NGINX)
	console.warn('\n*** nginx is not installed: the two-instance proxy tests are SKIPPED. ***\n');

/** One HTTP answer, read whole. */
interface Answer {
	status: number;
	headers: IncomingMessage['headers'];
	text: string;
}

/** A browser on a machine of its own: its address (loopback alias), its cookies. */
class Client {
	readonly #cookies = new Map<string, string>();

	constructor(
		readonly origin: string,
		readonly address: string
	) {}

	/** The Cookie header it sends. */
	get cookie(): string {
		return [...this.#cookies].map(([k, v]) => `${k}=${v}`).join('; ');
	}

	/** Options of a request from this client's address with its cookies. */
	options(method: string, headers: Record<string, string> = {}) {
		const all: Record<string, string> = { ...headers };
		if (this.cookie) all.cookie = this.cookie;
		// browsers send Origin on writes; the app refuses writes without it
		if (method !== 'GET') all.origin = this.origin;
		return { method, headers: all, localAddress: this.address };
	}

	/** Keep the cookies an answer sets. */
	keep(headers: IncomingMessage['headers']): void {
		for (const line of headers['set-cookie'] ?? []) {
			const pair = line.split(';')[0];
			const at = pair.indexOf('=');
			this.#cookies.set(pair.slice(0, at), pair.slice(at + 1));
		}
	}

	/** Send a request; a network failure answers status 0 (as a browser's fetch would throw). */
	send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
		const payload = body === undefined ? undefined : JSON.stringify(body);
		const extra = payload ? { ...headers, 'content-type': 'application/json' } : headers;
		return new Promise<Answer>((resolve) => {
			const req = request(`${this.origin}${path}`, this.options(method, extra), (res) => {
				let text = '';
				res.setEncoding('utf8');
				res.on('data', (chunk: string) => (text += chunk));
				res.on('end', () => {
					this.keep(res.headers);
					resolve({ status: res.statusCode ?? 0, headers: res.headers, text });
				});
				res.on('error', () => resolve({ status: 0, headers: {}, text: '' }));
			});
			req.on('error', () => resolve({ status: 0, headers: {}, text: '' }));
			req.end(payload);
		});
	}

	/** Send and expect `status`; the parsed JSON body. */
	async json<T>(method: string, path: string, body: unknown, status: number): Promise<T> {
		const answer = await this.send(method, path, body);
		if (answer.status !== status)
			throw new Error(`${method} ${path}: ${answer.status} ${answer.text.slice(0, 300)}`);
		return JSON.parse(answer.text) as T;
	}
}

/** An event as a stream delivered it. */
interface Received {
	id: number;
	type: string;
}

/**
 * A room's live stream read the way the app's page reads it (EventSource): after a drop it
 * opens again with Last-Event-ID; a refusal (429, 502) is retried after a wait. Records each
 * event and, per connection, the instance nginx chose (X-Upstream).
 */
function liveStream(client: Client, roomId: string, after: number) {
	const received: Received[] = [];
	const upstreams: string[] = [];
	let lastId = after;
	let stopped = false;
	let current: ReturnType<typeof request> | undefined;
	let opened!: () => void;
	const ready = new Promise<void>((resolve) => (opened = resolve));
	const open = () => {
		if (stopped) return;
		const headers: Record<string, string> = { accept: 'text/event-stream' };
		if (lastId > after) headers['last-event-id'] = String(lastId);
		const path = `/api/rooms/${roomId}/events?after=${after}`;
		const req = request(`${client.origin}${path}`, client.options('GET', headers), (res) => {
			if (res.statusCode !== 200) {
				res.resume();
				return void setTimeout(open, 500);
			}
			upstreams.push(String(res.headers['x-upstream'] ?? '?'));
			opened();
			res.setEncoding('utf8');
			res.on(
				'data',
				sseFrames(({ id, data }) => {
					if (!id || !data) return;
					lastId = Number(id);
					received.push({ id: lastId, type: (JSON.parse(data) as { type: string }).type });
				})
			);
			res.on('error', () => {});
			res.on('close', () => setTimeout(open, 500));
		});
		req.on('error', () => setTimeout(open, 500));
		req.end();
		current = req;
	};
	open();
	return {
		received,
		upstreams,
		ready,
		stop() {
			stopped = true;
			current?.destroy();
		}
	};
}

const seed = normalizeText(readFileSync(join(ROOT, 'seeds/000_22ed28cde7db5cf9.txt'), 'utf8')).text;
const version = createHash('sha256').update(seed, 'utf8').digest('hex');

/** A note on the seed comparison's first word, with a new client id. */
function note(text: string) {
	const target = { side: 'a', articleVersion: version, start: 0, end: 4, exact: seed.slice(0, 4) };
	return { id: randomUUID(), kind: 'note', targets: [target], note: text };
}

describe.skipIf(!BUILT || !POSTGRES || !NGINX)('two instances behind nginx', () => {
	let deployment: Deployment;
	let database: Awaited<ReturnType<typeof freshPostgres>>;
	let sql: pg.Client;
	const base = process.env.PROXY_TEST_PORT ? Number(process.env.PROXY_TEST_PORT) : undefined;

	beforeAll(async () => {
		database = await freshPostgres();
		deployment = await lib.startTwoInstances({
			root: ROOT,
			databaseUrl: database.url,
			...(base ? { port: base, instancePorts: [base + 1, base + 2] } : {}),
			exposeUpstream: true,
			log: () => {}
		});
		sql = new pg.Client({ connectionString: database.url });
		await sql.connect();
	}, 240_000);

	afterAll(async () => {
		await sql?.end();
		await deployment?.stop();
		await database?.drop();
	}, 60_000);

	it('sees each client address through the proxy, and a forged X-Forwarded-For changes nothing', async () => {
		const origin = deployment.origin;
		// writes without a session are limited per address: 200 at once on each instance
		const flood = new Client(origin, '127.0.0.50');
		const write = (client: Client, headers: Record<string, string> = {}) =>
			client.send('POST', `/api/rooms/${randomUUID()}/annotations`, note('flood'), headers);
		let refused: Answer | undefined;
		for (let i = 0; i < 1000 && !refused; i++) {
			const answer = await write(flood);
			if (answer.status === 429) refused = answer;
			else expect(answer.status).toBe(404);
		}
		expect(refused?.headers['retry-after']).toMatch(/^\d+$/);
		// the same address claiming to be someone else is still refused on both instances
		for (let i = 0; i < 4; i++)
			expect((await write(flood, { 'x-forwarded-for': `10.9.9.${i}` })).status).toBe(429);
		// another student's machine behind the same proxy is not
		const other = new Client(origin, '127.0.0.51');
		for (let i = 0; i < 4; i++) expect((await write(other)).status).toBe(404);
	}, 120_000);

	it('keeps a class going when an instance is killed: streams catch up, writes land once, none lost', async () => {
		const origin = deployment.origin;
		const teacher = new Client(origin, '127.0.0.10');
		const made = await teacher.json<{ room: { id: string }; joinCode: string }>(
			'POST',
			'/api/rooms',
			{ comparisonId: 'seed', title: 'Failover' },
			201
		);
		const roomId = made.room.id;
		await teacher.json('PATCH', `/api/rooms/${roomId}`, { phase: 'reveal' }, 200);
		const students = Array.from({ length: 8 }, (_, i) => new Client(origin, `127.0.0.${20 + i}`));
		for (const [i, s] of students.entries())
			await s.json('POST', '/api/rooms/join', { code: made.joinCode, displayName: `S${i}` }, 201);
		const { lastEventId: start } = await teacher.json<{ lastEventId: number }>(
			'GET',
			`/api/rooms/${roomId}`,
			undefined,
			200
		);
		const streams = [teacher, ...students].map((c) => liveStream(c, roomId, start));
		await Promise.all(streams.map((s) => s.ready));
		const [a, b] = deployment.instances;
		const on = (port: number) => streams.filter((s) => s.upstreams[0]?.endsWith(`:${port}`));
		// nginx spreads the streams over both instances (round robin)
		expect(on(a.port).length).toBeGreaterThan(0);
		expect(on(b.port).length).toBeGreaterThan(0);

		// every student writes a note every 200 ms, retrying a failed write with the same id and
		// body until it is answered; instance A is killed once the class is under way (3 s and
		// a write from each student), and the lesson goes on until as many more were answered
		const acknowledged: string[] = [];
		const retried = new Set<string>();
		const answers = new Map<number, number>();
		let writing = true;
		const writers = students.map(async (student, n) => {
			for (let i = 0; writing; i++) {
				const body = note(`S${n} ${i}`);
				for (;;) {
					const answer = await student.send('POST', `/api/rooms/${roomId}/annotations`, body);
					answers.set(answer.status, (answers.get(answer.status) ?? 0) + 1);
					if (answer.status === 201 || answer.status === 200) break;
					// refused, reset or 502 while the instance died: the same write again
					expect([0, 429, 502, 503, 504]).toContain(answer.status);
					retried.add(body.id);
					await new Promise((r) => setTimeout(r, 200));
				}
				acknowledged.push(body.id);
				await new Promise((r) => setTimeout(r, 200));
			}
		});
		const answered = (count: number, ms: number) =>
			expect
				.poll(() => acknowledged.length >= count, { timeout: 60_000, interval: 100 })
				.toBe(true)
				.then(() => new Promise((r) => setTimeout(r, ms)));
		await answered(students.length, 3000);
		const before = acknowledged.length;
		await a.kill('SIGKILL');
		await answered(before + students.length, 4000);
		writing = false;
		await Promise.all(writers);

		// the database holds every acknowledged write, each once, with one creation event each
		const stored = await sql.query<{ id: string }>(
			`select id from annotation where scope_kind = 'room' and scope_id = $1`,
			[roomId]
		);
		expect(stored.rows.map((r) => r.id).sort()).toEqual([...acknowledged].sort());
		const created = await sql.query<{ annotation_id: string; n: string }>(
			`select annotation_id, count(*) as n from room_event
			 where room_id = $1 and type = 'annotation.created' group by annotation_id`,
			[roomId]
		);
		expect(created.rows.length).toBe(acknowledged.length);
		expect(created.rows.filter((r) => Number(r.n) !== 1)).toEqual([]);

		// every stream, the moved ones too, ends with every event after `start`: none missing,
		// none twice, in order (students see all but the teacher-only ones in the reveal phase)
		const all = await sql.query<{ id: string; teacher_only: boolean }>(
			`select id, teacher_only from room_event where room_id = $1 and id > $2 order by id`,
			[roomId, start]
		);
		const forTeacher = all.rows.map((r) => Number(r.id));
		const forStudents = all.rows.filter((r) => !r.teacher_only).map((r) => Number(r.id));
		const expected = (i: number) => (i === 0 ? forTeacher : forStudents);
		await expect
			.poll(() => streams.every((s, i) => s.received.length >= expected(i).length), {
				timeout: 30_000,
				interval: 250
			})
			.toBe(true);
		for (const [i, s] of streams.entries())
			expect(s.received.map((e) => e.id)).toEqual(expected(i));
		// the killed instance's streams came back through nginx, on the other instance
		const moved = streams.filter((s) => s.upstreams[0]?.endsWith(`:${a.port}`));
		expect(moved.length).toBeGreaterThan(0);
		for (const s of moved) {
			expect(s.upstreams.length).toBeGreaterThan(1);
			expect(s.upstreams.at(-1)).toMatch(new RegExp(`:${b.port}$`));
		}
		for (const s of streams) s.stop();
		console.log(
			`failover: ${acknowledged.length} writes acknowledged (${before} before the kill), ` +
				`${retried.size} retried by id; answers ${JSON.stringify(Object.fromEntries(answers))}; ` +
				`${moved.length} of ${streams.length} streams moved to the other instance`
		);
	}, 180_000);
});

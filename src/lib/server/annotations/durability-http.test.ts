import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../domain/text';
import { freshPostgres, startBuild, type BuiltServer } from '../test-support/built-server';
import { BUILT } from '$lib/test-support/browser-transport';
import { requireBuildOnCi } from '../test-support/built-seed-server';

// No acknowledged annotation is ever lost (PRODUCT.md §8): write through the real server, kill it
// with SIGKILL (no shutdown hook runs), start it again on the same data, and find every write that
// was answered 201. On PGlite always; on PostgreSQL when TEST_DATABASE_URL is set. And PostgreSQL
// itself crashing and coming back under a running app: writes meanwhile get 503, never 500, and
// every one answered 201, before or after, is there.

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const CI = !!process.env.CI && process.env.CI !== 'false';
requireBuildOnCi();

const seed = normalizeText(readFileSync(join(ROOT, 'seeds/000_22ed28cde7db5cf9.txt'), 'utf8')).text;
const version = createHash('sha256').update(seed, 'utf8').digest('hex');

/** Write `count` notes from one browser session; returns the cookie and the acknowledged ids. */
async function writeNotes(server: BuiltServer, count: number, session = '') {
	let cookie = session;
	const acked: string[] = [];
	for (let i = 0; i < count; i++) {
		const id = randomUUID();
		const response = await fetch(`${server.origin}/api/comparisons/seed/annotations`, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				origin: server.origin,
				...(cookie ? { cookie } : {})
			},
			body: JSON.stringify({
				id,
				kind: 'note',
				targets: [
					{ side: 'a', articleVersion: version, start: 0, end: 4, exact: seed.slice(0, 4) }
				],
				note: `durable ${i}`
			})
		});
		expect(response.status).toBe(201);
		cookie ||= (response.headers.get('set-cookie') ?? '').split(';')[0];
		acked.push(id);
	}
	return { cookie, acked };
}

/** The ids of the session's annotations as the server lists them. */
async function listIds(server: BuiltServer, cookie: string): Promise<string[]> {
	const response = await fetch(`${server.origin}/api/comparisons/seed/annotations`, {
		headers: { cookie }
	});
	expect(response.status).toBe(200);
	const body = (await response.json()) as { annotations: { id: string }[] };
	return body.annotations.map((a) => a.id);
}

const drivers = [
	{ name: 'PGlite', postgres: false },
	...(process.env.TEST_DATABASE_URL ? [{ name: 'PostgreSQL', postgres: true }] : [])
];

describe.skipIf(!BUILT).each(drivers)('a crash of the server ($name)', ({ postgres }) => {
	it('loses no acknowledged annotation', { timeout: 120_000 }, async () => {
		const database = postgres ? await freshPostgres() : undefined;
		const env: Record<string, string> = database ? { DATABASE_URL: database.url } : {};
		let server = await startBuild(ROOT, { env });
		try {
			const { cookie, acked } = await writeNotes(server, 25);
			await server.crash();
			server = await startBuild(ROOT, { dataDir: server.dataDir, env });
			expect((await listIds(server, cookie)).sort()).toEqual([...acked].sort());
		} finally {
			await server.stop().catch(() => {});
			server.cleanUp();
			await database?.drop();
		}
	});
});

/** The throw-away PostgreSQL of scripts/test.mjs (loaded by path: it is untyped JS). */
interface PostgresLib {
	startPostgres(options?: { log?: (m: string) => void; durable?: boolean }): Promise<{
		url: string;
		crash(): Promise<void>;
		start(): Promise<void>;
		stop(): Promise<void>;
	}>;
}
const POSTGRES_LIB = '../../../../scripts/lib/postgres.mjs';

/** One note write; resolves to the status and, for a 503, its Retry-After. */
async function tryWrite(server: BuiltServer, cookie: string, id: string) {
	const response = await fetch(`${server.origin}/api/comparisons/seed/annotations`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', origin: server.origin, cookie },
		body: JSON.stringify({
			id,
			kind: 'note',
			targets: [{ side: 'a', articleVersion: version, start: 0, end: 4, exact: seed.slice(0, 4) }],
			note: 'around a crash of PostgreSQL'
		})
	});
	return { status: response.status, retryAfter: response.headers.get('retry-after') };
}

describe.skipIf(!BUILT || (!process.env.TEST_DATABASE_URL && !CI))(
	'a crash of PostgreSQL under a running app',
	() => {
		it(
			'answers 503 while it is down, recovers by itself and loses no acknowledged annotation',
			{
				timeout: 180_000
			},
			async () => {
				const { startPostgres } = (await import(POSTGRES_LIB)) as PostgresLib;
				// PostgreSQL's own durability settings, as a real deployment has them
				const postgres = await startPostgres({ log: () => {}, durable: true });
				const server = await startBuild(ROOT, { env: { DATABASE_URL: postgres.url } });
				try {
					const { cookie, acked } = await writeNotes(server, 20);
					await postgres.crash();
					// down: a clear 503 with Retry-After, never a 500, and the app keeps running
					for (let i = 0; i < 3; i++) {
						const down = await tryWrite(server, cookie, randomUUID());
						expect(down.status).toBe(503);
						expect(down.retryAfter).toMatch(/^\d+$/);
					}
					await postgres.start();
					// back: the pool reconnects without a restart of the app
					await expect
						.poll(async () => (await tryWrite(server, cookie, randomUUID())).status, {
							timeout: 30_000,
							interval: 250
						})
						.toBe(201);
					const after = await writeNotes(server, 5, cookie);
					acked.push(...after.acked);
					const listed = await listIds(server, cookie);
					for (const id of acked) expect(listed).toContain(id);
				} finally {
					await server.stop().catch(() => {});
					server.cleanUp();
					await postgres.stop();
				}
			}
		);
	}
);

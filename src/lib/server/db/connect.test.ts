import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { connect } from './connect';
import { workspace } from './schema';
import { describeEachDatabase, MIGRATIONS_FOLDER } from '../test-support/databases';

const CONNECT_MODULE = fileURLToPath(new URL('./connect.ts', import.meta.url));

/** Run a script in a fresh node (tsx for the .ts import); resolve its exit code and output. */
function runChild(script: string, env: Record<string, string>) {
	return new Promise<{ code: number | null; output: string }>((resolve) => {
		const child = spawn(
			process.execPath,
			['--import', 'tsx', '--input-type=module', '-e', script],
			{ env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] }
		);
		let output = '';
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		// a process kept alive by an open handle never exits: kill it so the test reports that
		const killer = setTimeout(() => child.kill('SIGKILL'), 45_000);
		child.on('exit', (code) => {
			clearTimeout(killer);
			resolve({ code, output });
		});
	});
}

// Opens, listens, notifies and closes, then leaves the event loop alone: exit code 0 means
// close() released every handle (pool, LISTEN client, PGlite); 13 means the payload never came.
const CLOSE_SCRIPT = `
const { connect } = await import(process.env.CONNECT_MODULE);
const options = { migrationsFolder: process.env.MIGRATIONS_FOLDER };
const database = await connect(process.env.URL ? { ...options, url: process.env.URL } : { ...options, memory: true });
let got;
const payload = new Promise((resolve) => (got = resolve));
await database.listen('close-check', got);
await database.notify('close-check', 'bye');
console.log('payload', await payload);
await database.close();
await database.close();
`;

function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const server = createServer().listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

/** Resolve with the next payload delivered to `channel`. */
function nextPayload(
	listen: (channel: string, handler: (p: string) => void) => Promise<() => Promise<void>>,
	channel: string
) {
	let resolve: (payload: string) => void = () => {};
	const payload = new Promise<string>((r) => (resolve = r));
	return listen(channel, (p) => resolve(p)).then((unlisten) => ({ payload, unlisten }));
}

describeEachDatabase('connect', (current, driver) => {
	it('applies the migrations: every table exists', async () => {
		const { db } = current().database;
		const result = await db.execute(
			sql`select table_name from information_schema.tables where table_schema = 'public'`
		);
		// both drivers' results carry .rows (their result types differ, hence the cast)
		const { rows } = result as unknown as { rows: { table_name: string }[] };
		const tables = rows.map((r) => r.table_name).sort();
		expect(tables).toEqual([
			'analysis',
			'annotation',
			'annotation_target',
			'article',
			'comparison',
			'reply',
			'room',
			'room_event',
			'room_member',
			'setting',
			'suggestion_decision',
			'theme_edit',
			'workspace'
		]);
	});

	it('keeps the schema constraints (unique workspace token hash)', async () => {
		const { db } = current().database;
		await db.insert(workspace).values({ tokenHash: `t-${driver}` });
		await expect(db.insert(workspace).values({ tokenHash: `t-${driver}` })).rejects.toThrow();
	});

	it.each([
		['plain', 'parallax', 'hello'],
		['mixed case and dashes', 'Room-6f1c2a', '{"kind":"annotation.created"}'],
		['unicode payload', 'room_é', 'déjà vu — “quoted”']
	])('delivers NOTIFY to LISTEN (%s)', async (_name, channel, message) => {
		const database = current().database;
		const { payload, unlisten } = await nextPayload(database.listen, channel);
		await database.notify(channel, message);
		expect(await payload).toBe(message);
		await unlisten();
	});

	it('stops delivering after unlisten, keeps other channels', async () => {
		const database = current().database;
		const seen: string[] = [];
		const unlisten = await database.listen('left', (p) => seen.push(p));
		await database.notify('left', 'one');
		const second = await nextPayload(database.listen, 'right');
		// 'left' was notified first, so its delivery precedes 'right's
		await database.notify('right', 'sync');
		await second.payload;
		expect(seen).toEqual(['one']);
		await unlisten();
		const third = await nextPayload(database.listen, 'right');
		await database.notify('left', 'two');
		await database.notify('right', 'sync2');
		await third.payload;
		expect(seen).toEqual(['one']);
		await second.unlisten();
		await third.unlisten();
	});

	it('delivers a NOTIFY sent inside a transaction after it commits', async () => {
		const database = current().database;
		const { payload, unlisten } = await nextPayload(database.listen, 'tx-channel');
		await database.db.transaction(async (tx) => {
			await tx.execute(sql`select pg_notify('tx-channel', 'committed')`);
		});
		expect(await payload).toBe('committed');
		await unlisten();
	});

	it.skipIf(driver !== 'pg')('re-listens after the LISTEN connection is cut', async () => {
		const database = current().database;
		const { payload, unlisten } = await nextPayload(database.listen, 'survivor');
		await database.db.execute(
			sql`select pg_terminate_backend(pid) from pg_stat_activity
				where datname = current_database() and query like 'LISTEN%'`
		);
		let delivered = false;
		void payload.then(() => (delivered = true));
		// the listener reconnects after a delay; notify until a notification gets through
		while (!delivered) {
			await database.notify('survivor', 'again');
			await new Promise((r) => setTimeout(r, 100));
		}
		expect(await payload).toBe('again');
		await unlisten();
	});

	it('rejects channel names the drivers cannot quote', async () => {
		const database = current().database;
		await expect(database.listen('a"b', () => {})).rejects.toThrow(/invalid channel/);
		await expect(database.listen('x'.repeat(64), () => {})).rejects.toThrow(/too long/);
	});

	it('close() releases every handle so the process exits', async () => {
		const url = current().url ?? '';
		const env = { CONNECT_MODULE, MIGRATIONS_FOLDER, URL: url };
		const { code, output } = await runChild(CLOSE_SCRIPT, env);
		expect(output).toContain('payload bye');
		expect(code).toBe(0);
	});
});

describe('connect (no server)', () => {
	it('names the host and the likely cause when PostgreSQL is down, hiding the password', async () => {
		const port = await freePort();
		const url = `postgres://postgres:s3cret@127.0.0.1:${port}/parallax`;
		const error = await connect({ url, migrationsFolder: MIGRATIONS_FOLDER }).catch((e) => e);
		expect(error).toBeInstanceOf(Error);
		expect(error.message).toMatch(/cannot connect to PostgreSQL at .*127\.0\.0\.1:\d+/);
		expect(error.message).toMatch(/is PostgreSQL running/);
		expect(error.message).not.toContain('s3cret');
	});

	it('creates a missing PGlite data dir with its parents and keeps data across reopen', async () => {
		const base = mkdtempSync(join(tmpdir(), 'parallax-pglite-'));
		const dataDir = join(base, 'nested', 'deeper', 'pglite');
		try {
			const first = await connect({ dataDir, migrationsFolder: MIGRATIONS_FOLDER });
			await first.db.insert(workspace).values({ tokenHash: 'persisted' });
			await first.close();
			const second = await connect({ dataDir, migrationsFolder: MIGRATIONS_FOLDER });
			const rows = await second.db.select().from(workspace);
			await second.close();
			expect(rows.map((r) => r.tokenHash)).toEqual(['persisted']);
		} finally {
			rmSync(base, { recursive: true, force: true });
		}
	});
});

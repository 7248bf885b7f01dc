import { mkdirSync } from 'node:fs';
import type { PGliteOptions } from '@electric-sql/pglite';
import { entityKind } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { forDrizzle } from './pglite-client';
import { createPgListener, quoteChannel, type NotificationHandler } from './pg-listener';
import * as schema from './schema';

/** The drizzle type both drivers share; server modules take it as their first argument. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** An open database: drizzle plus the parts drizzle does not cover (NOTIFY, closing). */
export interface Database {
	kind: 'pglite' | 'pg';
	db: Db;
	/** Subscribe to NOTIFYs on a channel (any name without `"`); returns the unsubscribe. */
	listen(channel: string, handler: NotificationHandler): Promise<() => Promise<void>>;
	/** Send a NOTIFY; inside a transaction use `pg_notify` through that transaction instead. */
	notify(channel: string, payload: string): Promise<void>;
	/** Release every connection so the process can exit (idempotent). */
	close(): Promise<void>;
}

/**
 * Whether a database (or one of its transactions) is PGlite, from drizzle's class tag, read
 * instead of importing drizzle-orm/pglite (and PGlite) for PostgreSQL. PGlite is one process's
 * own database: nothing else writes to it while it is open.
 */
export function isPglite(q: object): boolean {
	const kind = (q.constructor as { [entityKind]?: string })[entityKind];
	return kind === 'PgliteTransaction' || kind === 'PgliteDatabase';
}

/**
 * One value per open database, made on first use: for drizzle prepared statements, whose SQL
 * text is built once instead of on every request (building a select of two rows' columns cost
 * more CPU than PGlite running it), and which node-postgres prepares once per connection.
 */
export function perDatabase<T>(make: (db: Db) => T): (db: Db) => T {
	const made = new WeakMap<Db, T>();
	return (db) => {
		let value = made.get(db);
		if (value === undefined) made.set(db, (value = make(db)));
		return value;
	};
}

/** Where the data lives: a PostgreSQL url, a PGlite directory, or PGlite in memory. */
export interface ConnectOptions {
	/** postgres://… selects node-postgres; otherwise PGlite is used */
	url?: string;
	/** PGlite data directory, created with its parents if missing */
	dataDir?: string;
	/** PGlite in memory (tests); wins over dataDir */
	memory?: boolean;
	/** drizzle-kit output folder, applied with drizzle's runtime migrate() (default ./drizzle) */
	migrationsFolder?: string;
	/** connections in the node-postgres pool (default 10) */
	poolSize?: number;
	/** extra PGlite options */
	pglite?: PGliteOptions;
}

/** Arbitrary key for pg_advisory_lock: instances starting together migrate one at a time. */
const MIGRATION_LOCK_KEY = 0x5041524c; // 'PARL'
/** Give up on an unreachable PostgreSQL host instead of hanging the start. */
const CONNECT_TIMEOUT_MS = 10_000;

/**
 * Open the database and bring its schema up to date. Free of `$env` so tests and scripts can
 * call it directly; the app goes through getDatabase() in ./index.
 */
export async function connect(options: ConnectOptions = {}): Promise<Database> {
	const migrationsFolder = options.migrationsFolder ?? './drizzle';
	return options.url
		? connectPostgres(options.url, migrationsFolder, options.poolSize ?? 10)
		: connectPglite(options, migrationsFolder);
}

/** The url with its password replaced, safe for logs and error messages. */
export function redactUrl(url: string): string {
	try {
		const u = new URL(url);
		if (u.password) u.password = '***';
		return u.toString();
	} catch {
		return '(unparseable DATABASE_URL)';
	}
}

/** Explain a failed first contact with PostgreSQL in terms of what to fix. */
function describeConnectError(url: string, error: unknown): Error {
	const e = error as { code?: string; message?: string };
	const where = redactUrl(url);
	const reasons: Record<string, string> = {
		ECONNREFUSED: 'nothing is listening there: is PostgreSQL running?',
		ENOTFOUND: 'the host name does not resolve',
		EAI_AGAIN: 'the host name does not resolve (DNS not answering)',
		ETIMEDOUT: 'the connection timed out',
		'28P01': 'password authentication failed',
		'28000': 'the server rejected this user or host (pg_hba.conf)',
		'3D000': 'the database does not exist (create it first)'
	};
	const reason = (e.code && reasons[e.code]) ?? e.message ?? String(error);
	return new Error(`cannot connect to PostgreSQL at ${where}: ${reason}`, { cause: error });
}

async function connectPostgres(
	url: string,
	migrationsFolder: string,
	poolSize: number
): Promise<Database> {
	const { default: pg } = await import('pg');
	const { drizzle } = await import('drizzle-orm/node-postgres');
	const { migrate } = await import('drizzle-orm/node-postgres/migrator');
	const pool = new pg.Pool({
		connectionString: url,
		// one slot is held by the migration lock while migrate() runs on another
		max: Math.max(2, poolSize),
		connectionTimeoutMillis: CONNECT_TIMEOUT_MS
	});
	// an idle pooled client that loses its server emits 'error'; unhandled, it kills the process
	pool.on('error', (e) => console.warn(`db: idle PostgreSQL client error: ${e.message}`));
	let lock: import('pg').PoolClient;
	try {
		lock = await pool.connect();
	} catch (e) {
		await pool.end().catch(() => {});
		throw describeConnectError(url, e);
	}
	const db = drizzle(pool, { schema });
	try {
		await lock.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
		await migrate(db, { migrationsFolder });
		await lock.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
		lock.release();
	} catch (e) {
		lock.release(true);
		await pool.end().catch(() => {});
		throw e;
	}
	const listener = createPgListener(
		() => new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS })
	);
	let closing: Promise<void> | undefined;
	return {
		kind: 'pg',
		db,
		listen: (channel, handler) => listener.listen(channel, handler),
		async notify(channel, payload) {
			await pool.query('select pg_notify($1, $2)', [channel, payload]);
		},
		close() {
			closing ??= listener.close().then(() => pool.end());
			return closing;
		}
	} satisfies Database;
}

async function connectPglite(options: ConnectOptions, migrationsFolder: string): Promise<Database> {
	const { PGlite } = await import('@electric-sql/pglite');
	const { drizzle } = await import('drizzle-orm/pglite');
	const { migrate } = await import('drizzle-orm/pglite/migrator');
	const dataDir = options.memory ? undefined : options.dataDir;
	// PGlite's NodeFS makes the data dir with a non-recursive mkdir (ENOENT without its parent)
	if (dataDir) mkdirSync(dataDir, { recursive: true });
	const client = await PGlite.create(dataDir, options.pglite ?? {});
	const db = drizzle(forDrizzle(client), { schema });
	try {
		await migrate(db, { migrationsFolder });
	} catch (e) {
		await client.close().catch(() => {});
		throw e;
	}
	let closing: Promise<void> | undefined;
	return {
		kind: 'pglite',
		db,
		async listen(channel, handler) {
			if (client.closed) throw new Error('database closed');
			const quoted = quoteChannel(channel);
			// a fresh function per subscription, so unlisten removes exactly this one
			const subscription = (payload: string) => handler(payload);
			await client.listen(quoted, subscription);
			// not the unsubscribe listen() returns: PGlite 0.5.16 sends it an unquoted UNLISTEN,
			// a syntax error for keywords ("left") and names with dashes
			return async () => {
				if (!client.closed) await client.unlisten(quoted, subscription);
			};
		},
		async notify(channel, payload) {
			await client.query('select pg_notify($1, $2)', [channel, payload]);
		},
		close() {
			closing ??= client.closed ? Promise.resolve() : client.close();
			return closing;
		}
	} satisfies Database;
}

import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { connect, redactUrl, type Database, type Db } from '../db/connect';

/** The repository's generated migrations, wherever vitest was started from. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../../../drizzle', import.meta.url));

/** The drivers every database test runs against. */
export type Driver = Database['kind'];

/** A database opened for one test file, and how to throw it away. */
interface TestDatabase {
	database: Database;
	/** a url for a second connection (PostgreSQL only) */
	url?: string;
	dispose(): Promise<void>;
}

let warned = false;

/** TEST_DATABASE_URL: an admin url of a PostgreSQL server where test databases may be made. */
function adminUrl(): string | undefined {
	return process.env.TEST_DATABASE_URL || undefined;
}

/**
 * Open a fresh, migrated database: PGlite in memory, or a new randomly named PostgreSQL
 * database beside TEST_DATABASE_URL's (dropped by dispose), so test files never share state.
 */
export async function openTestDatabase(
	driver: Driver,
	migrationsFolder = MIGRATIONS_FOLDER
): Promise<TestDatabase> {
	if (driver === 'pglite') {
		const database = await connect({ memory: true, migrationsFolder });
		return { database, dispose: () => database.close() };
	}
	const admin = adminUrl();
	if (!admin) throw new Error('TEST_DATABASE_URL is not set');
	const name = `parallax_t_${randomBytes(6).toString('hex')}`;
	await withAdmin(admin, (c) => c.query(`create database ${name}`));
	const url = new URL(admin);
	url.pathname = `/${name}`;
	try {
		const database = await connect({ url: url.href, migrationsFolder });
		return {
			database,
			url: url.href,
			async dispose() {
				await database.close();
				await withAdmin(admin, (c) => c.query(`drop database if exists ${name} with (force)`));
			}
		};
	} catch (e) {
		await withAdmin(admin, (c) => c.query(`drop database if exists ${name} with (force)`));
		throw e;
	}
}

async function withAdmin(url: string, work: (client: pg.Client) => Promise<unknown>) {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		await work(client);
	} finally {
		await client.end();
	}
}

/**
 * Run `body` once per driver inside `describe('<title> [driver]')`, with a fresh database per
 * block. Without TEST_DATABASE_URL the PostgreSQL block is skipped with a warning, and fails
 * under CI=true, where a silently skipped driver would hide regressions.
 */
export function describeEachDatabase(
	title: string,
	body: (current: () => TestDatabase, driver: Driver) => void,
	options: { migrationsFolder?: string } = {}
): void {
	for (const driver of ['pglite', 'pg'] as const) {
		const name = `${title} [${driver}]`;
		if (driver === 'pg' && !adminUrl()) {
			if (process.env.CI === 'true') {
				describe(name, () => {
					it('has a PostgreSQL server to run against', () => {
						throw new Error(
							'CI=true but TEST_DATABASE_URL is not set: PostgreSQL tests cannot run'
						);
					});
				});
				continue;
			}
			if (!warned) {
				warned = true;
				console.warn(
					'\n*** TEST_DATABASE_URL is not set: PostgreSQL database tests are SKIPPED. ***\n' +
						'*** Start one with `node scripts/lib/postgres.mjs` and export its url. ***\n'
				);
			}
			describe.skip(name, () => body(unavailable, driver));
			continue;
		}
		describe(name, () => {
			let current: TestDatabase | undefined;
			beforeAll(async () => {
				current = await openTestDatabase(driver, options.migrationsFolder);
			});
			afterAll(async () => {
				await current?.dispose();
			});
			body(() => current ?? unavailable(), driver);
		});
	}
}

function unavailable(): never {
	const where = adminUrl();
	throw new Error(`test database not open${where ? ` (${redactUrl(where)})` : ''}`);
}

/** A copy of ./drizzle holding only its first `count` migrations (to build an old database). */
export function migrationsBefore(count: number): string {
	const dir = mkdtempSync(join(tmpdir(), 'parallax-migrations-'));
	mkdirSync(join(dir, 'meta'));
	const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8'));
	journal.entries = journal.entries.slice(0, count);
	writeFileSync(join(dir, 'meta/_journal.json'), JSON.stringify(journal));
	for (const entry of journal.entries as { tag: string }[])
		copyFileSync(join(MIGRATIONS_FOLDER, `${entry.tag}.sql`), join(dir, `${entry.tag}.sql`));
	return dir;
}

/** Apply every migration of ./drizzle that the database has not had yet. */
export async function migrateToCurrent(db: Db, driver: Driver): Promise<void> {
	if (driver === 'pglite') {
		const { migrate } = await import('drizzle-orm/pglite/migrator');
		await migrate(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
	} else {
		const { migrate } = await import('drizzle-orm/node-postgres/migrator');
		await migrate(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
	}
}

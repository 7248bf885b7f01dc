import { join } from 'node:path';
import { env } from '$env/dynamic/private';
import { connect, type Database } from './connect';

export { connect, redactUrl, type ConnectOptions, type Database, type Db } from './connect';

const DB_KEY = Symbol.for('parallax.database');

// One open database per process: PGlite is single-connection and two instances on one data
// dir corrupt it. Kept on globalThis so `vite dev` module reloads reuse it.
const holder = globalThis as unknown as { [DB_KEY]?: Promise<Database> };

/** Where the app's database lives, read from the environment. */
function databaseOptions() {
	const dataDir = env.PARALLAX_DATA_DIR || './data';
	return {
		url: env.DATABASE_URL || undefined,
		dataDir: join(dataDir, 'pglite'),
		migrationsFolder: env.MIGRATIONS_DIR || './drizzle'
	};
}

/**
 * The process's database, opened (and migrated) on first use. A failed open is not cached,
 * so the next request tries again instead of failing forever.
 */
export function getDatabase(): Promise<Database> {
	holder[DB_KEY] ??= connect(databaseOptions()).catch((e: unknown) => {
		holder[DB_KEY] = undefined;
		throw e;
	});
	return holder[DB_KEY];
}

/** Close the process's database if it was opened; the next getDatabase() opens a new one. */
export async function closeDatabase(): Promise<void> {
	const pending = holder[DB_KEY];
	holder[DB_KEY] = undefined;
	const database = await pending?.catch(() => undefined);
	await database?.close();
}

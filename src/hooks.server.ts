import type { ServerInit } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { closeDatabase, getDatabase } from '$lib/server/db';
import { ensureSeedComparison } from '$lib/server/seed';

const SHUTDOWN_HOOKED = Symbol.for('parallax.shutdownHooked');
const flags = globalThis as unknown as { [SHUTDOWN_HOOKED]?: boolean };

/**
 * Open the database, migrate it and seed it before the server listens (adapter-node awaits
 * init), so the first request does not pay for PGlite's initdb.
 */
export const init: ServerInit = async () => {
	const started = performance.now();
	const database = await getDatabase();
	const seed = await ensureSeedComparison(database.db, env.SEEDS_DIR || undefined);
	const ms = Math.round(performance.now() - started);
	console.log(`db ready (${database.kind}) in ${ms} ms; seed comparison ${seed.status}`);
};

// adapter-node closes the HTTP server on SIGTERM/SIGINT and then emits this event; the PGlite
// instance or the pg pool and its LISTEN client would otherwise keep the process alive.
// Registered once per process, since `vite dev` may evaluate this module again.
if (!flags[SHUTDOWN_HOOKED]) {
	flags[SHUTDOWN_HOOKED] = true;
	process.once('sveltekit:shutdown' as never, (reason: string) => {
		closeDatabase().then(
			() => console.log(`db closed (${reason})`),
			(e: Error) => console.error(`db close failed: ${e.message}`)
		);
	});
}

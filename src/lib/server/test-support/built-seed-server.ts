import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedComparison, type StoredComparison } from '$lib/test-support/api-setup';
import { BUILT } from '$lib/test-support/browser-transport';
import { freshPostgres, startBuild, type BuiltServer } from './built-server';

/** The project's root, where build/ is. */
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** The databases an HTTP test runs on: PGlite, and PostgreSQL when TEST_DATABASE_URL is set. */
export const drivers = [
	{ name: 'PGlite', postgres: false },
	...(process.env.TEST_DATABASE_URL ? [{ name: 'PostgreSQL', postgres: true }] : [])
];

/** On CI a missing build fails the file (elsewhere its tests are skipped without one). */
export function requireBuildOnCi(): void {
	const ci = !!process.env.CI && process.env.CI !== 'false';
	if (!BUILT && ci)
		it('has a build to test against (CI)', () =>
			expect.fail('build/ is missing: run `npx vite build`'));
}

/** A running `node build` and its seed comparison, filled in once beforeAll has run. */
export interface SeedServer {
	server: BuiltServer;
	seed: StoredComparison;
}

/**
 * Start `node build` for the enclosing describe block, on PGlite or (`postgres`) a
 * fresh database of TEST_DATABASE_URL, with its seed comparison read; stopped, and its data
 * deleted, after the block.
 */
export function useSeedServer(postgres: boolean): SeedServer {
	const running = {} as SeedServer;
	let database: Awaited<ReturnType<typeof freshPostgres>> | undefined;
	beforeAll(async () => {
		database = postgres ? await freshPostgres() : undefined;
		running.server = await startBuild(ROOT, {
			env: database ? { DATABASE_URL: database.url } : {}
		});
		running.seed = await seedComparison(running.server.origin);
	}, 90_000);
	afterAll(async () => {
		await running.server?.stop();
		running.server?.cleanUp();
		await database?.drop();
	});
	return running;
}

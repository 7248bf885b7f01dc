import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4173);

// Debian's chromium (`npx playwright install` cannot download browsers here). The flags keep it
// from reaching for the network, which is closed on these machines.
export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

// With E2E_DATABASE_URL (npm test sets it to its throw-away PostgreSQL), the reading,
// annotation and classroom tests run a second time against an instance backed by PostgreSQL.
const PG_URL = process.env.E2E_DATABASE_URL;
const PG_PORT = PORT + 1;
/** The link fixture server's port (tests/link-server.ts), the one address links may reach. */
export const LINK_PORT = PORT + 10;

/** The `node build` server of one storage backend. */
function server(port: number, env: Record<string, string>) {
	return {
		command: 'node server.js',
		url: `http://127.0.0.1:${port}/`,
		reuseExistingServer: false,
		timeout: 90_000,
		env: {
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: `http://127.0.0.1:${port}`,
			// as `npm start` sets it: two 200,000-character uploads fit
			BODY_SIZE_LIMIT: '2M',
			// links: the fixture server of tests/ingest-sources.test.ts, and a short deadline
			PARALLAX_FETCH_ALLOW: `127.0.0.1:${LINK_PORT}`,
			PARALLAX_FETCH_TIMEOUT_MS: '2000',
			...env
		}
	};
}

export default defineConfig({
	testDir: 'tests',
	testMatch: '**/*.test.ts',
	timeout: 30_000,
	workers: 1,
	reporter: [['list']],
	webServer: [
		// a fresh embedded database each run: the seed comparison is created at start
		{
			...server(PORT, { PARALLAX_DATA_DIR: './data/e2e' }),
			command: 'rm -rf data/e2e && node server.js'
		},
		...(PG_URL ? [server(PG_PORT, { DATABASE_URL: PG_URL })] : [])
	],
	projects: [
		{ name: 'pglite', use: { baseURL: `http://127.0.0.1:${PORT}` } },
		...(PG_URL
			? [
					{
						name: 'postgres',
						testMatch: [
							'compare.test.ts',
							'annotate.test.ts',
							'personal.test.ts',
							'classroom.test.ts',
							'classroom-lesson.test.ts',
							'classroom-bypass.test.ts',
							'room-setup.test.ts',
							'worksheet.test.ts'
						],
						use: { baseURL: `http://127.0.0.1:${PG_PORT}` }
					}
				]
			: [])
	],
	use: {
		browserName: 'chromium',
		launchOptions: {
			executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
			args: CHROMIUM_ARGS
		}
	}
});

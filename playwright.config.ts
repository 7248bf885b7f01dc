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

export default defineConfig({
	testDir: 'tests',
	testMatch: '**/*.test.ts',
	timeout: 30_000,
	workers: 1,
	reporter: [['list']],
	webServer: {
		// a fresh embedded database each run: the seed comparison is created at start
		command: 'rm -rf data/e2e && node build',
		url: `http://127.0.0.1:${PORT}/`,
		reuseExistingServer: false,
		timeout: 90_000,
		env: {
			PORT: String(PORT),
			HOST: '127.0.0.1',
			ORIGIN: `http://127.0.0.1:${PORT}`,
			PARALLAX_DATA_DIR: './data/e2e',
			// as `npm start` sets it: two 200,000-character uploads fit
			BODY_SIZE_LIMIT: '2M'
		}
	},
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		browserName: 'chromium',
		launchOptions: {
			executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
			args: CHROMIUM_ARGS
		}
	}
});

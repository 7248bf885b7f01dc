#!/usr/bin/env node
// `npm test`: the whole suite on real parts. Provisions what the tests need beyond npm
// (Debian's chromium, PostgreSQL and nginx, installed with apt-get when running as root), starts
// a throw-away PostgreSQL cluster, runs vitest (node + jsdom projects) against PGlite and
// PostgreSQL — with two instances behind nginx for the failover test — and runs Playwright
// against `node build` in Chromium.
// Outside CI a part that cannot be provisioned is skipped with a loud warning; under CI=true
// it is a failure.
import { spawnSync } from 'node:child_process';
import { aptInstall, ensureChromium } from './lib/apt.mjs';
import { startPostgres } from './lib/postgres.mjs';
import { findNginx } from './two-instances.mjs';

const CI = !!process.env.CI && process.env.CI !== 'false';
const ROOT = new URL('..', import.meta.url).pathname;
const env = { ...process.env, TZ: 'UTC' };
const skipped = [];
const started = Date.now();

/** Print a banner that cannot be missed in a long log. */
function loud(message) {
	const bar = '!'.repeat(78);
	console.error(`\n${bar}\n${message}\n${bar}\n`);
}

/** Run a command in the project root with the test environment; returns its exit status. */
function run(cmd, args, extraEnv = {}) {
	console.log(`\n$ ${cmd} ${args.join(' ')}`);
	const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...env, ...extraEnv } });
	return r.status ?? 1;
}

/** A missing part: fail under CI, otherwise remember it and go on. */
function missing(part, why) {
	if (CI) {
		loud(`FAIL: ${part} is missing and CI=true.\n${why}`);
		process.exit(1);
	}
	loud(`WARNING: ${part} is missing; those tests are SKIPPED.\n${why}`);
	skipped.push(part);
}

// 1. Chromium (Debian's: `npx playwright install` cannot download browsers here)
const chromium = ensureChromium();
const haveChromium = chromium !== null;
if (!haveChromium)
	missing(
		'Chromium',
		`No browser at ${process.env.CHROME_PATH ?? '/usr/bin/chromium'}. Install Debian's chromium or set CHROME_PATH.`
	);

// 2. nginx, in front of two app instances in src/lib/server/http/proxy-failover.test.ts
if (!findNginx()) aptInstall(['nginx']);
if (!findNginx())
	missing('nginx', "Install Debian's nginx (or set NGINX_BIN) for the two-instance failover test.");

// 3. A throw-away PostgreSQL server for the persistence tests
let postgres;
try {
	postgres = await startPostgres({ log: (m) => console.log(m) });
	env.TEST_DATABASE_URL = postgres.url;
	// the e2e suite also runs the reading and annotation flows against a PostgreSQL-backed build
	env.E2E_DATABASE_URL = postgres.url;
	console.log(`PostgreSQL for tests: ${postgres.url.replace(/:[^:@/]+@/, ':***@')}`);
} catch (e) {
	missing('PostgreSQL', String(e instanceof Error ? e.message : e));
}

let status = 0;
try {
	// build first: some server tests speak HTTP to the built app (security headers, hostile bodies)
	status ||= run('npx', ['vite', 'build']);
	status ||= run('npx', ['vitest', 'run']);
	if (haveChromium) status ||= run('npx', ['playwright', 'test'], { CHROME_PATH: chromium });
} finally {
	await postgres?.stop();
}

const seconds = Math.round((Date.now() - started) / 1000);
if (skipped.length) loud(`Tests ran WITHOUT: ${skipped.join(', ')} (see the warnings above).`);
console.log(`\nnpm test: ${status === 0 ? 'passed' : 'FAILED'} in ${seconds} s`);
process.exit(status);

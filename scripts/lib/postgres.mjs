// A throw-away PostgreSQL server for tests: a fresh cluster in a temp dir on a free loopback
// port, removed again by stop(). Used by scripts/test.mjs; `node scripts/lib/postgres.mjs`
// starts one by hand, prints its url and stops it on Ctrl-C.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
	chmodSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	readdirSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const PG_ROOT = '/usr/lib/postgresql';
const DATABASE = 'parallax_test';
// a test cluster holds nothing worth a crash-safe write: skip fsync for speed
// speed for throw-away test data; a `durable` server keeps PostgreSQL's safe defaults instead
const SERVER_SETTINGS = ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off'];
// a port picked as free can be taken before the server binds it; try a few
const START_ATTEMPTS = 3;

/** Debian's PostgreSQL bin dir with the highest major version, or undefined. */
export function findPostgresBin() {
	if (process.env.PG_BIN_DIR) return process.env.PG_BIN_DIR;
	if (!existsSync(PG_ROOT)) return undefined;
	const versions = readdirSync(PG_ROOT)
		.filter((v) => /^\d+(\.\d+)?$/.test(v) && existsSync(join(PG_ROOT, v, 'bin', 'initdb')))
		.sort((x, y) => Number(y) - Number(x));
	return versions.length ? join(PG_ROOT, versions[0], 'bin') : undefined;
}

const isRoot = () => process.getuid?.() === 0;

function run(cmd, args, { asPostgres = false, log } = {}) {
	const [file, argv] = asPostgres
		? ['runuser', ['-u', 'postgres', '--', cmd, ...args]]
		: [cmd, args];
	const r = spawnSync(file, argv, { encoding: 'utf8' });
	if (r.status !== 0) {
		const out = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim() || r.error?.message;
		throw new Error(`${[file, ...argv].join(' ')} failed (exit ${r.status}):\n${out}`);
	}
	if (log && r.stdout.trim()) log(r.stdout.trim());
	return r.stdout;
}

function installPostgres(log) {
	if (!isRoot() || !existsSync('/etc/debian_version')) return;
	log('postgres: no PostgreSQL binaries; running apt-get update && apt-get install -y postgresql');
	for (const args of [['update'], ['install', '-y', 'postgresql']]) {
		const r = spawnSync('apt-get', args, {
			stdio: ['ignore', 'inherit', 'inherit'],
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
		});
		if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${r.status})`);
	}
}

/** A port that was free on 127.0.0.1 a moment ago. */
export function freePort() {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/** Create database `name` (a plain identifier) on the server of `adminUrl`; resolves to its url. */
export async function createDatabase(adminUrl, name = DATABASE) {
	const { default: pg } = await import('pg');
	const client = new pg.Client({ connectionString: adminUrl });
	await client.connect();
	try {
		await client.query(`create database ${name}`);
	} finally {
		await client.end();
	}
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	return url.href;
}

/**
 * Start a throw-away PostgreSQL cluster. Resolves to its url, crash() and start() (for
 * durability tests) and a stop() that shuts it down and deletes it. `durable: true` keeps fsync and synchronous commits (for crash
 * tests); by default they are off, which is faster and fine for data nobody keeps. Throws when
 * no PostgreSQL binaries can be found or installed; the caller decides whether that fails the
 * run or skips the PostgreSQL tests.
 */
export async function startPostgres({ log = (m) => console.error(m), durable = false } = {}) {
	let bin = findPostgresBin();
	if (!bin) {
		installPostgres(log);
		bin = findPostgresBin();
	}
	if (!bin) {
		throw new Error(
			`PostgreSQL binaries not found under ${PG_ROOT}/*/bin (install the Debian package ` +
				'postgresql, or set PG_BIN_DIR)'
		);
	}
	const asPostgres = isRoot(); // postgres refuses to run as root
	const base = mkdtempSync(join(tmpdir(), 'parallax-pg-'));
	const dataDir = join(base, 'data');
	const socketDir = join(base, 'socket');
	const pwFile = join(base, 'pwfile');
	const password = randomBytes(18).toString('hex');
	let stopped = false;
	const pgCtl = join(bin, 'pg_ctl');
	const removeBase = () => rmSync(base, { recursive: true, force: true });
	// a crashed or interrupted test run must not leave a server running
	const emergencyStop = () => {
		spawnSync(asPostgres ? 'runuser' : pgCtl, [
			...(asPostgres ? ['-u', 'postgres', '--', pgCtl] : []),
			...['-D', dataDir, '-m', 'immediate', 'stop']
		]);
		removeBase();
	};
	try {
		mkdirSync(dataDir);
		mkdirSync(socketDir);
		// a real file, not <(echo …): runuser'd initdb cannot open the caller's /dev/fd
		writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
		chmodSync(dataDir, 0o700);
		if (asPostgres) {
			run('chown', ['-R', 'postgres:postgres', base]);
			try {
				run('test', ['-w', base], { asPostgres });
			} catch {
				throw new Error(`user postgres cannot write to ${base}; point TMPDIR somewhere it can`);
			}
		}
		const locale = existsSync('/usr/lib/locale/C.utf8') ? ['--locale=C.UTF-8'] : ['--no-locale'];
		const t0 = Date.now();
		run(
			join(bin, 'initdb'),
			[
				...['-D', dataDir, '-U', 'postgres', '-E', 'UTF8', ...locale],
				...['--auth-local=trust', '--auth-host=scram-sha-256', `--pwfile=${pwFile}`]
			],
			{ asPostgres }
		);
		let port;
		let options;
		const logFile = join(base, 'server.log');
		for (let attempt = 1; ; attempt++) {
			port = await freePort();
			const settings = [`listen_addresses=127.0.0.1`, `port=${port}`];
			settings.push(`unix_socket_directories=${socketDir}`, ...(durable ? [] : SERVER_SETTINGS));
			// pg_ctl hands -o to a shell: quote each setting
			options = settings.map((s) => `-c '${s.replaceAll("'", `'\\''`)}'`).join(' ');
			try {
				run(pgCtl, ['-D', dataDir, '-l', logFile, '-o', options, '-w', '-t', '60', 'start'], {
					asPostgres
				});
				break;
			} catch (e) {
				if (attempt >= START_ATTEMPTS) {
					const tail = existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-2000) : '';
					throw new Error(`${e.message}\nserver log:\n${tail}`, { cause: e });
				}
				log(`postgres: start on port ${port} failed, retrying`);
			}
		}
		process.once('exit', emergencyStop);
		const adminUrl = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
		await createDatabase(adminUrl);
		const url = `postgres://postgres:${password}@127.0.0.1:${port}/${DATABASE}`;
		log(`postgres: ${bin} on 127.0.0.1:${port} ready in ${Date.now() - t0} ms (${base})`);
		return {
			url,
			adminUrl,
			/**
			 * Stop the server the way a crash would (immediate: no checkpoint, so the next start
			 * replays the WAL), keeping its data, for durability tests.
			 */
			async crash() {
				run(pgCtl, ['-D', dataDir, '-m', 'immediate', '-w', 'stop'], { asPostgres });
			},
			/** Start it again on the same data and port (after crash()). */
			async start() {
				// -l again: without a log file the server would hold this process's pipes open
				run(pgCtl, ['-D', dataDir, '-l', logFile, '-o', options, '-w', '-t', '60', 'start'], {
					asPostgres
				});
			},
			async stop() {
				if (stopped) return;
				stopped = true;
				process.removeListener('exit', emergencyStop);
				try {
					run(pgCtl, ['-D', dataDir, '-m', 'fast', '-w', 'stop'], { asPostgres });
				} finally {
					removeBase();
				}
			}
		};
	} catch (e) {
		process.removeListener('exit', emergencyStop);
		if (existsSync(join(dataDir, 'postmaster.pid'))) emergencyStop();
		else removeBase();
		throw e;
	}
}

// CLI: start one, print its url on stdout (logs go to stderr), stop on SIGINT/SIGTERM
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const server = await startPostgres();
	console.log(server.url);
	const shutdown = async (signal) => {
		await server.stop();
		console.error(`postgres: stopped (${signal})`);
		process.exit(0);
	};
	process.once('SIGINT', shutdown);
	process.once('SIGTERM', shutdown);
	setInterval(() => {}, 1 << 30); // stay alive until a signal
}

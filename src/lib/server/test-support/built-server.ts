import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Starting the real adapter-node build for HTTP-level tests and benchmarks (not used by the app).

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer().listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
		server.on('error', reject);
	});
}

/** A running `node build`. */
export interface BuiltServer {
	origin: string;
	/** the embedded database folder (kept across restarts of the same server) */
	dataDir: string;
	process: ChildProcess;
	/** SIGTERM and wait for the exit */
	stop(): Promise<void>;
	/** SIGKILL (a crash) and wait for the exit */
	crash(): Promise<void>;
	/** remove the data folder (after stop or crash) */
	cleanUp(): void;
}

/**
 * Start `node build` from `root` on `port` (default: a free one; `unset` names variables to leave
 * out; `nodeArgs` go to node before `build`, e.g. --cpu-prof); resolves once it listens.
 */
export async function startBuild(
	root: string,
	options: {
		dataDir?: string;
		env?: Record<string, string>;
		unset?: string[];
		port?: number;
		nodeArgs?: string[];
	} = {}
): Promise<BuiltServer> {
	const port = options.port ?? (await freePort());
	const origin = `http://127.0.0.1:${port}`;
	const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'parallax-build-'));
	const env: Record<string, string | undefined> = {
		...process.env,
		PORT: String(port),
		HOST: '127.0.0.1',
		ORIGIN: origin,
		PARALLAX_DATA_DIR: dataDir,
		BODY_SIZE_LIMIT: '2M',
		...options.env
	};
	// e.g. ORIGIN, to start the build as a plain `node build` is started
	for (const name of options.unset ?? []) delete env[name];
	const child = spawn(process.execPath, [...(options.nodeArgs ?? []), 'server.js'], {
		cwd: root,
		env,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let log = '';
	await new Promise<void>((resolve, reject) => {
		const seen = (chunk: Buffer) => {
			log += chunk.toString();
			if (log.includes('Listening on')) resolve();
		};
		child.stdout!.on('data', seen);
		child.stderr!.on('data', seen);
		child.once('exit', (code) => reject(new Error(`node server.js exited (${code}):\n${log}`)));
	});
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	return {
		origin,
		dataDir,
		process: child,
		stop: async () => {
			child.kill('SIGTERM');
			await exited;
		},
		crash: async () => {
			child.kill('SIGKILL');
			await exited;
		},
		cleanUp: () => rmSync(dataDir, { recursive: true, force: true })
	};
}

/** A fresh database on the test PostgreSQL server (TEST_DATABASE_URL), dropped afterwards. */
export async function freshPostgres(): Promise<{ url: string; drop: () => Promise<void> }> {
	const { default: pg } = await import('pg');
	const admin = process.env.TEST_DATABASE_URL!;
	const name = `parallax_built_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
	const client = new pg.Client({ connectionString: admin });
	await client.connect();
	await client.query(`create database ${name}`);
	await client.end();
	const url = new URL(admin);
	url.pathname = `/${name}`;
	return {
		url: url.toString(),
		drop: async () => {
			const c = new pg.Client({ connectionString: admin });
			await c.connect();
			await c.query(`drop database if exists ${name} with (force)`);
			await c.end();
		}
	};
}

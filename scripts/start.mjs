#!/usr/bin/env node
// `npm start`: build when the build is missing or older than the sources, then serve it with
// adapter-node on PORT/HOST (default 127.0.0.1:3000) and the embedded database in ./data.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const SOURCES = ['src', 'static', 'drizzle', 'svelte.config.js', 'vite.config.ts', 'package.json'];

/** Newest modification time below a path (files and folders). */
function newest(path) {
	if (!existsSync(path)) return 0;
	const st = statSync(path);
	if (!st.isDirectory()) return st.mtimeMs;
	let max = st.mtimeMs;
	for (const name of readdirSync(path)) max = Math.max(max, newest(join(path, name)));
	return max;
}

const marker = join(ROOT, 'build', 'handler.js');
const builtAt = existsSync(marker) ? statSync(marker).mtimeMs : 0;
const sourcesAt = Math.max(...SOURCES.map((s) => newest(join(ROOT, s))));
if (builtAt < sourcesAt) {
	console.log(builtAt ? 'Sources changed since the last build: rebuilding…' : 'Building Parallax…');
	const r = spawnSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
	if (r.status !== 0) process.exit(r.status ?? 1);
}

const env = { ...process.env };
env.PORT ??= '3000';
env.HOST ??= '127.0.0.1';
// adapter-node needs ORIGIN to build absolute URLs and for the form origin check
env.ORIGIN ??= `http://${env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST}:${env.PORT}`;
// bodies above this are refused with 413 before any handler runs (two 200k-character articles fit)
env.BODY_SIZE_LIMIT ??= '2M';
console.log(
	`Parallax on ${env.ORIGIN} (database: ${env.DATABASE_URL ? 'PostgreSQL' : 'embedded, ./data'})`
);

// server.js: adapter-node's handler behind the fast lane for annotation creates
const server = spawn(process.execPath, ['server.js'], { cwd: ROOT, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));

/**
 * `npm run bench`: the performance figures of PRODUCT.md §8, measured on this machine and written
 * to BENCHMARKS.md. Engine timings (seed pair, 2 × 10,000 and 2 × 20,000 words), the viewer's
 * initial JavaScript as Chromium loads it (gzip), and annotation-create latency against
 * `node build` with several browser sessions, and the classroom's live fan-out. Builds the app
 * first when there is no build.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { normalizeText } from '../src/lib/domain/text/normalize';
import { loadEcbPlus } from './eval/ecbplus';
import { startBuild } from '../src/lib/server/test-server';
import { measureFanout, percentile } from './bench/fanout';
import { runTimings } from './eval/timing';

const SEED_A = 'seeds/000_22ed28cde7db5cf9.txt';
const SEED_B = 'seeds/004_cb2015502c2df88f.txt';
const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--no-first-run',
	'--disable-background-networking'
];

/** The viewer's initial JavaScript: every script Chromium loads for the home page, gzip-compressed. */
async function measureClientJs(origin: string) {
	const browser = await chromium.launch({
		executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
		args: CHROMIUM_ARGS
	});
	const page = await browser.newPage();
	const scripts: { url: string; raw: number; gzip: number }[] = [];
	page.on('response', async (response) => {
		if (response.request().resourceType() !== 'script') return;
		const body = await response.body().catch(() => null);
		if (body)
			scripts.push({
				url: response.url(),
				raw: body.length,
				gzip: gzipSync(body, { level: 9 }).length
			});
	});
	await page.goto(`${origin}/`, { waitUntil: 'networkidle' });
	await browser.close();
	const raw = scripts.reduce((sum, s) => sum + s.raw, 0);
	const gzip = scripts.reduce((sum, s) => sum + s.gzip, 0);
	return { files: scripts.length, raw, gzip };
}

/** Annotation-create latency: `sessions` browsers each write `perSession` notes, `concurrency` at a time. */
async function measureCreates(origin: string, sessions = 20, perSession = 25, concurrency = 10) {
	const listing = await fetch(`${origin}/api/comparisons/seed/annotations`);
	if (!listing.ok) throw new Error(`annotation list: ${listing.status}`);
	// the article version is the sha-256 of the normalised text, as the server computes it
	const text = normalizeText(readFileSync(SEED_A, 'utf8')).text;
	const version = createHash('sha256').update(text).digest('hex');
	const cookies: string[] = [];
	const times: number[] = [];
	const post = async (session: number) => {
		const body = {
			id: crypto.randomUUID(),
			kind: 'note',
			targets: [{ side: 'a', articleVersion: version, start: 0, end: 4, exact: text.slice(0, 4) }],
			note: `bench note ${session}`
		};
		const t0 = performance.now();
		const response = await fetch(`${origin}/api/comparisons/seed/annotations`, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				origin,
				...(cookies[session] ? { cookie: cookies[session] } : {})
			},
			body: JSON.stringify(body)
		});
		times.push(performance.now() - t0);
		if (response.status !== 201)
			throw new Error(`create answered ${response.status}: ${await response.text()}`);
		const set = response.headers.get('set-cookie');
		if (set && !cookies[session]) cookies[session] = set.split(';')[0];
	};
	// first write of each session creates its workspace; then the rest, `concurrency` in flight
	for (let s = 0; s < sessions; s++) await post(s);
	const queue: number[] = [];
	for (let i = 1; i < perSession; i++) for (let s = 0; s < sessions; s++) queue.push(s);
	const started = performance.now();
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			for (let s = queue.shift(); s !== undefined; s = queue.shift()) await post(s);
		})
	);
	const seconds = (performance.now() - started) / 1000;
	times.sort((x, y) => x - y);
	return {
		writes: times.length,
		p50: percentile(times, 50),
		p99: percentile(times, 99),
		perSecond: (times.length - sessions) / seconds
	};
}

const fmt = (n: number, digits = 1) => n.toFixed(digits);

if (!existsSync('build/handler.js')) {
	console.log('No build: running vite build…');
	const r = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
	if (r.status !== 0) process.exit(r.status ?? 1);
}

const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}, load average ${loadavg()
	.map((l) => l.toFixed(2))
	.join(' / ')} at start`;
console.log(machine);
const timings = runTimings(SEED_A, SEED_B, loadEcbPlus().docs);
const server = await startBuild(process.cwd());
let js, creates, fanout;
try {
	js = await measureClientJs(server.origin);
	creates = await measureCreates(server.origin);
	const text = normalizeText(readFileSync(SEED_A, 'utf8')).text;
	const version = createHash('sha256').update(text).digest('hex');
	fanout = await measureFanout(server.origin, { text, version });
} finally {
	await server.stop();
	server.cleanUp();
}
const growth = timings[2].analysisMs / timings[1].analysisMs;
const report = `# Benchmarks

Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}. Machine: ${machine}.
Figures on a shared 2-core machine move with its load; compare runs on a quiet machine.

## Engine (segmentation + analysis, median after warm-up)

| input | words per article | shared facts (ms) | whole analysis (ms) | target |
|---|---|---|---|---|
${timings.map((t, i) => `| ${t.name} | ${t.words.toLocaleString('en')} | ${fmt(t.sharedFactsMs)} | ${fmt(t.analysisMs)} | ${['≤ 50 ms', '', '≤ 300 ms'][i]} |`).join('\n')}

Growth from 2 × 10,000 to 2 × 20,000 words: × ${fmt(growth, 2)} (linear would be × 2).

## Viewer: initial JavaScript (home page, as Chromium loads it)

${js.files} script files, ${(js.raw / 1024).toFixed(1)} KB raw, **${(js.gzip / 1024).toFixed(1)} KB gzip** (target ≤ 100 KB gzip).

## Annotation create (POST /api/comparisons/seed/annotations against \`node build\`, embedded database)

${creates.writes} writes from 20 browser sessions, 10 in flight: p50 **${fmt(creates.p50)} ms**, p99 **${fmt(creates.p99)} ms**
(target p99 ≤ 200 ms), ${fmt(creates.perSecond, 0)} writes/s.

## Classroom live fan-out (Server-Sent Events, embedded database, one process)

${fanout.rooms} rooms × ${fanout.listeners} listeners, students writing at ${fmt(fanout.achievedRate, 0)} writes/s
for ${fanout.writes} writes. Write ack: p50 **${fmt(fanout.ackP50)} ms**, p99 **${fmt(fanout.ackP99)} ms**
(target ≤ 200 ms). Fan-out (write sent → event read by a listener of the room):
p50 **${fmt(fanout.fanoutP50)} ms**, p99 **${fmt(fanout.fanoutP99)} ms** (target ≤ 250 ms);
${fanout.deliveries} of ${fanout.expected} deliveries seen. The load generator runs on the same two cores.
`;
writeFileSync('BENCHMARKS.md', report);
console.log(report);

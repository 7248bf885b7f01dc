/**
 * `npm run bench`: the performance figures of PRODUCT.md §8, measured on this machine and written
 * to BENCHMARKS.md. Engine timings (seed pair, 2 × 10,000 and 2 × 20,000 words), the viewer's
 * initial JavaScript as Chromium loads it (gzip), Lighthouse scores of the main pages,
 * annotation-create latency against `node build` with several browser sessions, and the
 * classroom's live fan-out. Builds the app first when there is no build.
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
import { measureCreates } from './bench/creates';
import { measureFanout } from './bench/fanout';
import { measureLighthouse, type LighthouseScore } from './bench/lighthouse';
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
let js, creates, fanout, lighthouse: LighthouseScore[];
try {
	js = await measureClientJs(server.origin);
	// before the write-heavy runs, so the pages are measured on a quiet server
	lighthouse = await measureLighthouse(server.origin);
	creates = await measureCreates(server.origin, SEED_A);
	const text = normalizeText(readFileSync(SEED_A, 'utf8')).text;
	const version = createHash('sha256').update(text).digest('hex');
	fanout = await measureFanout(server.origin, { text, version });
} finally {
	await server.stop();
	server.cleanUp();
}
const growth = timings[2].analysisMs / timings[1].analysisMs;
const lighthouseRows = lighthouse
	.map(
		(l) =>
			`| \`${l.path}\` | ${l.preset} | **${l.performance}** | **${l.accessibility}** | ${l.bestPractices} | ${fmt(l.lcpMs, 0)} | ${fmt(l.tbtMs, 0)} | ${l.failed.join(', ') || '—'} |`
	)
	.join('\n');
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

## Lighthouse 12.8.2 (\`node build\`, Debian's Chromium; targets: performance ≥ 95, accessibility 100)

Mobile is Lighthouse's default (simulated slow 4G, 4× CPU slowdown); desktop its desktop preset.
\`/\` is the reading view of the seed comparison (both full texts and every analysis panel).

| page | preset | performance | accessibility | best practices | LCP (ms) | TBT (ms) | failed accessibility audits |
|---|---|---|---|---|---|---|---|
${lighthouseRows}

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

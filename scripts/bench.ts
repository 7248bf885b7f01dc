/**
 * `npm run bench`: the performance figures of PRODUCT.md §8, measured on this machine and written
 * to BENCHMARKS.md. Engine timings (seed pair, 2 × 10,000 and 2 × 20,000 words), the viewer's
 * initial JavaScript as Chromium loads it (gzip), Lighthouse scores of the main pages, and the
 * capacity of one `node build` process: annotation creates and the classroom's live fan-out at a
 * stepped-up offered rate, with the server's CPU time per write beside a bare INSERT and a refused
 * request of the same run. Builds the app first when there is no build.
 *
 * The `proxy` part runs the same fan-out climb through nginx in front of one and then two
 * instances on one PostgreSQL (scripts/bench/proxy.ts).
 *
 * For trying it out: BENCH_ONLY=engine,js,lighthouse,creates,fanout,proxy picks parts (the report
 * is then printed, BENCHMARKS.md left alone, except that BENCH_ONLY=proxy replaces its own section
 * there); BENCH_RATES_CREATES / BENCH_RATES_FANOUT ("25,50"), BENCH_STEP_SECONDS, BENCH_ROOMS,
 * BENCH_LISTENERS, BENCH_LIGHTHOUSE_PAGES ("/,/library"), BENCH_LIGHTHOUSE_PRESETS ("mobile") and
 * BENCH_PROXY_INSTANCES ("1,2") make it smaller; BENCH_PORT picks the server's port (and
 * BENCH_PROXY_PORT nginx's); BENCH_CPU_PROF=dir has the server write a V8 CPU profile
 * (`node --cpu-prof`) there.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { normalizeText } from '../src/lib/domain/text/normalize';
import { loadEcbPlus } from './eval/ecbplus';
import { startBuild } from '../src/lib/server/test-support/built-server';
import {
	measureBareInsert,
	type BareInsert,
	percentile,
	processCpuMs,
	type Capacity,
	type RateStep
} from './bench/capacity';
import { CREATE_P99_MS, measureCreates } from './bench/creates';
import { FANOUT_ACK_P99_MS, FANOUT_DELIVERY_P99_MS, measureFanout } from './bench/fanout';
import { LIGHTHOUSE_PAGES, measureLighthouse, type LighthouseScore } from './bench/lighthouse';
import { measureBehindNginx, type ProxyRun } from './bench/proxy';
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

// the browser parts need Debian's Chromium: installed when missing (root on Debian), as `npm test` does
const APT_LIB = './lib/apt.mjs';
/** Chromium's path, installed when missing; a clear error when it cannot be had. */
async function chromiumPath(): Promise<string> {
	const { ensureChromium } = (await import(APT_LIB)) as { ensureChromium(): string | null };
	const found = ensureChromium();
	if (!found)
		throw new Error(
			`No Chromium at ${process.env.CHROME_PATH ?? '/usr/bin/chromium'} and it could not be installed: install Debian's chromium (apt-get install chromium) or set CHROME_PATH, or leave out the js and lighthouse parts (BENCH_ONLY).`
		);
	return found;
}

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

const ALL_PARTS = ['engine', 'js', 'lighthouse', 'creates', 'fanout', 'proxy'];
const parts = new Set(process.env.BENCH_ONLY?.split(',').map((p) => p.trim()) ?? ALL_PARTS);
const numbers = (raw: string | undefined, fallback: number[]) =>
	raw ? raw.split(',').map(Number) : fallback;
const CREATE_RATES = numbers(process.env.BENCH_RATES_CREATES, [25, 50, 100, 150, 200, 300, 400]);
const FANOUT_RATES = numbers(process.env.BENCH_RATES_FANOUT, [25, 50, 100, 150, 200, 300]);
const STEP_SECONDS = Number(process.env.BENCH_STEP_SECONDS ?? 5);
const ROOMS = Number(process.env.BENCH_ROOMS ?? 10);
const LISTENERS = Number(process.env.BENCH_LISTENERS ?? 35);
const PROXY_INSTANCES = numbers(process.env.BENCH_PROXY_INSTANCES, [1, 2]);
/** Writes per second a class of 35 makes in PRODUCT.md §8's load (100 writes/s over 10 rooms). */
const CLASS_RATE = 10;

/**
 * Server CPU per request for a write refused before any query (an unknown room: 404): what the
 * HTTP layer, the hooks and reading the JSON body cost, the floor under every write.
 */
async function measureRefused(origin: string, pid: number | undefined, count = 300) {
	const body = JSON.stringify({ id: crypto.randomUUID(), kind: 'note', targets: [], note: '' });
	const send = async (i: number) => {
		const response = await fetch(`${origin}/api/rooms/${crypto.randomUUID()}/annotations`, {
			method: 'POST',
			// each its own address: anonymous writes are rate-limited per address
			headers: {
				'content-type': 'application/json',
				origin,
				'x-forwarded-for': `10.1.${i >> 8}.${i & 255}`
			},
			body
		});
		await response.arrayBuffer();
		if (response.status !== 404) throw new Error(`refused request answered ${response.status}`);
	};
	for (let i = 0; i < 50; i++) await send(i);
	const cpu = processCpuMs(pid);
	for (let i = 0; i < count; i++) await send(50 + i);
	return (processCpuMs(pid) - cpu) / count;
}

if (!existsSync('build/handler.js')) {
	console.log('No build: running vite build…');
	const r = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
	if (r.status !== 0) process.exit(r.status ?? 1);
}

/** The load averages (1, 5, 15 minutes). */
const loads = () =>
	loadavg()
		.map((l) => l.toFixed(2))
		.join(' / ');
const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}, load average ${loads()} at start`;
console.log(machine);
const timings = parts.has('engine') ? runTimings(SEED_A, SEED_B, loadEcbPlus().docs) : undefined;
const seedText = normalizeText(readFileSync(SEED_A, 'utf8')).text;
const seedVersion = createHash('sha256').update(seedText).digest('hex');
/** The classes' load, the same for one process and for the deployment behind nginx. */
const fanoutLoad = {
	rooms: ROOMS,
	listeners: LISTENERS,
	rates: FANOUT_RATES,
	seconds: STEP_SECONDS,
	text: seedText,
	version: seedVersion
};
const needsServer = ['js', 'lighthouse', 'creates', 'fanout'].some((p) => parts.has(p));
// the classes' load generator stands for schools behind their own addresses (X-Forwarded-For)
const server = needsServer
	? await startBuild(process.cwd(), {
			env: { ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' },
			// BENCH_CPU_PROF=dir: the server writes a V8 CPU profile there when it stops
			nodeArgs: process.env.BENCH_CPU_PROF
				? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
				: [],
			port: process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : undefined
		})
	: undefined;
const pid = server?.process.pid;
let js, lighthouse: LighthouseScore[] | undefined, creates: Capacity | undefined;
let fanout: (Capacity & { rooms: number; listeners: number }) | undefined;
let bare: BareInsert | undefined, refusedCpu: number | undefined;
try {
	if (server && (parts.has('js') || parts.has('lighthouse')))
		process.env.CHROME_PATH = await chromiumPath();
	if (server && parts.has('js')) js = await measureClientJs(server.origin);
	// before the write-heavy runs, so the pages are measured on a quiet server
	if (server && parts.has('lighthouse'))
		lighthouse = await measureLighthouse(
			server.origin,
			process.env.BENCH_LIGHTHOUSE_PAGES?.split(',') ?? LIGHTHOUSE_PAGES,
			(process.env.BENCH_LIGHTHOUSE_PRESETS?.split(',') as ('mobile' | 'desktop')[]) ?? [
				'mobile',
				'desktop'
			]
		);
	if (server && (parts.has('creates') || parts.has('fanout'))) {
		const rates = [
			...new Set([
				...(parts.has('creates') ? CREATE_RATES : []),
				...(parts.has('fanout') ? FANOUT_RATES : [])
			])
		].sort((x, y) => x - y);
		bare = await measureBareInsert(300, rates);
		refusedCpu = await measureRefused(server.origin, pid);
		console.log(
			`bare INSERT ${fmt(bare.wallMs, 2)} ms (${fmt(bare.cpuMs, 2)} ms CPU; paced: ${[...bare.pacedCpuMs].map(([r, c]) => `${fmt(c, 2)} at ${r}/s`).join(', ')}); refused request ${fmt(refusedCpu, 2)} ms server CPU`
		);
	}
	if (server && parts.has('creates')) {
		console.log('annotation creates:');
		creates = await measureCreates(server.origin, SEED_A, {
			rates: CREATE_RATES,
			seconds: STEP_SECONDS,
			pid
		});
	}
	if (server && parts.has('fanout')) {
		console.log(`live fan-out, ${ROOMS} rooms × ${LISTENERS} listeners:`);
		fanout = await measureFanout(server.origin, { ...fanoutLoad, pid });
	}
} finally {
	await server?.stop();
	server?.cleanUp();
}
// after the one-process server stopped: the deployment behind nginx needs the cores
const proxyRuns: ProxyRun[] | undefined = parts.has('proxy')
	? await measureBehindNginx({
			...fanoutLoad,
			counts: PROXY_INSTANCES,
			port: process.env.BENCH_PROXY_PORT ? Number(process.env.BENCH_PROXY_PORT) : undefined
		})
	: undefined;

/** The step at the sustained rate (the last that met its targets), if any. */
const sustainedStep = (c: Capacity): RateStep | undefined => c.steps.filter((s) => s.ok).at(-1);

/**
 * A climb's steps as a Markdown table; `paced` adds each step's CPU ÷ the embedded bare INSERT at
 * its pace (not for the PostgreSQL deployments: a different database).
 */
function stepTable(c: Capacity, fan: boolean, paced = true): string {
	const columns = [
		'offered (writes/s)',
		'acked (writes/s)',
		'ack p50 / p99 (ms)',
		...(fan ? ['delivery p50 / p99 (ms)', 'deliveries'] : ['failed']),
		'server CPU per write (ms)',
		...(paced ? ['÷ bare INSERT at this pace'] : []),
		'within target'
	];
	const head = `| ${columns.join(' | ')} |\n|${columns.map(() => '---|').join('')}`;
	const rows = c.steps.map((s) => {
		const cells = [
			String(s.rate),
			fmt(s.achieved, 0),
			`${fmt(s.ackP50)} / ${fmt(s.ackP99)}`,
			...(fan
				? [
						`${fmt(s.deliveryP50 ?? NaN)} / ${fmt(s.deliveryP99 ?? NaN)}`,
						`${s.delivered} of ${s.expected}`
					]
				: [String(s.failed)]),
			fmt(s.cpuPerWrite, 2),
			...(paced ? [fmt(pacedRatio(s), 1)] : []),
			s.ok ? 'yes' : '**no**'
		];
		return `| ${cells.join(' | ')} |`;
	});
	return [head, ...rows].join('\n');
}

/** Which path served a climb's writes: the fast lane (server.js) or SvelteKit. */
function laneShare(c: Capacity): string {
	const writes = c.steps.reduce((n, s) => n + s.writes, 0);
	const lane = c.steps.reduce((n, s) => n + s.laneServed, 0);
	return `Served by the fast lane in front of SvelteKit: **${lane} of ${writes}** writes (the rest by SvelteKit's route).`;
}

/** A step's server CPU per write ÷ a bare INSERT's CPU at the same offered rate (NaN unmeasured). */
function pacedRatio(s: RateStep): number {
	const paced = bare?.pacedCpuMs.get(s.rate);
	return paced === undefined ? NaN : s.cpuPerWrite / paced;
}

/** Median of a per-step figure over the steps that met their targets (all steps if none did). */
function medianOverSteps(c: Capacity, figure: (s: RateStep) => number): number {
	const steps = c.steps.some((s) => s.ok) ? c.steps.filter((s) => s.ok) : c.steps;
	return percentile(
		steps.map(figure).sort((x, y) => x - y),
		50
	);
}

/** Median server CPU per write, and median ratio to the bare INSERT at each step's pace. */
const cpuPerWrite = (c: Capacity) => medianOverSteps(c, (s) => s.cpuPerWrite);
const medianPacedRatio = (c: Capacity) => medianOverSteps(c, pacedRatio);

const sections: string[] = [];
if (timings) {
	const growth = timings[2].analysisMs / timings[1].analysisMs;
	sections.push(`## Engine (segmentation + analysis, median after warm-up)

| input | words per article | shared facts (ms) | whole analysis (ms) | target |
|---|---|---|---|---|
${timings.map((t, i) => `| ${t.name} | ${t.words.toLocaleString('en')} | ${fmt(t.sharedFactsMs)} | ${fmt(t.analysisMs)} | ${['≤ 50 ms', '', '≤ 300 ms'][i]} |`).join('\n')}

Growth from 2 × 10,000 to 2 × 20,000 words: × ${fmt(growth, 2)} (linear would be × 2).`);
}
if (js)
	sections.push(`## Viewer: initial JavaScript (home page, as Chromium loads it)

${js.files} script files, ${(js.raw / 1024).toFixed(1)} KB raw, **${(js.gzip / 1024).toFixed(1)} KB gzip** (target ≤ 100 KB gzip).`);
if (lighthouse) {
	const rows = lighthouse
		.map(
			(l) =>
				`| \`${l.path}\` | ${l.preset} | **${l.performance}** | **${l.accessibility}** | ${l.bestPractices} | ${fmt(l.lcpMs, 0)} | ${fmt(l.tbtMs, 0)} | ${l.failed.join(', ') || '—'} |`
		)
		.join('\n');
	sections.push(`## Lighthouse 12.8.2 (\`node build\`, Debian's Chromium; targets: performance ≥ 95, accessibility 100)

Mobile is Lighthouse's default (simulated slow 4G, 4× CPU slowdown); desktop its desktop preset.
\`/\` is the reading view of the seed comparison (both full texts; the analysis panels load when opened).

| page | preset | performance | accessibility | best practices | LCP (ms) | TBT (ms) | failed accessibility audits |
|---|---|---|---|---|---|---|---|
${rows}`);
}
if (bare && refusedCpu !== undefined)
	sections.push(`## One process's capacity (\`node build\`, embedded database)

The offered write rate is stepped up (${STEP_SECONDS} s per step, an open loop: each write is sent when
due, whether or not earlier ones were answered, and its latency counts from then); the sustained rate is
the highest step that met every target. Server CPU is the \`node build\` process's user + system time over
the step (from /proc) divided by its writes; the embedded database runs inside that process, so it is
all of a write's cost. The load generator runs on the same cores.

For scale, measured in the same run: a **bare INSERT** round trip (one row, drizzle, PGlite on the same
disk, in the bench process) takes **${fmt(bare.wallMs, 2)} ms** (${fmt(bare.cpuMs, 2)} ms CPU) back to back. Sent at
an offered rate, with the process asleep between INSERTs as the server is between writes, each costs
more CPU (waking up is not free on this machine): ${[...bare.pacedCpuMs].map(([r, c]) => `${fmt(c, 2)} ms at ${r}/s`).join(', ')}.
Each step's write is compared with the INSERT at its own pace. A write the
server **refuses before any query** (an unknown room: 404) costs **${fmt(refusedCpu, 2)} ms** of server CPU
(HTTP, hooks, reading the JSON body).`);
if (creates && bare) {
	const cpu = cpuPerWrite(creates);
	sections.push(`### Annotation create (POST /api/comparisons/seed/annotations, a personal room per browser session)

${stepTable(creates, false)}

Sustained: **${creates.sustained} writes/s** with p99 ≤ ${CREATE_P99_MS} ms (p99 ${fmt(sustainedStep(creates)?.ackP99 ?? NaN)} ms there).
Server CPU per create: **${fmt(cpu, 2)} ms** = ${fmt(cpu / bare.cpuMs, 1)} × a bare INSERT's CPU in a tight loop;
step by step, **${fmt(medianPacedRatio(creates), 1)} ×** a bare INSERT sent at the same pace (median over the steps).
${laneShare(creates)}`);
}
if (fanout && bare) {
	const cpu = cpuPerWrite(fanout);
	const perCore = 1000 / cpu;
	sections.push(`### Classroom live fan-out (Server-Sent Events, ${fanout.rooms} rooms × ${fanout.listeners} listeners)

${stepTable(fanout, true)}

Sustained: **${fanout.sustained} writes/s** with ack p99 ≤ ${FANOUT_ACK_P99_MS} ms and delivery p99 ≤ ${FANOUT_DELIVERY_P99_MS} ms
(target: 100 writes/s). Server CPU per write, its delivery to ${fanout.listeners} streams included:
**${fmt(cpu, 2)} ms** = ${fmt(cpu / bare.cpuMs, 1)} × a bare INSERT's CPU in a tight loop (step by step,
**${fmt(medianPacedRatio(fanout), 1)} ×** a bare INSERT sent at the same pace), so one process (one core) has room for
about ${fmt(perCore, 0)} writes/s: **${Math.floor(perCore / CLASS_RATE)} classes of ${fanout.listeners}** writing ${CLASS_RATE} writes/s each
(PRODUCT.md §8's 100 writes/s over 10 classes); measured here, ${Math.floor(fanout.sustained / CLASS_RATE)} such classes within the targets.
${laneShare(fanout)}`);
}

/** Where the proxy section starts and ends (BENCH_ONLY=proxy replaces it in place). */
const PROXY_START = '<!-- bench: proxy -->';
const PROXY_END = '<!-- /bench: proxy -->';
let proxySection: string | undefined;
if (proxyRuns?.length) {
	const at = (run: ProxyRun) => sustainedStep(run.fanout);
	const summary = proxyRuns
		.map(
			(run) =>
				`| ${run.instances} | ${run.fanout.rooms * run.fanout.listeners} | **${run.fanout.sustained}** | ${at(run) ? fmt(at(run)!.ackP99) : '—'} | ${at(run) ? fmt(at(run)!.deliveryP99 ?? NaN) : '—'} | ${fmt(cpuPerWrite(run.fanout), 2)} |`
		)
		.join('\n');
	const tables = proxyRuns
		.map(
			(run) =>
				`#### ${run.instances} instance${run.instances > 1 ? 's' : ''}\n\n${stepTable(run.fanout, true, false)}`
		)
		.join('\n\n');
	proxySection = `${PROXY_START}
## Behind nginx: one and two instances on one PostgreSQL

\`scripts/two-instances.mjs\` (nginx ${proxyRuns[0].nginx}, Debian's package; PostgreSQL with its durable defaults), the
same fan-out climb as above through the proxy (${STEP_SECONDS} s per step; live streams and writes all pass nginx).
Measured on ${new Date().toISOString().slice(0, 10)}, ${machine}. PostgreSQL, nginx, the instances and the load
generator share the machine's cores, so a second instance adds no core here: these figures show
that two instances behind the proxy hold the same class load correctly, not how far two machines scale.
Server CPU per write is the instances' CPU summed (PostgreSQL's and nginx's are not in it).

| instances | listeners | sustained (writes/s) | ack p99 there (ms) | delivery p99 there (ms) | instance CPU per write (ms) |
|---|---|---|---|---|---|
${summary}

${tables}
${PROXY_END}`;
	sections.push(proxySection);
}

const report = `# Benchmarks

Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}. Machine: ${machine}, ${loads()} at the end.
Figures on a shared 2-core machine move with its load; compare runs on a quiet machine (the ratio of
a write's server CPU to a bare INSERT's, both measured in the run, moves least).

${sections.join('\n\n')}
`;
if (parts.size === ALL_PARTS.length && ALL_PARTS.every((p) => parts.has(p)))
	writeFileSync('BENCHMARKS.md', report);
else if (parts.size === 1 && proxySection && existsSync('BENCHMARKS.md')) {
	// only the proxy part ran: replace its section (or add it at the end)
	const old = readFileSync('BENCHMARKS.md', 'utf8');
	const start = old.indexOf(PROXY_START);
	const end = old.indexOf(PROXY_END);
	const updated =
		start >= 0 && end > start
			? old.slice(0, start) + proxySection + old.slice(end + PROXY_END.length)
			: `${old.trimEnd()}\n\n${proxySection}\n`;
	writeFileSync('BENCHMARKS.md', updated);
	console.log('(BENCH_ONLY=proxy: its section of BENCHMARKS.md replaced)');
} else console.log('(BENCH_ONLY: BENCHMARKS.md left as it was)');
console.log(report);

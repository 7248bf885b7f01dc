/**
 * Capacity of one process: an offered write rate stepped up until the latency targets break, the
 * server's CPU time per write at each step (read from /proc, so a busy machine inflates it much
 * less than it inflates latencies), and a bare INSERT round trip of the same database engine
 * measured in the same run for scale.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '../../src/lib/server/db/connect';
import { workspace } from '../../src/lib/server/db/schema';

/** Percentile of sorted numbers. */
export function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * CPU time (user + system, ms) a process (or, summed, several) has used so far; NaN where /proc
 * is missing.
 */
export function processCpuMs(pid: number | (number | undefined)[] | undefined): number {
	if (Array.isArray(pid)) return pid.reduce<number>((sum, one) => sum + processCpuMs(one), 0);
	try {
		// fields after the command name: state is 3rd, utime 14th, stime 15th (clock ticks, 100/s)
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
		return (Number(fields[11]) + Number(fields[12])) * 10;
	} catch {
		return NaN;
	}
}

/** What one step of offered load gave. */
export interface RateStep {
	/** offered writes per second */
	rate: number;
	/** writes sent, and writes per second actually acknowledged over the step */
	writes: number;
	achieved: number;
	/** write acknowledgement latency from the moment each write was due (no coordinated omission) */
	ackP50: number;
	ackP99: number;
	/** answers other than 201 */
	failed: number;
	/** server CPU per write over the step, ms */
	cpuPerWrite: number;
	/** writes the server's fast lane answered (Server-Timing: fast-lane); the rest went through SvelteKit */
	laneServed: number;
	/** fan-out only: delay from due to the event read by a listener, and deliveries seen/expected */
	deliveryP50?: number;
	deliveryP99?: number;
	delivered?: number;
	expected?: number;
	/** whether the step met every target */
	ok: boolean;
}

/** The steps run and the highest offered rate that met the targets (0 if none did). */
export interface Capacity {
	steps: RateStep[];
	sustained: number;
}

/**
 * Offer each rate in turn (`run` measures one step) until one fails its targets; one failure
 * ends the climb, since a higher rate only queues more (BENCH_KEEP_CLIMBING=1 offers every rate
 * anyway: on a loaded machine, where no step meets the targets, what each rate was acked at).
 * A warm-up step comes first.
 */
export async function climb(
	rates: number[],
	run: (rate: number) => Promise<RateStep>,
	keepClimbing = process.env.BENCH_KEEP_CLIMBING === '1'
): Promise<Capacity> {
	// a first, unreported step at the lowest rate warms the JIT and the caches
	await run(Math.min(...rates));
	await new Promise((r) => setTimeout(r, 1000));
	const steps: RateStep[] = [];
	for (const rate of rates) {
		const step = await run(rate);
		steps.push(step);
		console.log(
			`  ${rate}/s offered: ${step.achieved.toFixed(0)}/s acked, ack p99 ${step.ackP99.toFixed(0)} ms` +
				(step.deliveryP99 === undefined
					? ''
					: `, delivery p99 ${step.deliveryP99.toFixed(0)} ms (${step.delivered}/${step.expected})`) +
				`, ${step.cpuPerWrite.toFixed(2)} ms CPU/write, ${step.laneServed}/${step.writes} by the fast lane` +
				(step.ok ? '' : ' — over target')
		);
		if (!step.ok && !keepClimbing) break;
		// let the server settle (GC, queues) before the next step
		await new Promise((r) => setTimeout(r, 1000));
	}
	const passed = steps.filter((s) => s.ok).map((s) => s.rate);
	return { steps, sustained: passed.length ? Math.max(...passed) : 0 };
}

/**
 * Send `rate × seconds` writes on a fixed schedule, not waiting for answers (an open loop, as
 * a class writes); resolves with each write's latency from the moment it was due.
 */
export async function offer(
	rate: number,
	seconds: number,
	send: (i: number, due: number) => Promise<number>
): Promise<{ latencies: number[]; statuses: number[]; achieved: number }> {
	const total = Math.max(1, Math.round(rate * seconds));
	const latencies: number[] = [];
	const statuses: number[] = [];
	const started = performance.now();
	const writes: Promise<void>[] = [];
	for (let i = 0; i < total; i++) {
		const due = started + (i * 1000) / rate;
		const wait = due - performance.now();
		if (wait > 0) await new Promise((r) => setTimeout(r, wait));
		writes.push(
			send(i, due).then(
				(status) => {
					latencies.push(performance.now() - due);
					statuses.push(status);
				},
				() => {
					latencies.push(performance.now() - due);
					statuses.push(0);
				}
			)
		);
	}
	await Promise.all(writes);
	const elapsed = (performance.now() - started) / 1000;
	latencies.sort((x, y) => x - y);
	return { latencies, statuses, achieved: total / elapsed };
}

/** A bare INSERT's cost: back to back (a tight loop) and paced at given offered rates. */
export interface BareInsert {
	wallMs: number;
	cpuMs: number;
	/** CPU ms per INSERT when the INSERTs come at an offered rate (writes/s), as the bench's writes do */
	pacedCpuMs: Map<number, number>;
}

/** Seconds of paced INSERTs per offered rate. */
const PACED_SECONDS = 2;

/**
 * A bare INSERT round trip (one row into `workspace`, through drizzle, autocommit) on a fresh
 * embedded database in a temp folder: the same engine, schema and disk as the server's. Wall
 * and CPU ms per INSERT back to back, median of three rounds; then CPU ms per INSERT sent at each
 * of `rates` per second. Paced, the process sleeps between INSERTs, and each wake-up costs (this
 * machine measured 0.45 ms CPU back to back, 0.69 at 100/s, 0.99 at 25/s): a server write at a
 * step is compared with an INSERT at the same pace, as well as with the tight loop.
 */
export async function measureBareInsert(count = 300, rates: number[] = []): Promise<BareInsert> {
	const dir = mkdtempSync(join(tmpdir(), 'parallax-bare-'));
	const database = await connect({ dataDir: dir });
	try {
		const insert = () => database.db.insert(workspace).values({ tokenHash: crypto.randomUUID() });
		for (let i = 0; i < 50; i++) await insert();
		const rounds: { wallMs: number; cpuMs: number }[] = [];
		for (let round = 0; round < 3; round++) {
			const cpu = process.cpuUsage();
			const t0 = performance.now();
			for (let i = 0; i < count; i++) await insert();
			const used = process.cpuUsage(cpu);
			rounds.push({
				wallMs: (performance.now() - t0) / count,
				cpuMs: (used.user + used.system) / 1000 / count
			});
		}
		rounds.sort((x, y) => x.cpuMs - y.cpuMs);
		const pacedCpuMs = new Map<number, number>();
		for (const rate of rates) {
			const n = Math.max(50, Math.round(rate * PACED_SECONDS));
			const cpu = process.cpuUsage();
			const t0 = performance.now();
			for (let i = 0; i < n; i++) {
				const wait = t0 + (i * 1000) / rate - performance.now();
				if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
				await insert();
			}
			const used = process.cpuUsage(cpu);
			pacedCpuMs.set(rate, (used.user + used.system) / 1000 / n);
		}
		return { ...rounds[1], pacedCpuMs };
	} finally {
		await database.close();
		rmSync(dir, { recursive: true, force: true });
	}
}

/** Whether the server's fast lane answered this response (src/lib/server/http/fast-lane.ts). */
export function byFastLane(response: Response): boolean {
	return (response.headers.get('server-timing') ?? '')
		.split(',')
		.some((t) => t.trim() === 'fast-lane');
}

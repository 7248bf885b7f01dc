/**
 * Annotation-create capacity against a running server: many browser sessions (each its own
 * workspace cookie, hence its own personal room) writing notes on the seed comparison at a
 * stepped-up offered rate, until the acknowledgement p99 passes its target.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { normalizeText } from '../../src/lib/domain/text/normalize';
import { byFastLane, climb, offer, percentile, processCpuMs, type Capacity } from './capacity';

/** Create acknowledgement p99 target (PRODUCT.md §8). */
export const CREATE_P99_MS = 200;
/** Writes per second one session stays under: its rate limit refills 6 per second. */
const PER_SESSION_RATE = 4;

/** Options of the create climb. */
export interface CreateOptions {
	/** offered writes per second, in order */
	rates: number[];
	/** seconds per step */
	seconds: number;
	/** the server's process id, for its CPU time */
	pid?: number;
}

/** Step the create rate up; returns each step and the highest rate meeting the target. */
export async function measureCreates(
	origin: string,
	seedA: string,
	{ rates, seconds, pid }: CreateOptions
): Promise<Capacity> {
	const listing = await fetch(`${origin}/api/comparisons/seed/annotations`);
	if (!listing.ok) throw new Error(`annotation list: ${listing.status}`);
	// the article version is the sha-256 of the normalised text, as the server computes it
	const text = normalizeText(readFileSync(seedA, 'utf8')).text;
	const version = createHash('sha256').update(text).digest('hex');
	const sessions = Math.ceil(Math.max(...rates) / PER_SESSION_RATE);
	const cookies: string[] = [];
	let laneServed = 0;
	const post = async (session: number): Promise<number> => {
		const body = {
			id: crypto.randomUUID(),
			kind: 'note',
			targets: [{ side: 'a', articleVersion: version, start: 0, end: 4, exact: text.slice(0, 4) }],
			note: `bench note ${session}`
		};
		const response = await fetch(`${origin}/api/comparisons/seed/annotations`, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				origin,
				// each reader from their own address, as readers at home are (the server reads it
				// from X-Forwarded-For): without it every write shares one address's write limit
				'x-forwarded-for': `10.2.${session >> 8}.${session & 255}`,
				...(cookies[session] ? { cookie: cookies[session] } : {})
			},
			body: JSON.stringify(body)
		});
		await response.arrayBuffer();
		if (byFastLane(response)) laneServed++;
		const set = response.headers.get('set-cookie');
		if (set && !cookies[session]) cookies[session] = set.split(';')[0];
		return response.status;
	};
	// each session's first write makes its workspace and personal room (not measured)
	for (let s = 0; s < sessions; s++) {
		const status = await post(s);
		if (status !== 201) throw new Error(`first create answered ${status}`);
	}
	return climb(rates, async (rate) => {
		const cpu = processCpuMs(pid);
		laneServed = 0;
		const { latencies, statuses, achieved } = await offer(rate, seconds, (i) => post(i % sessions));
		const cpuPerWrite = (processCpuMs(pid) - cpu) / latencies.length;
		const failed = statuses.filter((s) => s !== 201).length;
		const ackP99 = percentile(latencies, 99);
		return {
			rate,
			writes: latencies.length,
			achieved,
			ackP50: percentile(latencies, 50),
			ackP99,
			failed,
			cpuPerWrite,
			laneServed,
			ok: failed === 0 && ackP99 <= CREATE_P99_MS && achieved >= 0.95 * rate
		};
	});
}

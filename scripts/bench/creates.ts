/**
 * Annotation-create latency against a running server: many browser sessions (each its own
 * workspace cookie, hence its own personal room) writing notes on the seed comparison.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { normalizeText } from '../../src/lib/domain/text/normalize';
import { percentile } from './fanout';

/** Annotation-create latency: `sessions` browsers each write `perSession` notes, `concurrency` at a time. */
export async function measureCreates(
	origin: string,
	seedA: string,
	sessions = 20,
	perSession = 25,
	concurrency = 10
) {
	const listing = await fetch(`${origin}/api/comparisons/seed/annotations`);
	if (!listing.ok) throw new Error(`annotation list: ${listing.status}`);
	// the article version is the sha-256 of the normalised text, as the server computes it
	const text = normalizeText(readFileSync(seedA, 'utf8')).text;
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

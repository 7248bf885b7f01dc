/**
 * Live fan-out under classroom load (PRODUCT.md §8): `rooms` rooms of `listeners` students each,
 * every student holding the room's Server-Sent Events stream open, while students write
 * annotations at a stepped-up rate. Measures the write acknowledgement (due → 201) and the
 * fan-out delay (due → the event read by each listener of the room) at each step.
 */

import { byFastLane, climb, offer, percentile, processCpuMs, type Capacity } from './capacity';

interface Member {
	roomId: string;
	cookie: string;
	/** the class's address as the server sees it (streams are capped per address too) */
	school: string;
}

/**
 * POST JSON from a browser session (the app refuses writes without a same-origin Origin); `school`
 * is the client address the bench's server reads from X-Forwarded-For.
 */
async function post(
	origin: string,
	path: string,
	body: unknown,
	{ cookie, school }: { cookie?: string; school?: string } = {}
) {
	for (;;) {
		const response = await fetch(`${origin}${path}`, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				origin,
				...(cookie ? { cookie } : {}),
				...(school ? { 'x-forwarded-for': school } : {})
			},
			body: JSON.stringify(body)
		});
		// joins from one address are rate-limited (a class shares an IP): wait as told
		if (response.status === 429) {
			const wait = Number(response.headers.get('retry-after') ?? '1');
			await new Promise((r) => setTimeout(r, wait * 1000));
			continue;
		}
		return response;
	}
}

/** The session cookie a response sets. */
function cookieOf(response: Response): string {
	const set = response.headers.get('set-cookie');
	if (!set) throw new Error(`no cookie from ${response.url}`);
	return set.split(';')[0];
}

/** Read a room's event stream, calling `onEvent(type, data)` for each event until aborted. */
async function listen(
	origin: string,
	member: Member,
	signal: AbortSignal,
	onEvent: (type: string, data: { annotation?: { id: string } }) => void
): Promise<void> {
	const response = await fetch(`${origin}/api/rooms/${member.roomId}/events`, {
		headers: {
			cookie: member.cookie,
			accept: 'text/event-stream',
			'x-forwarded-for': member.school
		},
		signal
	});
	if (!response.ok || !response.body) throw new Error(`events answered ${response.status}`);
	const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
	let buffer = '';
	try {
		for (;;) {
			const { value, done } = await reader.read();
			if (done) return;
			buffer += value;
			let end: number;
			while ((end = buffer.indexOf('\n\n')) >= 0) {
				const block = buffer.slice(0, end);
				buffer = buffer.slice(end + 2);
				const line = block.split('\n').find((l) => l.startsWith('data:'));
				if (!line) continue;
				const event = JSON.parse(line.slice(5));
				onEvent(event.type, event.data ?? {});
			}
		}
	} catch (e) {
		if (!signal.aborted) throw e;
	}
}

/** Fan-out targets (PRODUCT.md §8): write acknowledgement and delivery to every listener. */
export const FANOUT_ACK_P99_MS = 200;
export const FANOUT_DELIVERY_P99_MS = 250;

/** Options of the fan-out climb. */
export interface FanoutOptions {
	rooms?: number;
	listeners?: number;
	/** offered writes per second, in order */
	rates: number[];
	/** seconds per step */
	seconds: number;
	/** the seed article's normalised text and version (the passage every note marks) */
	text: string;
	version: string;
	/** the server's process id (or the instances'), for its CPU time */
	pid?: number | (number | undefined)[];
}

/**
 * Set up the classes (each from its own school address, as the server sees it through
 * X-Forwarded-For: joins are rate-limited per address), hold every student's stream open, then
 * step the class-wide write rate up until a target breaks.
 */
export async function measureFanout(
	origin: string,
	{ rooms = 10, listeners = 35, rates, seconds, text, version, pid }: FanoutOptions
): Promise<Capacity & { rooms: number; listeners: number }> {
	const students: Member[][] = [];
	for (let r = 0; r < rooms; r++) {
		const school = `10.0.${r}.1`;
		const made = await post(
			origin,
			'/api/rooms',
			{ comparisonId: 'seed', title: `Bench ${r}` },
			{
				school
			}
		);
		if (made.status !== 201) throw new Error(`room: ${made.status} ${await made.text()}`);
		const { room, joinCode } = await made.json();
		const teacher = cookieOf(made);
		const phase = await fetch(`${origin}/api/rooms/${room.id}`, {
			method: 'PATCH',
			headers: { 'content-type': 'application/json', origin, cookie: teacher },
			body: JSON.stringify({ phase: 'reveal' })
		});
		if (!phase.ok) throw new Error(`phase: ${phase.status}`);
		const members: Member[] = [];
		for (let s = 0; s < listeners; s++) {
			const joined = await post(
				origin,
				'/api/rooms/join',
				{ code: joinCode, displayName: `Student ${s}` },
				{ school }
			);
			if (joined.status !== 201) throw new Error(`join: ${joined.status} ${await joined.text()}`);
			members.push({ roomId: room.id, cookie: cookieOf(joined), school });
		}
		students.push(members);
	}

	let sentAt = new Map<string, number>();
	let delays: number[] = [];
	const abort = new AbortController();
	const streams = students.flat().map((member) =>
		listen(origin, member, abort.signal, (type, data) => {
			const id = type === 'annotation.created' ? data.annotation?.id : undefined;
			const t0 = id ? sentAt.get(id) : undefined;
			if (t0 !== undefined) delays.push(performance.now() - t0);
		}).catch((e) => console.error('stream:', e.message))
	);
	await new Promise((r) => setTimeout(r, 2000)); // let every stream connect

	let written = 0;
	try {
		const capacity = await climb(rates, async (rate) => {
			sentAt = new Map();
			delays = [];
			const cpu = processCpuMs(pid);
			let laneServed = 0;
			const { latencies, statuses, achieved } = await offer(rate, seconds, (_, due) => {
				const i = written++;
				const member = students[i % rooms][Math.floor(i / rooms) % listeners];
				const id = crypto.randomUUID();
				sentAt.set(id, due);
				const body = {
					id,
					kind: 'note',
					targets: [
						{ side: 'a', articleVersion: version, start: 0, end: 4, exact: text.slice(0, 4) }
					],
					note: `live ${i}`
				};
				// from the school's address too: writes are also limited per address
				return post(origin, `/api/rooms/${member.roomId}/annotations`, body, {
					cookie: member.cookie,
					school: member.school
				}).then(async (r) => {
					await r.arrayBuffer();
					if (byFastLane(r)) laneServed++;
					return r.status;
				});
			});
			const expected = latencies.length * listeners;
			// late deliveries: wait until all are in, or a second past the last acknowledgement
			const until = performance.now() + 1000;
			while (delays.length < expected && performance.now() < until)
				await new Promise((r) => setTimeout(r, 50));
			const cpuPerWrite = (processCpuMs(pid) - cpu) / latencies.length;
			const sorted = [...delays].sort((x, y) => x - y);
			const failed = statuses.filter((s) => s !== 201).length;
			const ackP99 = percentile(latencies, 99);
			const deliveryP99 = percentile(sorted, 99);
			return {
				rate,
				writes: latencies.length,
				achieved,
				ackP50: percentile(latencies, 50),
				ackP99,
				failed,
				cpuPerWrite,
				laneServed,
				deliveryP50: percentile(sorted, 50),
				deliveryP99,
				delivered: sorted.length,
				expected,
				ok:
					failed === 0 &&
					achieved >= 0.95 * rate &&
					ackP99 <= FANOUT_ACK_P99_MS &&
					// every listener must see every write, in time
					sorted.length === expected &&
					deliveryP99 <= FANOUT_DELIVERY_P99_MS
			};
		});
		return { ...capacity, rooms, listeners };
	} finally {
		abort.abort();
		await Promise.all(streams);
	}
}

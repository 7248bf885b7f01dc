/**
 * Live fan-out under classroom load (PRODUCT.md §8): `rooms` rooms of `listeners` students each,
 * every student holding the room's Server-Sent Events stream open, while students write
 * annotations at `rate` writes per second. Measures the write acknowledgement (POST → 201) and the
 * fan-out delay (POST sent → the event read by each listener of the room).
 */

/** Percentile of sorted numbers. */
export function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

interface Member {
	roomId: string;
	cookie: string;
}

/** POST JSON from a browser session (the app refuses writes without a same-origin Origin). */
async function post(origin: string, path: string, body: unknown, cookie?: string) {
	for (;;) {
		const response = await fetch(`${origin}${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', origin, ...(cookie ? { cookie } : {}) },
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
		headers: { cookie: member.cookie, accept: 'text/event-stream' },
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

/** Result of one fan-out run. */
export interface FanoutResult {
	rooms: number;
	listeners: number;
	writes: number;
	ackP50: number;
	ackP99: number;
	deliveries: number;
	expected: number;
	fanoutP50: number;
	fanoutP99: number;
	achievedRate: number;
}

/** Run the classroom load against a running server. */
export async function measureFanout(
	origin: string,
	{
		rooms = 10,
		listeners = 35,
		rate = 100,
		seconds = 10,
		text,
		version
	}: {
		rooms?: number;
		listeners?: number;
		rate?: number;
		seconds?: number;
		text: string;
		version: string;
	}
): Promise<FanoutResult> {
	const students: Member[][] = [];
	for (let r = 0; r < rooms; r++) {
		const made = await post(origin, '/api/rooms', { comparisonId: 'seed', title: `Bench ${r}` });
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
			const joined = await post(origin, '/api/rooms/join', {
				code: joinCode,
				displayName: `Student ${s}`
			});
			if (joined.status !== 201) throw new Error(`join: ${joined.status} ${await joined.text()}`);
			members.push({ roomId: room.id, cookie: cookieOf(joined) });
		}
		students.push(members);
	}

	const sentAt = new Map<string, number>();
	const delays: number[] = [];
	const abort = new AbortController();
	const streams = students.flat().map((member) =>
		listen(origin, member, abort.signal, (type, data) => {
			const id = type === 'annotation.created' ? data.annotation?.id : undefined;
			const t0 = id ? sentAt.get(id) : undefined;
			if (t0 !== undefined) delays.push(performance.now() - t0);
		}).catch((e) => console.error('stream:', e.message))
	);
	await new Promise((r) => setTimeout(r, 2000)); // let every stream connect

	const acks: number[] = [];
	const total = rate * seconds;
	const started = performance.now();
	const writes: Promise<void>[] = [];
	for (let i = 0; i < total; i++) {
		const due = started + (i * 1000) / rate;
		const wait = due - performance.now();
		if (wait > 0) await new Promise((r) => setTimeout(r, wait));
		const member = students[i % rooms][Math.floor(i / rooms) % listeners];
		const id = crypto.randomUUID();
		const body = {
			id,
			kind: 'note',
			targets: [{ side: 'a', articleVersion: version, start: 0, end: 4, exact: text.slice(0, 4) }],
			note: `live ${i}`
		};
		const t0 = performance.now();
		sentAt.set(id, t0);
		writes.push(
			post(origin, `/api/rooms/${member.roomId}/annotations`, body, member.cookie).then(
				async (r) => {
					acks.push(performance.now() - t0);
					if (r.status !== 201) console.error('write:', r.status, await r.text());
				}
			)
		);
	}
	await Promise.all(writes);
	const elapsed = (performance.now() - started) / 1000;
	await new Promise((r) => setTimeout(r, 2000)); // late deliveries
	abort.abort();
	await Promise.all(streams);
	acks.sort((x, y) => x - y);
	delays.sort((x, y) => x - y);
	return {
		rooms,
		listeners,
		writes: total,
		ackP50: percentile(acks, 50),
		ackP99: percentile(acks, 99),
		deliveries: delays.length,
		expected: total * listeners,
		fanoutP50: percentile(delays, 50),
		fanoutP99: percentile(delays, 99),
		achievedRate: total / elapsed
	};
}

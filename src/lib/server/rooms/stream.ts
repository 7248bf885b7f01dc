import { eq } from 'drizzle-orm';
import type { RoomPhase, RoomStreamEvent } from '../../live/events';
import { room } from '../db/schema';
import type { BusMessage } from '../live/bus';
import type { RoomDeps } from './annotation-verbs';
import {
	canSee,
	eventsBetween,
	planCatchUp,
	type CatchUpLimits,
	type Viewer
} from './event-replay';
import { listMembers, type Membership } from './rooms';

// A room's Server-Sent Events stream: subscribe first (buffering), replay what was missed after
// Last-Event-ID from the table, then go live. Every event is one `data:` line of JSON, and
// JSON.stringify escapes CR and LF, so no note can end an event early or forge a second one.
//
// Memory is bounded per stream and per process: what the client has not read yet waits in the
// stream's queue, and a stream whose queue grows beyond a bound is dropped (its socket closed).
// Nothing is lost by that: the browser's EventSource reconnects with Last-Event-ID and the
// missed events come from the table, or, when too many were missed, a `room.resync` tells the
// page to reload its list.

/** A comment line every so often keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 15_000;
/** How soon EventSource reconnects after a drop (its default is seconds). */
const RETRY_MS = 500;
/** Catch-up is sent as the client reads: the next event waits while this much is unread. */
const PACE_BYTES = 64 * 1024;
/**
 * Unread bytes one stream may hold before it is dropped; a reading client's queue is empty
 * between events, so only a client that stopped reading (or a far too slow one) gets here.
 */
const MAX_QUEUED_BYTES = 1024 * 1024;
/** A catch-up whose client reads nothing for this long is dropped. */
const STALL_MS = 30_000;
/** Unread bytes all streams of this process may hold together before lagging ones are dropped. */
const PROCESS_QUEUED_BYTES = 64 * 1024 * 1024;
/** A stream with more than this unread is lagging (a paced catch-up stays below it). */
export const LAGGING_BYTES = 2 * PACE_BYTES;

/** The unread bytes of every stream of a process, so their sum can be bounded. */
export class QueueBudget {
	readonly #held = new Map<object, number>();
	#total = 0;

	constructor(readonly limit: number) {}

	/** Record a stream's unread bytes; true when the process now holds more than its limit. */
	set(stream: object, bytes: number): boolean {
		this.#total += bytes - (this.#held.get(stream) ?? 0);
		if (bytes > 0) this.#held.set(stream, bytes);
		else this.#held.delete(stream);
		return this.#total > this.limit;
	}

	/** Forget a stream that ended. */
	release(stream: object): void {
		this.set(stream, 0);
	}

	/** Unread bytes of all streams, as last recorded. */
	get total(): number {
		return this.#total;
	}
}

const BUDGET = Symbol.for('parallax.streamQueueBudget');
const holder = globalThis as unknown as { [BUDGET]?: QueueBudget };
/** The process's budget (kept across `vite dev` reloads). */
const processBudget = (holder[BUDGET] ??= new QueueBudget(PROCESS_QUEUED_BYTES));

/** How a stream is bounded and what it tells its opener. */
interface StreamOptions {
	/** unread bytes before the stream is dropped */
	maxQueuedBytes?: number;
	/** the process's budget shared by every stream */
	budget?: QueueBudget;
	/** called once when the stream ends, whatever the reason (release its admission) */
	onEnd?: () => void;
	/** called when the stream is dropped for not reading (close the socket) */
	onDrop?: () => void;
	/** how long a catch-up waits for the client to read before dropping it */
	stallMs?: number;
	/** catch-up bounds (tests make them small) */
	catchUp?: CatchUpLimits;
}

/** One SSE frame; unrecorded events (follow-me, room deleted) carry no id so none is skipped. */
export function formatEvent(event: RoomStreamEvent): string {
	const id = event.id > 0 ? `id: ${event.id}\n` : '';
	return `${id}data: ${JSON.stringify(event)}\n\n`;
}

/** The id to resume after: Last-Event-ID (a reconnect) or ?after= (the page's first connect). */
export function resumeId(headers: Headers, url: URL): number {
	const raw = headers.get('last-event-id') ?? url.searchParams.get('after') ?? '0';
	const n = Number(raw);
	return Number.isSafeInteger(n) && n >= 0 ? n : 0;
}

const encoder = new TextEncoder();
/** Each event's frame, made once: the bus hands one event object to every stream of its room. */
const frames = new WeakMap<RoomStreamEvent, Uint8Array>();

/** The encoded SSE frame of an event, shared by every listener that may see it. */
function frameOf(event: RoomStreamEvent): Uint8Array {
	let frame = frames.get(event);
	if (!frame) frames.set(event, (frame = encoder.encode(formatEvent(event))));
	return frame;
}

/** The stream's body for one member; ends when the member is removed or the room deleted. */
export function createRoomStream(
	deps: RoomDeps,
	m: Membership,
	afterId: number,
	signal: AbortSignal,
	options: StreamOptions = {}
): ReadableStream<Uint8Array> {
	const viewer: Viewer = { memberId: m.member.id, role: m.member.role };
	const maxQueued = options.maxQueuedBytes ?? MAX_QUEUED_BYTES;
	const stallMs = options.stallMs ?? STALL_MS;
	const budget = options.budget ?? processBudget;
	const key = {};
	let phase: RoomPhase = m.room.phase;
	let unsubscribe: (() => void) | undefined;
	let heartbeat: ReturnType<typeof setInterval> | undefined;
	let closed = false;
	// the catch-up waits here while the client has PACE_BYTES unread
	let wake: (() => void) | undefined;
	const stop = () => {
		if (closed) return;
		closed = true;
		clearInterval(heartbeat);
		unsubscribe?.();
		budget.release(key);
		wake?.();
		options.onEnd?.();
	};
	// unread bytes: the queue's high-water mark is PACE_BYTES, so desiredSize = PACE − unread
	const unread = (controller: ReadableStreamDefaultController<Uint8Array>) =>
		PACE_BYTES - (controller.desiredSize ?? PACE_BYTES);
	return new ReadableStream<Uint8Array>(
		{
			start(controller) {
				const drop = () => {
					if (closed) return;
					stop();
					controller.error(new Error('the client did not read its stream'));
					options.onDrop?.();
				};
				// an event's frame is encoded once for all its listeners (frameOf)
				const write = (chunk: string | Uint8Array) => {
					if (closed) return;
					try {
						controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
					} catch {
						stop();
						return;
					}
					const bytes = unread(controller);
					const overBudget = budget.set(key, bytes);
					if (bytes > maxQueued || (overBudget && bytes > LAGGING_BYTES)) drop();
				};
				// a client that reads nothing of its catch-up for stallMs is dropped (it holds a page)
				const readable = async () => {
					while (!closed && unread(controller) >= PACE_BYTES) {
						let timer: ReturnType<typeof setTimeout> | undefined;
						const moved = await new Promise<boolean>((resolve) => {
							wake = () => resolve(true);
							timer = setTimeout(() => resolve(false), stallMs);
						});
						clearTimeout(timer);
						if (!moved) drop();
					}
				};
				// live messages up to this id were covered by the catch-up (NOTIFYs from several
				// instances may arrive out of id order, so this is not "the last id sent")
				let coveredUpTo = afterId;
				const send = (message: BusMessage) => {
					const { event } = message;
					if (event.type === 'room.phase') phase = event.data.phase;
					if (!canSee(viewer, phase, message)) return;
					write(frameOf(event));
					const ended =
						event.type === 'room.deleted' ||
						(event.type === 'member.removed' && event.data.id === viewer.memberId);
					if (ended && !closed) {
						stop();
						controller.close();
					}
				};
				const live = (message: BusMessage) => {
					if (message.event.id > 0 && message.event.id <= coveredUpTo) return;
					send(message);
				};
				// live messages that arrive during the catch-up wait here, bounded like the queue
				let buffer: BusMessage[] | undefined = [];
				let buffered = 0;
				const catchUp = async () => {
					unsubscribe = await deps.bus.subscribe(m.room.id, (message) => {
						if (!buffer) return live(message);
						buffer.push(message);
						buffered += JSON.stringify(message.event).length;
						if (buffered > maxQueued) drop();
					});
					signal.addEventListener('abort', stop);
					write(`retry: ${RETRY_MS}\n\n`);
					const plan = await planCatchUp(deps.db, m.room.id, afterId, options.catchUp);
					if (plan.overflow) {
						const event = await resync(deps, m, plan.upTo);
						phase = event.data.phase;
						write(formatEvent(event));
					}
					let cursor = afterId;
					for (const end of plan.pages) {
						const page = await eventsBetween(deps.db, m.room.id, cursor, end, viewer, phase);
						for (const message of page) {
							await readable();
							if (closed) return;
							send(message);
						}
						cursor = end;
					}
					coveredUpTo = plan.upTo;
					const held = buffer ?? [];
					buffer = undefined;
					for (const message of held) live(message);
					if (!closed) heartbeat = setInterval(() => write(': ping\n\n'), HEARTBEAT_MS);
				};
				// not awaited: pull (which paces the catch-up) is only called once start returns
				catchUp().catch((e: unknown) => {
					if (closed) return;
					stop();
					controller.error(e);
				});
			},
			pull(controller) {
				// the client read: what it has not read yet shrank
				if (closed) return;
				budget.set(key, unread(controller));
				wake?.();
			},
			cancel: stop
		},
		{ highWaterMark: PACE_BYTES, size: (chunk) => chunk.byteLength }
	);
}

/** Too much was missed: the room as it is now; the page reloads its list and resumes after `upTo`. */
async function resync(
	deps: RoomDeps,
	m: Membership,
	upTo: number
): Promise<Extract<RoomStreamEvent, { type: 'room.resync' }>> {
	const [now] = await deps.db
		.select({
			phase: room.phase,
			spotlightId: room.spotlightId,
			locked: room.locked,
			suggestions: room.suggestions
		})
		.from(room)
		.where(eq(room.id, m.room.id));
	const current = now ?? m.room;
	const members =
		m.member.role === 'teacher'
			? (await listMembers(deps.db, m.room.id)).map(({ roomId: _, ...view }) => view)
			: undefined;
	return {
		id: upTo,
		type: 'room.resync',
		scope: { kind: 'room', id: m.room.id },
		comparisonId: m.room.comparisonId,
		data: {
			phase: current.phase,
			spotlightId: current.spotlightId,
			locked: current.locked,
			suggestions: current.suggestions,
			...(members ? { members } : {})
		}
	};
}

import type { RoomPhase, RoomStreamEvent } from '../live/events';
import type { BusMessage } from './live/bus';
import type { RoomDeps } from './rooms-annotations';
import { canSee, since, type Viewer } from './rooms-events';
import type { Membership } from './rooms';

// A room's Server-Sent Events stream: subscribe first (buffering), replay what was missed after
// Last-Event-ID from the table, then go live. Every event is one `data:` line of JSON, and
// JSON.stringify escapes CR and LF, so no note can end an event early or forge a second one.

/** A comment line every so often keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 15_000;
/** How soon EventSource reconnects after a drop (its default is seconds). */
const RETRY_MS = 500;

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
export function frameOf(event: RoomStreamEvent): Uint8Array {
	let frame = frames.get(event);
	if (!frame) frames.set(event, (frame = encoder.encode(formatEvent(event))));
	return frame;
}

/** The stream's body for one member; ends when the member is removed or the room deleted. */
export function createRoomStream(
	deps: RoomDeps,
	m: Membership,
	afterId: number,
	signal: AbortSignal
): ReadableStream<Uint8Array> {
	const viewer: Viewer = { memberId: m.member.id, role: m.member.role };
	let phase: RoomPhase = m.room.phase;
	let unsubscribe: (() => void) | undefined;
	let heartbeat: ReturnType<typeof setInterval> | undefined;
	let closed = false;
	const stop = () => {
		if (closed) return;
		closed = true;
		clearInterval(heartbeat);
		unsubscribe?.();
	};
	return new ReadableStream<Uint8Array>({
		async start(controller) {
			const write = (chunk: string | Uint8Array) => {
				if (closed) return;
				try {
					controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
				} catch {
					stop();
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
				if (ended) {
					stop();
					controller.close();
				}
			};
			const live = (message: BusMessage) => {
				if (message.event.id > 0 && message.event.id <= coveredUpTo) return;
				send(message);
			};
			let buffer: BusMessage[] | undefined = [];
			unsubscribe = await deps.bus.subscribe(m.room.id, (message) => {
				if (buffer) buffer.push(message);
				else live(message);
			});
			signal.addEventListener('abort', stop);
			write(`retry: ${RETRY_MS}\n\n`);
			const missed = await since(deps.db, m.room.id, afterId, viewer, phase);
			if (missed.overflow) write(formatEvent(resync(m)));
			for (const message of missed.messages) send(message);
			coveredUpTo = missed.upTo;
			const held = buffer;
			buffer = undefined;
			for (const message of held) live(message);
			heartbeat = setInterval(() => write(': ping\n\n'), HEARTBEAT_MS);
		},
		cancel: stop
	});
}

/** Too much was missed: the page reloads its list instead of replaying. */
function resync(m: Membership): RoomStreamEvent {
	return {
		id: 0,
		type: 'room.phase',
		scope: { kind: 'room', id: m.room.id },
		comparisonId: m.room.comparisonId,
		data: { phase: m.room.phase, spotlightId: m.room.spotlightId }
	};
}

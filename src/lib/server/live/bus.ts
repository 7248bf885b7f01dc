import type { RoomStreamEvent } from '../../live/events';
import type { Queryable } from '../annotations';

// The classroom bus carries a room's committed events to every open SSE stream, in this
// process (PGlite) or across app instances (PostgreSQL LISTEN/NOTIFY).

/** One event on the bus, with what a stream needs to decide who may see it. */
export interface BusMessage {
	event: RoomStreamEvent;
	/** whose work it is (students only get their own in the individual phase); null: everyone's */
	ownerId: string | null;
	/** moderation and membership news for the teacher only */
	teacherOnly: boolean;
}

/** Receives a room's messages in publish order. */
export type BusHandler = (message: BusMessage) => void;

/** Publish a room's events after commit; subscribe a stream to them. */
export interface ClassroomBus {
	/** Send a committed event to every subscriber of its room, on every instance. */
	publish(roomId: string, message: BusMessage): Promise<void>;
	/**
	 * Send a recorded event as part of the transaction that records it (PostgreSQL: a NOTIFY
	 * is delivered on commit, in commit order, and is sent even if this process dies right
	 * after the commit; published afterwards, an instance killed in between would leave the
	 * other instances' streams without the event). Absent: publish after the commit.
	 */
	publishIn?(tx: Queryable, roomId: string, message: BusMessage): Promise<void>;
	/** Receive the room's messages until the returned function is called. */
	subscribe(roomId: string, handler: BusHandler): Promise<() => void>;
	/** Stop listening (process shutdown). */
	close(): Promise<void>;
}

/** Local fan-out used by both buses: handlers per room, each called in order, errors contained. */
export class RoomHandlers {
	readonly #rooms = new Map<string, Set<BusHandler>>();

	/** Add a handler; returns its removal. */
	add(roomId: string, handler: BusHandler): () => void {
		let set = this.#rooms.get(roomId);
		if (!set) this.#rooms.set(roomId, (set = new Set()));
		set.add(handler);
		return () => {
			set.delete(handler);
			if (set.size === 0 && this.#rooms.get(roomId) === set) this.#rooms.delete(roomId);
		};
	}

	/** Call every handler of the room (one failing stream must not stop the others). */
	deliver(roomId: string, message: BusMessage): void {
		for (const handler of [...(this.#rooms.get(roomId) ?? [])]) {
			try {
				handler(message);
			} catch (e) {
				console.error(`room stream handler failed: ${(e as Error).message}`);
			}
		}
	}

	/** Rooms with at least one subscriber here. */
	get size(): number {
		return this.#rooms.size;
	}
}

import { sql } from 'drizzle-orm';
import type { Database } from '../db/connect';
import { RoomHandlers, type BusHandler, type BusMessage, type ClassroomBus } from './bus';

// Across app instances: every publish is a NOTIFY on one channel, and every instance LISTENs
// and fans out to its own streams. NOTIFY payloads stop at 8000 bytes, so a large event goes as
// its id and each instance loads it from room_event (it is committed before the NOTIFY).

/** The one channel all rooms share (a LISTEN per room would need a connection slot each). */
const ROOM_CHANNEL = 'parallax_room_events';
/** Stay clear of PostgreSQL's 8000-byte NOTIFY limit (the room id and quoting add a little). */
const MAX_INLINE_BYTES = 7000;

type Wire = { roomId: string; message: BusMessage } | { roomId: string; eventId: number };

/** Loads a recorded event by id (for payloads too big to travel inline). */
type LoadMessage = (eventId: number) => Promise<BusMessage | undefined>;

/** Tuning for tests: how large a payload may travel inline. */
export interface BusOptions {
	maxInlineBytes?: number;
}

/** The bus for PostgreSQL: LISTEN/NOTIFY through the database's listener connection. */
export function createPostgresBus(
	database: Database,
	load: LoadMessage,
	{ maxInlineBytes = MAX_INLINE_BYTES }: BusOptions = {}
): ClassroomBus {
	const handlers = new RoomHandlers();
	let unlisten: Promise<() => Promise<void>> | undefined;
	// deliveries wait for the loads before them, so streams see NOTIFY (commit) order
	let queue: Promise<void> = Promise.resolve();

	const receive = (payload: string) => {
		let wire: Wire;
		try {
			wire = JSON.parse(payload) as Wire;
		} catch {
			return;
		}
		queue = queue
			.then(async () => {
				const message = 'message' in wire ? wire.message : await load(wire.eventId);
				if (message) handlers.deliver(wire.roomId, message);
			})
			.catch((e: Error) => console.error(`room event delivery failed: ${e.message}`));
	};

	const ensureListening = () => (unlisten ??= database.listen(ROOM_CHANNEL, receive));
	const payloadOf = (roomId: string, message: BusMessage) => {
		const inline = JSON.stringify({ roomId, message } satisfies Wire);
		return Buffer.byteLength(inline) <= maxInlineBytes
			? inline
			: JSON.stringify({ roomId, eventId: message.event.id } satisfies Wire);
	};

	return {
		async publish(roomId: string, message: BusMessage) {
			await database.notify(ROOM_CHANNEL, payloadOf(roomId, message));
		},
		async publishIn(tx, roomId, message) {
			await tx.execute(sql`select pg_notify(${ROOM_CHANNEL}, ${payloadOf(roomId, message)})`);
		},
		async subscribe(roomId: string, handler: BusHandler) {
			await ensureListening();
			return handlers.add(roomId, handler);
		},
		async close() {
			const stop = unlisten;
			unlisten = undefined;
			if (stop) await (await stop)();
		}
	};
}

import { RoomHandlers, type BusHandler, type BusMessage, type ClassroomBus } from './bus';

/** The bus for a single process (PGlite): publishing hands the message to local streams. */
export function createMemoryBus(): ClassroomBus {
	const handlers = new RoomHandlers();
	return {
		async publish(roomId: string, message: BusMessage) {
			handlers.deliver(roomId, message);
		},
		async subscribe(roomId: string, handler: BusHandler) {
			return handlers.add(roomId, handler);
		},
		async close() {}
	};
}

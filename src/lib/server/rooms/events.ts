// A room's events: recorded in commit order (the SSE id) with their audience, and sent on the
// bus after the commit (or with it, on PostgreSQL). Reading the log back (catch-up after a
// reconnect, who may see what) is event-replay.ts, re-exported here so `events.*` is the whole
// log.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { LiveEvent, RoomStreamEvent } from '../../live/events';
import { lockKey, type EventLog, type EventRow, type Queryable, type Tx } from '../annotations';
import type { Db } from '../db/connect';
import { annotation, roomEvent } from '../db/schema';
import type { BusMessage, ClassroomBus } from '../live/bus';

export {
	canSee,
	eventsBetween,
	lastId,
	load,
	planCatchUp,
	since,
	type CatchUpLimits,
	type Viewer
} from './event-replay';

/** What a recorded event carries beyond the LiveEvent itself. */
interface EventMeta {
	/** the annotation it concerns (catch-up skips it for students once hidden or deleted) */
	annotationId?: string | null;
	ownerId?: string | null;
	teacherOnly?: boolean;
}

/** The row of a room's event: its audience, and the event serialised once. */
function eventRow(roomId: string, event: LiveEvent, meta: EventMeta): EventRow {
	const json = JSON.stringify(event);
	return {
		roomId,
		event,
		annotationId: meta.annotationId ?? null,
		ownerId: meta.ownerId ?? null,
		teacherOnly: meta.teacherOnly ?? false,
		json,
		bytes: Buffer.byteLength(json, 'utf8')
	};
}

/**
 * A stored event as a bus message, built from the event in hand: reading the stored JSON back
 * would only parse what was just serialised.
 */
function messageOf(row: EventRow, id: number): BusMessage {
	const event = { id, ...row.event } as RoomStreamEvent;
	return { event, ownerId: row.ownerId, teacherOnly: row.teacherOnly };
}

/** The per-room lock of recordIn (see there). */
const lockRoom = (q: Queryable, roomId: string) => lockKey(q, `room-event:${roomId}`);

/**
 * Send a stored event: in the transaction that stored it where the bus can (PostgreSQL:
 * delivered on commit, so no crash between commit and send can lose it live), else by the
 * returned function after the commit.
 */
async function sendOn(
	bus: ClassroomBus,
	q: Queryable,
	roomId: string,
	message: BusMessage
): Promise<() => Promise<void>> {
	if (!bus.publishIn) return () => bus.publish(roomId, message);
	await bus.publishIn(q, roomId, message);
	return async () => {};
}

/**
 * Store an event of a room inside the caller's transaction (so it commits with the change it
 * describes). The per-room lock makes ids rise in commit order, so a page that saw id n and asks
 * for "after n" never misses one committed later with a smaller id.
 */
export async function recordIn(
	tx: Tx,
	roomId: string,
	event: LiveEvent,
	meta: EventMeta = {}
): Promise<BusMessage> {
	await lockRoom(tx, roomId);
	const row = eventRow(roomId, event, meta);
	const [inserted] = await tx
		.insert(roomEvent)
		.values({
			roomId,
			type: event.type,
			annotationId: row.annotationId,
			ownerId: row.ownerId,
			teacherOnly: row.teacherOnly,
			data: sql`${row.json}::jsonb`,
			bytes: row.bytes
		})
		.returning({ id: roomEvent.id });
	return messageOf(row, inserted.id);
}

/** Store an event of a room in a transaction of its own (see recordIn). */
export async function record(
	db: Db,
	roomId: string,
	event: LiveEvent,
	meta: EventMeta = {}
): Promise<BusMessage> {
	return db.transaction((tx) => recordIn(tx, roomId, event, meta));
}

/** Who wrote an annotation and whether it is hidden (for an event's audience). */
async function annotationFacts(db: Queryable, id: string) {
	const [row] = await db
		.select({ authorId: annotation.authorId, hidden: annotation.hidden })
		.from(annotation)
		.where(and(eq(annotation.id, id), isNull(annotation.deletedAt)));
	return row;
}

/** The annotation an event is about, if any (a reply's event is about its annotation). */
function annotationIdOf(event: LiveEvent): string | null {
	switch (event.type) {
		case 'annotation.created':
		case 'annotation.updated':
			return event.data.annotation.id;
		case 'annotation.deleted':
		case 'annotation.moderated':
			return event.data.id;
		case 'reply.created':
		case 'reply.updated':
			return event.data.reply.annotationId;
		case 'reply.deleted':
			return event.data.annotationId;
		default:
			return null;
	}
}

/** An event's audience: the annotation's author, teacher only while it is hidden. */
async function audienceOf(db: Queryable, event: LiveEvent, meta?: EventMeta): Promise<EventMeta> {
	if (meta) return meta;
	// a new annotation is never hidden and names its author: no need to ask the database
	if (event.type === 'annotation.created')
		return {
			annotationId: event.data.annotation.id,
			ownerId: event.data.annotation.author.id,
			teacherOnly: false
		};
	const annotationId = annotationIdOf(event);
	const facts =
		annotationId && !['annotation.deleted', 'annotation.moderated'].includes(event.type)
			? await annotationFacts(db, annotationId)
			: undefined;
	return { annotationId, ownerId: facts?.authorId ?? null, teacherOnly: !!facts?.hidden };
}

/** Record an event in `tx` and send it (see sendOn). */
async function recordAndSend(
	tx: Tx,
	bus: ClassroomBus,
	roomId: string,
	event: LiveEvent,
	meta?: EventMeta
): Promise<() => Promise<void>> {
	const message = await recordIn(tx, roomId, event, await audienceOf(tx, event, meta));
	return sendOn(bus, tx, roomId, message);
}

/**
 * The room's publisher for the annotation and reply verbs: records each event with its audience
 * (the annotation's author; teacher only while it is hidden), then sends it on the bus.
 */
export function createRoomPublisher(db: Db, bus: ClassroomBus, roomId: string) {
	return async (event: LiveEvent, meta?: EventMeta): Promise<void> => {
		const send = await db.transaction((tx) => recordAndSend(tx, bus, roomId, event, meta));
		await send();
	};
}

/**
 * The room's event log for a write that stores its event in its own statement (an annotation's
 * create): the row to insert, the lock to take first, and the send once it is stored.
 */
export function createRoomLog(bus: ClassroomBus, roomId: string): EventLog {
	return {
		row: (event, meta) => eventRow(roomId, event, meta),
		lock: (q) => lockRoom(q, roomId),
		stored: (q, row, id) => sendOn(bus, q, roomId, messageOf(row, id))
	};
}

import { and, asc, eq, gt, isNull, lte, sql } from 'drizzle-orm';
import type { LiveEvent, RoomPhase, RoomStreamEvent } from '../../live/events';
import { lockKey, type EventLog, type EventRow, type Queryable, type Tx } from '../annotations';
import type { Db } from '../db/connect';
import { annotation, roomEvent, type RoomEventRow } from '../db/schema';
import type { BusMessage, ClassroomBus } from '../live/bus';

// A room's events: recorded in commit order (the SSE id), sent on the bus after the commit, and
// replayed from the table for a page that reconnects with Last-Event-ID. Who may see which
// event is decided here, once for live delivery and catch-up alike.

/** Who is watching a stream: the teacher sees everything, a student depends on the phase. */
export interface Viewer {
	memberId: string;
	role: 'teacher' | 'student';
}

/** What a recorded event carries beyond the LiveEvent itself. */
interface EventMeta {
	/** the annotation it concerns (catch-up skips it for students once hidden or deleted) */
	annotationId?: string | null;
	ownerId?: string | null;
	teacherOnly?: boolean;
}

/** The most events a reconnecting page is sent; beyond it, it is told to reload instead. */
const MAX_CATCH_UP = 5000;
/**
 * The most bytes of events a reconnecting page is sent; beyond it, it is told to reload (one
 * list request). Above what a dropped stream can have missed (its unread bound plus the
 * socket's buffers), so a slow client that was dropped catches up instead of reloading.
 */
const MAX_CATCH_UP_BYTES = 8 * 1024 * 1024;
/** Catch-up is read from the table in pages of about this many bytes (at least one event). */
const CATCH_UP_PAGE_BYTES = 256 * 1024;

/** Bounds of a catch-up (tests make them small). */
export interface CatchUpLimits {
	maxEvents: number;
	maxBytes: number;
	pageBytes: number;
}

/** The default bounds. */
const CATCH_UP_LIMITS: CatchUpLimits = {
	maxEvents: MAX_CATCH_UP,
	maxBytes: MAX_CATCH_UP_BYTES,
	pageBytes: CATCH_UP_PAGE_BYTES
};

/** Event types that carry an annotation's content (never replayed once it is hidden or gone). */
const CONTENT_TYPES = [
	'annotation.created',
	'annotation.updated',
	'reply.created',
	'reply.updated'
];

function toMessage(row: RoomEventRow): BusMessage {
	const event = { id: row.id, ...(row.data as LiveEvent) } as RoomStreamEvent;
	return { event, ownerId: row.ownerId, teacherOnly: row.teacherOnly };
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

/** One recorded event as a bus message (the PostgreSQL bus loads large ones by id). */
export async function load(db: Queryable, id: number): Promise<BusMessage | undefined> {
	const [row] = await db.select().from(roomEvent).where(eq(roomEvent.id, id));
	return row && toMessage(row);
}

/** The id of the room's newest event (0 when none): where a freshly loaded page starts. */
export async function lastId(db: Queryable, roomId: string): Promise<number> {
	const [row] = await db
		.select({ id: sql<number | null>`max(${roomEvent.id})` })
		.from(roomEvent)
		.where(eq(roomEvent.roomId, roomId));
	return Number(row?.id ?? 0);
}

/** True when this viewer, in this phase, may receive the message. */
export function canSee(viewer: Viewer, phase: RoomPhase, message: BusMessage): boolean {
	if (viewer.role === 'teacher') return true;
	if (message.teacherOnly) return false;
	if (phase === 'individual' && message.ownerId && message.ownerId !== viewer.memberId)
		return false;
	return true;
}

/**
 * What a reconnecting page is sent, decided from the ids and sizes alone (no event data read):
 * the missed events in pages (each page ends at an id), or `overflow` when more than the limits
 * were missed, with `upTo` the room's newest id (the page reloads its list and resumes after it).
 */
type CatchUpPlan =
	{ overflow: false; pages: number[]; upTo: number } | { overflow: true; pages: []; upTo: number };

/** Plan the catch-up after `afterId`: pages of about `pageBytes`, or overflow. */
export async function planCatchUp(
	db: Queryable,
	roomId: string,
	afterId: number,
	limits: CatchUpLimits = CATCH_UP_LIMITS
): Promise<CatchUpPlan> {
	const rows = await db
		.select({ id: roomEvent.id, bytes: roomEvent.bytes })
		.from(roomEvent)
		.where(and(eq(roomEvent.roomId, roomId), gt(roomEvent.id, afterId)))
		.orderBy(asc(roomEvent.id))
		.limit(limits.maxEvents + 1);
	const total = rows.reduce((sum, row) => sum + row.bytes, 0);
	if (rows.length > limits.maxEvents || total > limits.maxBytes)
		return { overflow: true, pages: [], upTo: Math.max(afterId, await lastId(db, roomId)) };
	const pages: number[] = [];
	let page = 0;
	rows.forEach((row, i) => {
		page += row.bytes;
		const next = rows[i + 1];
		if (!next || page + next.bytes > limits.pageBytes) {
			pages.push(row.id);
			page = 0;
		}
	});
	return { overflow: false, pages, upTo: rows.at(-1)?.id ?? afterId };
}

/**
 * The events in (afterId, upToId] this viewer may see now (content of annotations hidden or
 * deleted since is left out for students), oldest first.
 */
export async function eventsBetween(
	db: Queryable,
	roomId: string,
	afterId: number,
	upToId: number,
	viewer: Viewer,
	phase: RoomPhase
): Promise<BusMessage[]> {
	const rows = await db
		.select({ event: roomEvent, hidden: annotation.hidden, deletedAt: annotation.deletedAt })
		.from(roomEvent)
		.leftJoin(annotation, eq(roomEvent.annotationId, annotation.id))
		.where(and(eq(roomEvent.roomId, roomId), gt(roomEvent.id, afterId), lte(roomEvent.id, upToId)))
		.orderBy(asc(roomEvent.id));
	const messages: BusMessage[] = [];
	for (const row of rows) {
		const message = toMessage(row.event);
		const gone = row.hidden === true || row.deletedAt !== null;
		if (viewer.role === 'student' && gone && CONTENT_TYPES.includes(row.event.type)) continue;
		if (canSee(viewer, phase, message)) messages.push(message);
	}
	return messages;
}

/**
 * All the events after `afterId` this viewer may see now, oldest first, with `upTo`, the newest
 * id read (every smaller id was committed before it, thanks to record's lock); `overflow` (and
 * none) beyond the limits. The stream reads page by page instead; this is for whole answers.
 */
export async function since(
	db: Queryable,
	roomId: string,
	afterId: number,
	viewer: Viewer,
	phase: RoomPhase,
	limits: CatchUpLimits = CATCH_UP_LIMITS
): Promise<{ overflow: boolean; messages: BusMessage[]; upTo: number }> {
	const plan = await planCatchUp(db, roomId, afterId, limits);
	if (plan.overflow) return { overflow: true, messages: [], upTo: plan.upTo };
	const messages =
		plan.upTo > afterId ? await eventsBetween(db, roomId, afterId, plan.upTo, viewer, phase) : [];
	return { overflow: false, messages, upTo: plan.upTo };
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

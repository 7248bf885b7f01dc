// Reading a room's event log back: the newest id, one event by id (the PostgreSQL bus loads
// large ones so), and the catch-up of a page that reconnects with Last-Event-ID, in pages and
// within limits. Who may see which event is decided here (canSee), once for live delivery and
// catch-up alike.
import { and, asc, eq, gt, lte, sql } from 'drizzle-orm';
import type { LiveEvent, RoomPhase, RoomStreamEvent } from '../../live/events';
import type { Queryable } from '../annotations';
import { annotation, roomEvent, type RoomEventRow } from '../db/schema';
import type { BusMessage } from '../live/bus';

/** Who is watching a stream: the teacher sees everything, a student depends on the phase. */
export interface Viewer {
	memberId: string;
	role: 'teacher' | 'student';
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

/** A stored row as the bus message it was sent as. */
function toMessage(row: RoomEventRow): BusMessage {
	const event = { id: row.id, ...(row.data as LiveEvent) } as RoomStreamEvent;
	return { event, ownerId: row.ownerId, teacherOnly: row.teacherOnly };
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

import { sql } from 'drizzle-orm';
import type { AnnotationScope, Author } from '../../domain/annotation';
import type { LiveEvent, Publish } from '../../live/events';
import { isPglite, type Db } from '../db/connect';

// Who writes and where, and how a write's live events are stored and sent: shared by the
// annotation, reply, suggestion, theme and import verbs.

/** Who is writing and where (always a room: a class or a reader's personal room of one). */
export interface Actor {
	scope: AnnotationScope & { kind: 'room' };
	author: Author;
	/** called after each commit with what changed (default: nothing) */
	publish?: Publish;
	/**
	 * the room's event log: a create stores its event in its own INSERT statement, so both
	 * commit together (verbs without it call publish instead)
	 */
	events?: EventLog;
}

/** A room event as stored: its audience, and the event serialised once (for the row and its size). */
export interface EventRow {
	roomId: string;
	event: LiveEvent;
	annotationId: string | null;
	ownerId: string | null;
	teacherOnly: boolean;
	json: string;
	/** UTF-8 bytes of json: the stream sizes its catch-up from this without reading the events */
	bytes: number;
}

/** A room's event log as a write uses it (rooms/events.ts makes it). */
export interface EventLog {
	/** The row of one of the room's events, with its audience. */
	row(
		event: LiveEvent,
		meta: { annotationId?: string | null; ownerId?: string | null; teacherOnly?: boolean }
	): EventRow;
	/** Taken before the event's insert, held to the commit: ids rise in commit order. */
	lock(q: Queryable): Promise<void>;
	/**
	 * Once the row is stored as `id` (in the write's transaction or statement): sends it within
	 * the transaction where the bus can, else returns what sends it after the commit.
	 */
	stored(q: Queryable, row: EventRow, id: number): Promise<() => Promise<void>>;
}

/** A transaction or the database: the verbs' helpers run inside either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything that can run the query builder. */
export type Queryable = Db | Tx;

/**
 * Send events after the commit. A failing publisher is logged, never reported to the writer:
 * the write is acknowledged and stored.
 */
export async function publishAll(actor: Actor, events: LiveEvent[]): Promise<void> {
	if (!actor.publish) return;
	for (const event of events) {
		try {
			await actor.publish(event);
		} catch (e) {
			console.error(`publish ${event.type} failed: ${(e as Error).message}`);
		}
	}
}

/**
 * Send what a transaction staged, after its commit. Like publishAll, a failure is logged, never
 * reported to the writer: the write and its event are stored, and catch-up replays the event.
 */
export async function sendStaged(sends: (() => Promise<void>)[]): Promise<void> {
	for (const send of sends) {
		try {
			await send();
		} catch (e) {
			console.error(`publish failed: ${(e as Error).message}`);
		}
	}
}

/** The event envelope for the actor's scope. */
export function eventOf<E extends LiveEvent>(
	actor: Actor,
	comparisonId: string,
	type: E['type'],
	data: E['data']
): LiveEvent {
	return { type, scope: actor.scope, comparisonId, data } as LiveEvent;
}

/**
 * Serialise transactions on one key until commit (pg_advisory_xact_lock). PGlite needs none: it
 * has one connection and runs a transaction (or a statement) alone, every other query waiting.
 */
export async function lockKey(q: Queryable, key: string): Promise<void> {
	if (isPglite(q)) return;
	await q.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
}

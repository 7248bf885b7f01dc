import { and, eq, isNotNull, isNull, ne, type SQL } from 'drizzle-orm';
import { isRecord, type Annotation } from '../../domain/annotation';
import {
	selectAnnotations,
	type Actor,
	type ComparisonArticles,
	annotations,
	replies,
	placeAnnotations,
	type Placed
} from '../annotations';
import type { Db } from '../db/connect';
import { annotation } from '../db/schema';
import { forbidden, invalid, notFound, isUuid } from '../http';
import type { ClassroomBus } from '../live/bus';
import { createRoomLog, createRoomPublisher } from './events';
import { requireClass, requireTeacher, type Membership } from './rooms';

// The annotation verbs inside a room. The phase decides what a student sees (their own work in
// the individual phase, everyone's after the reveal); hidden annotations never reach students;
// a locked room is read-only for them. The teacher sees and moderates everything.

/** What the room verbs need: the database and the bus events go out on. */
export interface RoomDeps {
	db: Db;
	bus: ClassroomBus;
}

/** A member's actor: the room is the scope, the member the author; events go to the room. */
export function actorOf(deps: RoomDeps, m: Membership): Actor {
	const publish = createRoomPublisher(deps.db, deps.bus, m.room.id);
	return {
		scope: { kind: 'room', id: m.room.id },
		author: { id: m.member.id, name: m.member.displayName },
		publish: (event) => publish(event),
		events: createRoomLog(deps.bus, m.room.id)
	};
}

/** The room's annotations this member may see now (SQL), tombstones left out. */
export function visibleTo(m: Membership): SQL {
	const conditions = [
		eq(annotation.scopeKind, 'room'),
		eq(annotation.scopeId, m.room.id),
		eq(annotation.comparisonId, m.room.comparisonId),
		isNull(annotation.deletedAt)
	];
	if (m.member.role === 'student') {
		conditions.push(eq(annotation.hidden, false));
		if (m.room.phase === 'individual') conditions.push(eq(annotation.authorId, m.member.id));
	}
	return and(...conditions) as SQL;
}

/** The room's annotations as this member may see them, placed in the current texts. */
export async function list(db: Db, m: Membership): Promise<Placed & { hiddenIds: string[] }> {
	const current = await annotations.requireComparison(db, m.room.comparisonId);
	const stored = await selectAnnotations(db, visibleTo(m));
	const placed = await placeAnnotations(db, stored, current);
	const hiddenIds =
		m.member.role === 'teacher'
			? (
					await db
						.select({ id: annotation.id })
						.from(annotation)
						.where(and(visibleTo(m), eq(annotation.hidden, true)))
				).map((r) => r.id)
			: [];
	return { ...placed, hiddenIds };
}

function refuseWhenLocked(m: Membership): void {
	if (m.room.locked && m.member.role === 'student')
		throw forbidden('The teacher has locked this room: it is read-only.');
}

/** An annotation of the room this member can see, or a 404. */
async function visibleOne(db: Db, m: Membership, id: string): Promise<Annotation> {
	if (!isUuid(id)) throw notFound('annotation');
	const [found] = await selectAnnotations(
		db,
		and(eq(annotation.id, id.toLowerCase()), visibleTo(m)) as SQL
	);
	if (!found) throw notFound('annotation');
	return found;
}

/** Whether the annotation is a tombstone of this room that this member could have deleted. */
async function wasDeletedBy(db: Db, m: Membership, id: string): Promise<boolean> {
	const [row] = await db
		.select({ authorId: annotation.authorId })
		.from(annotation)
		.where(
			and(
				eq(annotation.id, id),
				eq(annotation.scopeKind, 'room'),
				eq(annotation.scopeId, m.room.id),
				isNotNull(annotation.deletedAt)
			)
		);
	return !!row && (m.member.role === 'teacher' || row.authorId === m.member.id);
}

/**
 * Create an annotation in the room (a framing may only hang on a shared fact one can see); the
 * caller may pass the room's comparison it already loaded.
 */
export async function create(
	deps: RoomDeps,
	m: Membership,
	input: unknown,
	current?: ComparisonArticles
) {
	refuseWhenLocked(m);
	if (isRecord(input) && typeof input.attachedTo === 'string') {
		const seen = isUuid(input.attachedTo)
			? await deps.db
					.select({ id: annotation.id })
					.from(annotation)
					.where(and(eq(annotation.id, input.attachedTo.toLowerCase()), visibleTo(m)))
			: [];
		if (seen.length === 0)
			throw invalid([
				{
					field: 'attachedTo',
					message: 'The shared fact this framing is attached to does not exist.'
				}
			]);
	}
	return annotations.create(deps.db, actorOf(deps, m), m.room.comparisonId, input, current);
}

/** Change one's own annotation (hidden ones are out of a student's reach). */
export async function update(deps: RoomDeps, m: Membership, id: string, patch: unknown) {
	refuseWhenLocked(m);
	await visibleOne(deps.db, m, id);
	return annotations.update(deps.db, actorOf(deps, m), id.toLowerCase(), patch);
}

/**
 * Delete an annotation: one's own, or, for the teacher, anyone's (moderation). The teacher's
 * delete runs the author's delete, so the tombstone, detached framings and events are the same.
 */
export async function remove(deps: RoomDeps, m: Membership, id: string): Promise<void> {
	refuseWhenLocked(m);
	// deleting again is fine (a retried request): a tombstone one could delete answers quietly
	if (isUuid(id) && (await wasDeletedBy(deps.db, m, id.toLowerCase()))) return;
	const found = await visibleOne(deps.db, m, id);
	const actor = actorOf(deps, m);
	const byTeacher = m.member.role === 'teacher' && found.author.id !== m.member.id;
	if (byTeacher) actor.author = { ...found.author };
	await annotations.remove(deps.db, actor, found.id, { byTeacher });
}

/**
 * The teacher hides or shows an annotation. Students drop a hidden one at once (the event has no
 * content); showing it again sends it to those who may see it in this phase.
 */
export async function setHidden(
	deps: RoomDeps,
	m: Membership,
	id: string,
	hidden: unknown
): Promise<void> {
	requireTeacher(m);
	requireClass(m);
	if (typeof hidden !== 'boolean')
		throw invalid([{ field: 'hidden', message: 'hidden is true or false.' }]);
	const found = await visibleOne(deps.db, m, id);
	const changed = await deps.db
		.update(annotation)
		.set({ hidden })
		.where(and(eq(annotation.id, found.id), ne(annotation.hidden, hidden)))
		.returning({ id: annotation.id });
	if (changed.length === 0) return;
	const publish = createRoomPublisher(deps.db, deps.bus, m.room.id);
	const scope = { kind: 'room' as const, id: m.room.id };
	const envelope = { scope, comparisonId: m.room.comparisonId };
	await publish(
		{ type: 'annotation.moderated', ...envelope, data: { id: found.id, hidden } },
		{ annotationId: found.id }
	);
	if (!hidden)
		await publish(
			{ type: 'annotation.created', ...envelope, data: { annotation: found } },
			{ annotationId: found.id, ownerId: found.author.id }
		);
}

/** Reply to an annotation one can see (in the individual phase: one's own, or the teacher). */
export async function reply(deps: RoomDeps, m: Membership, annotationId: string, input: unknown) {
	refuseWhenLocked(m);
	const found = await visibleOne(deps.db, m, annotationId);
	return replies.create(deps.db, actorOf(deps, m), found.id, input);
}

import type { RequestEvent } from '@sveltejs/kit';
import { isRecord, validateAnnotationInput, type Annotation } from '../../domain/annotation';
import {
	checkInput,
	eventOf,
	findComparisonArticles,
	insertAnnotation,
	newAnnotationRow,
	sendStaged,
	textsOf,
	toAnnotation,
	toTarget,
	type ComparisonArticles,
	type ComparisonHead,
	type Queryable
} from '../annotations';
import { isPglite, perDatabase } from '../db/connect';
import { RecentMap } from '../db/recent-map';
import type { AnnotationRow } from '../db/schema';
import { isUuid } from '../http';
import * as roomAnnotations from './annotation-verbs';
import { actorOf, type RoomDeps } from './annotation-verbs';
import { personalRoomForCreate } from './reader-session';
import type { Membership } from './room-rows';
import { requireMembershipForWrite, roomDeps } from './route-context';
import { roomCookieName } from './tokens';

// An annotation create as the routes run it. The first write of a caller in a room looks up
// their membership (one query) and then stores the annotation (one statement). The membership
// is remembered, so the caller's next create is ONE statement: the annotation, its passages and
// its event are stored only if the remembered membership still holds, which the statement
// checks itself (member not removed, same name, room unlocked for a student, the comparison's
// articles unchanged). When it no longer holds, nothing was stored: the write takes the first
// path, which answers as before (404, 403, or the stored annotation of a retried id).

/** A membership a create found, with what a create needs of the room's comparison. */
interface Remembered {
	membership: Membership;
	head: ComparisonHead;
	/** the slug the route named the comparison by (a personal room's route), or null */
	slug: string | null;
}

/** Remembered memberships per caller, at most this many per database (least recently used dropped first). */
const MAX_REMEMBERED = 10_000;

/** One memory per open database (tests open many). */
const memoryOf = perDatabase(() => new RecentMap<string, Remembered>(MAX_REMEMBERED));

/** The comparison's row as a create needs it, from its current articles. */
const headOf = (current: ComparisonArticles): ComparisonHead => ({
	id: current.id,
	title: current.title,
	aId: current.a.id,
	bId: current.b.id
});

/**
 * A create in ONE statement from a remembered membership, or undefined when it must take the
 * first path: input it would refuse or that needs more checks (a framing's shared fact), a
 * student in a room remembered locked, or a membership that no longer holds (nothing stored).
 */
async function createRemembered(
	deps: RoomDeps,
	{ membership, head, slug }: Remembered,
	input: unknown
): Promise<{ created: boolean; value: Annotation } | undefined> {
	if (membership.room.locked && membership.member.role === 'student') return undefined;
	if (!isRecord(input) || input.attachedTo !== undefined) return undefined;
	// remembered before the comparison was deleted: the first path answers 404
	const current = await findComparisonArticles(deps.db, head);
	if (!current) return undefined;
	const checked = validateAnnotationInput(input, textsOf(current));
	if (!checked.ok) return undefined;
	const value = checked.value;
	const actor = actorOf(deps, membership);
	const row: AnnotationRow = {
		...newAnnotationRow(actor, head.id, value, new Date()),
		hidden: false,
		deletedAt: null
	};
	const made = toAnnotation(row, value.targets.map(toTarget), []);
	const event = eventOf(actor, head.id, 'annotation.created', { annotation: made });
	const log = actor.events!;
	// a new annotation is never hidden and names its author: its event's audience
	const stored = log.row(event, { annotationId: made.id, ownerId: made.author.id });
	const guard = {
		roomId: membership.room.id,
		memberId: membership.member.id,
		memberName: membership.member.displayName,
		articleAId: head.aId,
		articleBId: head.bId,
		slug
	};
	const write = async (q: Queryable) => {
		await log.lock(q);
		const done = await insertAnnotation(q, row, value.targets, current, stored, guard);
		return done.allowed && done.inserted ? log.stored(q, stored, done.eventId!) : undefined;
	};
	// PGlite runs the statement alone; PostgreSQL takes the room's event lock and NOTIFYs in it
	const send = isPglite(deps.db) ? await write(deps.db) : await deps.db.transaction(write);
	if (!send) return undefined;
	await sendStaged([send]);
	return { created: true, value: made };
}

/** The memory key of a class-room create: the same cookie and workspace find the same member (their tokens never change). */
export function roomCreateKey(roomId: string, roomCookie: string, workspaceId: string | undefined) {
	return `room ${roomId.toLowerCase()} ${roomCookie} ${workspaceId ?? ''}`;
}

/** The memory key of a personal-room create: the workspace and the comparison as the route names it. */
export function personalCreateKey(workspaceId: string, comparisonParam: string) {
	return `personal ${workspaceId} ${comparisonParam}`;
}

/** Whether a create under `key` would be tried in one statement (the caller's membership is remembered). */
export async function remembersCreate(key: string): Promise<boolean> {
	return memoryOf((await roomDeps()).db).has(key);
}

/**
 * A create in ONE statement from the membership remembered under `key`, or undefined (nothing
 * stored) when it must take the first path: no membership remembered, input the first path
 * answers (a refusal, a framing), or a membership that no longer holds (then forgotten).
 */
export async function createFromMemory(
	key: string,
	input: unknown
): Promise<{ created: boolean; value: Annotation } | undefined> {
	const deps = await roomDeps();
	const memory = memoryOf(deps.db);
	const known = memory.get(key);
	if (!known) return undefined;
	const made = await createRemembered(deps, known, input);
	if (!made) memory.delete(key);
	return made;
}

/**
 * Create an annotation in the route's class room (idempotent by client id): a 404 for anyone
 * but a member, as every room route.
 */
export async function createInRoom(
	event: Pick<RequestEvent, 'cookies' | 'locals'> & { params: { roomId?: string } },
	input: unknown
) {
	const roomId = (event.params.roomId ?? '').toLowerCase();
	const { db } = await roomDeps();
	const cookie = event.cookies.get(roomCookieName(roomId)) ?? '';
	const key = roomCreateKey(roomId, cookie, event.locals.workspace?.id);
	const made = await createFromMemory(key, input);
	if (made) return made;
	const { deps, membership, current } = await requireMembershipForWrite(event);
	memoryOf(db).set(key, { membership, head: headOf(current), slug: null });
	return roomAnnotations.create(deps, membership, input, current);
}

/**
 * Create an annotation in the reader's personal room on the route's comparison (made with the
 * workspace on their first write, once the input passed).
 */
export async function createInPersonalRoom(event: RequestEvent, input: unknown) {
	const param = event.params.id ?? '';
	const { db } = await roomDeps();
	const workspace = event.locals.workspace;
	const made = workspace
		? await createFromMemory(personalCreateKey(workspace.id, param), input)
		: undefined;
	if (made) return made;
	const { deps, membership, current } = await personalRoomForCreate(event, param, (db, loaded) =>
		checkInput(db, loaded.id, input, loaded)
	);
	// the first write made the workspace if there was none
	const owner = event.locals.workspace;
	if (owner)
		memoryOf(db).set(personalCreateKey(owner.id, param), {
			membership,
			head: headOf(current),
			slug: isUuid(param) ? null : param
		});
	return roomAnnotations.create(deps, membership, input, current);
}

import type { RequestEvent } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { env } from '$env/dynamic/private';
import { isSlug } from '../../domain/text';
import { getDatabase } from '../db';
import type { Db } from '../db/connect';
import { comparison } from '../db/schema';
import { notFound, isUuid } from '../http';
import * as personal from './personal-rooms';
import { completeComparison, type Actor, type ComparisonArticles } from '../annotations';
import { actorOf, type RoomDeps } from './annotation-verbs';
import { lastId } from './event-replay';
import { roomDeps } from './route-context';
import type { Membership } from './rooms';
import * as workspaces from './workspaces';

// The caller's workspace for the API routes: read from locals (the hooks resolved the cookie),
// created on the first write with its cookie set on the response. A reader's work on a
// comparison lives in their personal room there (a room of one), which the room verbs serve.

/** The room verbs' dependencies and the caller's membership of their personal room. */
interface PersonalRoom {
	deps: RoomDeps;
	membership: Membership;
}

/** The database of this process. */
export async function database(): Promise<Db> {
	return (await getDatabase()).db;
}

/** The caller's workspace, or null when the browser has none yet (reads then see nothing). */
export function currentWorkspace(event: RequestEvent): workspaces.Workspace | null {
	return event.locals.workspace ?? null;
}

/** The caller's workspace, made now (and its cookie set) if the browser has none. */
export async function ensureWorkspace(event: RequestEvent): Promise<workspaces.Workspace> {
	if (event.locals.workspace) return event.locals.workspace;
	const db = await database();
	const secret = await workspaces.getSecret(db, env.PARALLAX_SECRET || undefined);
	const { workspace, cookie } = await workspaces.create(db, secret);
	event.cookies.set(workspaces.WORKSPACE_COOKIE, cookie, workspaces.cookieOptions(event.url));
	event.locals.workspace = workspace;
	event.locals.sessionKey = workspaces.verifyCookieValue(secret, cookie) ?? null;
	return workspace;
}

/** The comparison a route's [id] names: its uuid, or the slug of a well-known one ('seed'). */
export async function comparisonIdOf(db: Db, param: string): Promise<string> {
	if (isUuid(param)) return param.toLowerCase();
	if (!isSlug(param)) throw notFound('comparison');
	const [row] = await db
		.select({ id: comparison.id })
		.from(comparison)
		.where(eq(comparison.slug, param))
		.limit(1);
	if (!row) throw notFound('comparison');
	return row.id;
}

/** The caller's personal room on a comparison, or null before their first write there. */
export async function personalRoom(
	event: RequestEvent,
	comparisonId: string
): Promise<PersonalRoom | null> {
	const workspace = currentWorkspace(event);
	if (!workspace) return null;
	const deps = await roomDeps();
	const membership = await personal.find(deps.db, workspace, comparisonId);
	return membership ? { deps, membership } : null;
}

/**
 * The caller's personal room on a comparison for a write. Before their first write there, the
 * request is checked first (`check` throws its 4xx), so a refused request makes no workspace,
 * cookie or room: bad input changes nothing.
 */
export async function personalRoomForWrite(
	event: RequestEvent,
	comparisonId: string,
	check: (db: Db) => Promise<void>
): Promise<PersonalRoom> {
	const existing = await personalRoom(event, comparisonId);
	if (existing) return existing;
	await check(await database());
	return ensurePersonalRoom(event, comparisonId);
}

/**
 * For a create: the comparison the route names with its current texts, and the caller's personal
 * room there (made now, after `check` passed, before their first write). One query on the usual
 * path, where looking up the slug, the room and the comparison took three.
 */
export async function personalRoomForCreate(
	event: RequestEvent,
	param: string,
	check: (db: Db, current: ComparisonArticles) => Promise<void>
): Promise<PersonalRoom & { current: ComparisonArticles }> {
	const db = await database();
	const found = await personal.findWithComparison(db, currentWorkspace(event), param);
	if (!found) throw notFound('comparison');
	const current = await completeComparison(db, found.head);
	if (found.membership) return { deps: await roomDeps(), membership: found.membership, current };
	await check(db, current);
	return { ...(await ensurePersonalRoom(event, current.id)), current };
}

/** The caller's personal room on a comparison, made now (with the workspace) if needed. */
async function ensurePersonalRoom(
	event: RequestEvent,
	comparisonId: string
): Promise<PersonalRoom> {
	const workspace = await ensureWorkspace(event);
	const deps = await roomDeps();
	return { deps, membership: await personal.ensure(deps.db, workspace, comparisonId) };
}

/** The caller's personal room holding an annotation (or a reply), or a 404 naming it. */
export async function personalRoomOf(
	event: RequestEvent,
	what: 'annotation' | 'reply',
	id: string
): Promise<PersonalRoom> {
	const workspace = currentWorkspace(event);
	if (!workspace) throw notFound(what);
	const deps = await roomDeps();
	const membership =
		what === 'annotation'
			? await personal.ofAnnotation(deps.db, workspace, id)
			: await personal.ofReply(deps.db, workspace, id);
	if (!membership) throw notFound(what);
	return { deps, membership };
}

/** Nobody's scope: what a reader without a personal room reads and exports (nothing). */
const NOBODY: Actor = {
	scope: { kind: 'room', id: '00000000-0000-0000-0000-000000000000' },
	author: { id: '', name: '' }
};

/** The actor of the caller's personal room on a comparison (reads only: nobody's if none). */
export async function personalActor(event: RequestEvent, comparisonId: string): Promise<Actor> {
	const personal = await personalRoom(event, comparisonId);
	return personal ? actorOf(personal.deps, personal.membership) : NOBODY;
}

/** The actor of the caller's personal room for a write (see personalRoomForWrite). */
export async function personalActorForWrite(
	event: RequestEvent,
	comparisonId: string,
	check: (db: Db) => Promise<void>
): Promise<Actor> {
	const { deps, membership } = await personalRoomForWrite(event, comparisonId, check);
	return actorOf(deps, membership);
}

/** What a reading page needs to follow the reader's personal room live (null: none yet). */
export interface PersonalStream {
	roomId: string;
	memberId: string;
	/** the stream resumes after this event */
	lastEventId: number;
}

/** The caller's personal room on a comparison as a page streams it, or null before any write. */
export async function personalStream(
	event: RequestEvent,
	comparisonId: string
): Promise<PersonalStream | null> {
	const personal = await personalRoom(event, comparisonId);
	if (!personal) return null;
	const { room, member } = personal.membership;
	return {
		roomId: room.id,
		memberId: member.id,
		lastEventId: await lastId(personal.deps.db, room.id)
	};
}

import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { completeComparison, type ComparisonArticles } from '../annotations';
import { getDatabase } from '../db';
import { notFound } from '../http';
import { getBus } from '../live';
import type { RoomDeps } from './annotation-verbs';
import { roomCookieName } from './tokens';
import * as rooms from './rooms';
import { cookieOptions, getSecret } from './workspaces';

// Glue for the room routes: the database, bus and secret of this process, and the caller's
// membership from the room's cookie (a 404 for anyone else, so a room's existence never leaks).

/** The database and bus of this process. */
export async function roomDeps(): Promise<RoomDeps> {
	return { db: (await getDatabase()).db, bus: await getBus() };
}

/** The cookie-signing secret (PARALLAX_SECRET or the stored one). */
export async function roomSecret(): Promise<Buffer> {
	return getSecret((await getDatabase()).db, env.PARALLAX_SECRET || undefined);
}

/**
 * The caller's membership of the route's room, or a 404: a class by its room cookie, a personal
 * room by its owner's workspace.
 */
export async function requireMembership(
	event: Pick<RequestEvent, 'cookies' | 'locals'> & { params: { roomId?: string } }
): Promise<{ deps: RoomDeps; membership: rooms.Membership }> {
	const roomId = event.params.roomId ?? '';
	const deps = await roomDeps();
	const cookie = event.cookies.get(roomCookieName(roomId.toLowerCase()));
	const workspaceId = event.locals.workspace?.id;
	const membership = await rooms.membershipOf(
		deps.db,
		await roomSecret(),
		roomId,
		cookie,
		workspaceId
	);
	if (!membership) throw notFound('room');
	return { deps, membership };
}

/**
 * For a write: the caller's membership of the route's room (or a 404, as requireMembership) with
 * the room's comparison and its current texts, read in the same query.
 */
export async function requireMembershipForWrite(
	event: Pick<RequestEvent, 'cookies' | 'locals'> & { params: { roomId?: string } }
): Promise<{ deps: RoomDeps; membership: rooms.Membership; current: ComparisonArticles }> {
	const roomId = event.params.roomId ?? '';
	const deps = await roomDeps();
	const cookie = event.cookies.get(roomCookieName(roomId.toLowerCase()));
	const found = await rooms.membershipWithComparison(
		deps.db,
		await roomSecret(),
		roomId,
		cookie,
		event.locals.workspace?.id
	);
	if (!found) throw notFound('room');
	return {
		deps,
		membership: found.membership,
		current: await completeComparison(deps.db, found.head)
	};
}

/** Set a member's cookie for their room. */
export function setRoomCookie(cookies: Cookies, url: URL, roomId: string, value: string): void {
	cookies.set(roomCookieName(roomId), value, cookieOptions(url));
}

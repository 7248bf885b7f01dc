import { apiRoute, jsonResponse, readJson } from '$lib/server/http';
import { lastId, requireMembership, roomSecret, teacher, rooms } from '$lib/server/rooms';
import type { RequestHandler } from './$types';

/**
 * The room as the caller sees it: room, own membership and the id of the newest event (connect
 * the stream after it); the teacher also gets the members and the join code.
 */
export const GET: RequestHandler = apiRoute(async (event) => {
	const { deps, membership } = await requireMembership(event);
	const base = { ...membership, lastEventId: await lastId(deps.db, membership.room.id) };
	if (membership.member.role !== 'teacher' || membership.room.kind !== 'class')
		return jsonResponse(base);
	const members = await rooms.listMembers(deps.db, membership.room.id);
	const joinCode = await rooms.joinCodeOf(deps.db, await roomSecret(), membership.room.id);
	return jsonResponse({ ...base, members, joinCode });
});

/** The teacher switches phase (and spotlight) or locks the room. */
export const PATCH: RequestHandler = apiRoute(async (event) => {
	const body = await readJson(event.request);
	const { deps, membership } = await requireMembership(event);
	return jsonResponse(await teacher.change(deps, membership, body));
});

/** The teacher deletes the room and everything in it: 204. */
export const DELETE: RequestHandler = apiRoute(async (event) => {
	const { deps, membership } = await requireMembership(event);
	await teacher.removeRoom(deps, membership);
	return new Response(null, { status: 204 });
});

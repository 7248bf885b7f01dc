import {
	RequestError,
	apiRoute,
	jsonResponse,
	readJson,
	refuseUnknownFields
} from '$lib/server/http';
import { isRecord } from '$lib/domain/annotation';
import { roomDeps, roomSecret, setRoomCookie, teacher, rooms } from '$lib/server/rooms';
import type { RequestHandler } from './$types';

/** Join a room with its code and a display name: 201 and the member's room cookie. */
export const POST: RequestHandler = apiRoute(async (event) => {
	const body = await readJson(event.request);
	if (isRecord(body)) refuseUnknownFields(body, ['code', 'displayName']);
	const deps = await roomDeps();
	const room = isRecord(body) ? await rooms.findByJoinCode(deps.db, body.code) : undefined;
	// the same words as the join form's (routes/rooms/+page.server.ts)
	if (!room)
		throw new RequestError(404, 'not_found', 'No room has this code. Check it with your teacher.');
	const secret = await roomSecret();
	const { member, cookie } = await rooms.addMember(
		deps.db,
		secret,
		room.id,
		'student',
		(body as Record<string, unknown>).displayName
	);
	setRoomCookie(event.cookies, event.url, room.id, cookie);
	await teacher.announceJoin(deps, { room, member });
	return jsonResponse({ room, member }, 201);
});

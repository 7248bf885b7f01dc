import { annotations } from '$lib/server/annotations';
import { apiRoute, jsonResponse, readJson, invalid, refuseUnknownFields } from '$lib/server/http';
import { isRecord } from '$lib/domain/annotation';
import {
	roomDeps,
	roomSecret,
	setRoomCookie,
	rememberTeacherLink,
	rooms,
	comparisonIdOf
} from '$lib/server/rooms';
import type { RequestHandler } from './$types';

/**
 * Create a room on a comparison: 201 with the teacher link (shown once: keep it) and the join
 * code; the response sets the teacher's room cookie and remembers the link on this browser.
 */
export const POST: RequestHandler = apiRoute(async (event) => {
	const body = await readJson(event.request);
	if (!isRecord(body) || typeof body.comparisonId !== 'string')
		throw invalid([{ field: 'comparisonId', message: 'Name the comparison (its id or slug).' }]);
	refuseUnknownFields(body, ['comparisonId', 'title']);
	const { db } = await roomDeps();
	const comparisonId = await comparisonIdOf(db, body.comparisonId);
	await annotations.requireComparison(db, comparisonId);
	const made = await rooms.create(db, await roomSecret(), comparisonId, body.title);
	setRoomCookie(event.cookies, event.url, made.room.id, made.cookie);
	rememberTeacherLink(event.cookies, event.url, made.room.id, made.teacherToken);
	return jsonResponse(
		{
			room: made.room,
			member: made.teacher,
			joinCode: made.joinCode,
			teacherUrl: new URL(`/rooms/teach/${made.teacherToken}`, event.url).href
		},
		201
	);
});

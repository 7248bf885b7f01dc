import { apiRoute, jsonResponse, readJson } from '$lib/server/http';
import { roomReplies, personalRoomOf } from '$lib/server/rooms';
import type { RequestHandler } from './$types';

/** Change the note of one of the caller's replies ({ note }). */
export const PATCH: RequestHandler = apiRoute(async (event) => {
	const body = await readJson(event.request);
	const { deps, membership } = await personalRoomOf(event, 'reply', event.params.id);
	return jsonResponse(await roomReplies.updateReply(deps, membership, event.params.id, body));
});

/** Delete one of the caller's replies (204; again is fine). */
export const DELETE: RequestHandler = apiRoute(async (event) => {
	const { deps, membership } = await personalRoomOf(event, 'reply', event.params.id);
	await roomReplies.removeReply(deps, membership, event.params.id);
	return new Response(null, { status: 204 });
});

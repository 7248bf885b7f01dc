import { apiRoute, jsonResponse, readJson } from '$lib/server/api';
import * as extras from '$lib/server/rooms-extras';
import { personalRoomOf } from '$lib/server/session';
import type { RequestHandler } from './$types';

/** Change the note of one of the caller's replies ({ note }). */
export const PATCH: RequestHandler = apiRoute(async (event) => {
	const body = await readJson(event.request);
	const { deps, membership } = await personalRoomOf(event, 'reply', event.params.id);
	return jsonResponse(await extras.updateReply(deps, membership, event.params.id, body));
});

/** Delete one of the caller's replies (204; again is fine). */
export const DELETE: RequestHandler = apiRoute(async (event) => {
	const { deps, membership } = await personalRoomOf(event, 'reply', event.params.id);
	await extras.removeReply(deps, membership, event.params.id);
	return new Response(null, { status: 204 });
});

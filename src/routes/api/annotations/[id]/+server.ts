import { apiRoute, jsonResponse, readJson } from '$lib/server/http';
import { roomAnnotations, personalRoomOf } from '$lib/server/rooms';
import type { RequestHandler } from './$types';

/** Change one of the caller's annotations (the fields given; null clears one). */
export const PATCH: RequestHandler = apiRoute(async (event) => {
	const body = await readJson(event.request);
	const { deps, membership } = await personalRoomOf(event, 'annotation', event.params.id);
	return jsonResponse(await roomAnnotations.update(deps, membership, event.params.id, body));
});

/** Delete one of the caller's annotations (204; again is fine). */
export const DELETE: RequestHandler = apiRoute(async (event) => {
	const { deps, membership } = await personalRoomOf(event, 'annotation', event.params.id);
	await roomAnnotations.remove(deps, membership, event.params.id);
	return new Response(null, { status: 204 });
});

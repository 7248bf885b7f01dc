import { apiRoute, jsonResponse, readJson } from '$lib/server/http';
import { roomAnnotations, personalRoomOf } from '$lib/server/rooms';
import type { RequestHandler } from './$types';

/** Reply to an annotation ({ id, note }); idempotent by id: 201 when made, 200 when there. */
export const POST: RequestHandler = apiRoute(async (event) => {
	const body = await readJson(event.request);
	const { deps, membership } = await personalRoomOf(event, 'annotation', event.params.id);
	const { created, value } = await roomAnnotations.reply(deps, membership, event.params.id, body);
	return jsonResponse(value, created ? 201 : 200);
});

import { apiRoute, jsonResponse, readJson } from '$lib/server/api';
import * as roomAnnotations from '$lib/server/rooms-annotations';
import { personalRoomOf } from '$lib/server/session';
import type { RequestHandler } from './$types';

/** Reply to an annotation ({ id, note }); idempotent by id: 201 when made, 200 when there. */
export const POST: RequestHandler = apiRoute(async (event) => {
	const body = await readJson(event.request);
	const { deps, membership } = await personalRoomOf(event, 'annotation', event.params.id);
	const { created, value } = await roomAnnotations.reply(deps, membership, event.params.id, body);
	return jsonResponse(value, created ? 201 : 200);
});

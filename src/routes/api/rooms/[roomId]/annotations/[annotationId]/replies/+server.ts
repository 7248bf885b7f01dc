import { apiRoute, jsonResponse, readJson } from '$lib/server/http';
import { roomAnnotations, requireMembership } from '$lib/server/rooms';
import type { RequestHandler } from './$types';

/** Reply to an annotation the caller can see in the room: 201, or 200 when already there. */
export const POST: RequestHandler = apiRoute(async (event) => {
	const body = await readJson(event.request);
	const { deps, membership } = await requireMembership(event);
	const { created, value } = await roomAnnotations.reply(
		deps,
		membership,
		event.params.annotationId,
		body
	);
	return jsonResponse(value, created ? 201 : 200);
});

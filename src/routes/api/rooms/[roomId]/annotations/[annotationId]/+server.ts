import { apiRoute, jsonResponse, readJson } from '$lib/server/http';
import { roomAnnotations, requireMembership } from '$lib/server/rooms';
import type { RequestHandler } from './$types';

/** Change one's own annotation in the room. */
export const PATCH: RequestHandler = apiRoute(async (event) => {
	const body = await readJson(event.request);
	const { deps, membership } = await requireMembership(event);
	return jsonResponse(
		await roomAnnotations.update(deps, membership, event.params.annotationId, body)
	);
});

/** Delete one's own annotation, or (teacher) anyone's: 204. */
export const DELETE: RequestHandler = apiRoute(async (event) => {
	const { deps, membership } = await requireMembership(event);
	await roomAnnotations.remove(deps, membership, event.params.annotationId);
	return new Response(null, { status: 204 });
});

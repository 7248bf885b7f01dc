import { apiRoute, jsonResponse, readJson } from '$lib/server/http';
import { roomAnnotations, listDecisions, requireMembership, createInRoom } from '$lib/server/rooms';
import type { RequestHandler } from './$types';

/** The room's annotations the caller may see in this phase (the teacher: all, with hiddenIds). */
export const GET: RequestHandler = apiRoute(async (event) => {
	const { deps, membership } = await requireMembership(event);
	const placed = await roomAnnotations.list(deps.db, membership);
	return jsonResponse({ ...placed, decisions: await listDecisions(deps.db, membership) });
});

/** Create an annotation in the room (idempotent by client id): 201, or 200 when already there. */
export const POST: RequestHandler = apiRoute(async (event) => {
	const body = await readJson(event.request);
	const { created, value } = await createInRoom(event, body);
	return jsonResponse(value, created ? 201 : 200);
});

import { apiRoute, jsonResponse, readJson } from '$lib/server/http';
import { requireComparison } from '$lib/server/annotations';
import {
	roomAnnotations,
	lastId,
	listDecisions,
	comparisonIdOf,
	database,
	personalRoom,
	createInPersonalRoom
} from '$lib/server/rooms';
import type { RequestHandler } from './$types';

// The reader's own annotations on a comparison: the verbs of their personal room (a room of one),
// reached by the comparison's address so a page needs no room id before the first write.

/** The caller's annotations (placed in the current texts), orphans, decisions and live stream. */
export const GET: RequestHandler = apiRoute(async (event) => {
	const db = await database();
	const id = await comparisonIdOf(db, event.params.id);
	const personal = await personalRoom(event, id);
	if (!personal) {
		await requireComparison(db, id);
		return jsonResponse({ annotations: [], orphans: [], decisions: [], stream: null });
	}
	const { deps, membership } = personal;
	// read before the listing: a page following the stream from here misses nothing in between
	const lastEventId = await lastId(deps.db, membership.room.id);
	const { hiddenIds: _hidden, ...placed } = await roomAnnotations.list(deps.db, membership);
	const decisions = await listDecisions(deps.db, membership);
	const stream = { roomId: membership.room.id, memberId: membership.member.id, lastEventId };
	return jsonResponse({ ...placed, decisions, stream });
});

/** Create an annotation (idempotent by its client id): 201 when made, 200 when already there. */
export const POST: RequestHandler = apiRoute(async (event) => {
	const body = await readJson(event.request);
	const { created, value } = await createInPersonalRoom(event, body);
	return jsonResponse(value, created ? 201 : 200);
});

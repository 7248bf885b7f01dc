import { apiRoute, jsonResponse, readJson } from '$lib/server/http';
import {
	roomSuggestions,
	comparisonIdOf,
	database,
	personalRoomForWrite,
	refuseHeld
} from '$lib/server/rooms';
import type { RequestHandler } from './$types';

/** Accept or dismiss a suggested shared fact ({ decision, annotationId? }). */
export const POST: RequestHandler = apiRoute(async (event) => {
	const body = await readJson(event.request);
	const id = await comparisonIdOf(await database(), event.params.id);
	const { suggestionId } = event.params;
	// before the id is checked: a 404 for a wrong guess would tell which ids are suggestions
	await refuseHeld(event, id);
	const { deps, membership } = await personalRoomForWrite(event, id, (db) =>
		roomSuggestions.checkDecision(db, id, suggestionId, body)
	);
	const result = await roomSuggestions.decide(deps, membership, suggestionId, body);
	return jsonResponse(
		{ decision: result.decision, annotation: result.annotation ?? null },
		result.changed && result.annotation ? 201 : 200
	);
});

/** Take back a dismissal (Undo): the suggestion is undecided again. */
export const DELETE: RequestHandler = apiRoute(async (event) => {
	const id = await comparisonIdOf(await database(), event.params.id);
	const { suggestionId } = event.params;
	await refuseHeld(event, id);
	const { deps, membership } = await personalRoomForWrite(event, id, (db) =>
		roomSuggestions.checkDecision(db, id, suggestionId, { decision: 'dismissed' })
	);
	await roomSuggestions.withdraw(deps, membership, suggestionId);
	return new Response(null, { status: 204 });
});

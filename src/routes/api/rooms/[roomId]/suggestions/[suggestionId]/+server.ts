import { apiRoute, jsonResponse, readJson } from '$lib/server/http';
import { refuseHeld, roomSuggestions, requireMembership } from '$lib/server/rooms';
import type { RequestHandler } from './$types';

/** A member accepts or dismisses a suggested shared fact ({ decision, annotationId? }). */
export const POST: RequestHandler = apiRoute(async (event) => {
	const body = await readJson(event.request);
	const { deps, membership } = await requireMembership(event);
	await refuseHeld(event, membership.room.comparisonId);
	const result = await roomSuggestions.decide(deps, membership, event.params.suggestionId, body);
	return jsonResponse(
		{ decision: result.decision, annotation: result.annotation ?? null },
		result.changed && result.annotation ? 201 : 200
	);
});

/** A member takes back a dismissal (Undo): the suggestion is undecided again. */
export const DELETE: RequestHandler = apiRoute(async (event) => {
	const { deps, membership } = await requireMembership(event);
	await refuseHeld(event, membership.room.comparisonId);
	await roomSuggestions.withdraw(deps, membership, event.params.suggestionId);
	return new Response(null, { status: 204 });
});

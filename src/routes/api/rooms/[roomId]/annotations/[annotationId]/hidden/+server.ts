import { apiRoute, readJson } from '$lib/server/http';
import { isRecord } from '$lib/domain/annotation';
import { roomAnnotations, requireMembership } from '$lib/server/rooms';
import type { RequestHandler } from './$types';

/** The teacher hides (`{ "hidden": true }`) or shows an annotation: 204. */
export const PUT: RequestHandler = apiRoute(async (event) => {
	const body = await readJson(event.request);
	const { deps, membership } = await requireMembership(event);
	const hidden = isRecord(body) ? body.hidden : undefined;
	await roomAnnotations.setHidden(deps, membership, event.params.annotationId, hidden);
	return new Response(null, { status: 204 });
});

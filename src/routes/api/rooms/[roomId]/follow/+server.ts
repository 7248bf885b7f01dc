import { apiRoute, readJson } from '$lib/server/http';
import { isRecord } from '$lib/domain/annotation';
import { requireMembership, teacher } from '$lib/server/rooms';
import type { RequestHandler } from './$types';

/** Presentation mode: the teacher's reading position `{ side, sentence }`, sent live: 204. */
export const POST: RequestHandler = apiRoute(async (event) => {
	const body = await readJson(event.request);
	const { deps, membership } = await requireMembership(event);
	const b = isRecord(body) ? body : {};
	await teacher.follow(deps, membership, b.side, b.sentence);
	return new Response(null, { status: 204 });
});

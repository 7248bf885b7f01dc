import { apiRoute } from '$lib/server/api';
import { requireMembership } from '$lib/server/rooms-http';
import * as teacher from '$lib/server/rooms-teacher';
import type { RequestHandler } from './$types';

/** The teacher removes a student: 204; the student's cookie and stream stop working. */
export const DELETE: RequestHandler = apiRoute(async (event) => {
	const { deps, membership } = await requireMembership(event);
	await teacher.removeStudent(deps, membership, event.params.memberId);
	return new Response(null, { status: 204 });
});

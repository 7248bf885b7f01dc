import { apiRoute } from '$lib/server/http';
import { requireMembership, teacher } from '$lib/server/rooms';
import type { RequestHandler } from './$types';

/** The teacher removes a student: 204; the student's cookie and stream stop working. */
export const DELETE: RequestHandler = apiRoute(async (event) => {
	const { deps, membership } = await requireMembership(event);
	await teacher.removeStudent(deps, membership, event.params.memberId);
	return new Response(null, { status: 204 });
});

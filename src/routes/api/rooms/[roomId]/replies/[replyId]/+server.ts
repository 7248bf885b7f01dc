import { apiRoute, jsonResponse, readJson } from '$lib/server/http';
import { roomReplies, requireMembership } from '$lib/server/rooms';
import type { RequestHandler } from './$types';

/** Change the note of one's own reply in the room ({ note }). */
export const PATCH: RequestHandler = apiRoute(async (event) => {
	const body = await readJson(event.request);
	const { deps, membership } = await requireMembership(event);
	return jsonResponse(await roomReplies.updateReply(deps, membership, event.params.replyId, body));
});

/** Delete one's own reply, or (teacher) anyone's: 204. */
export const DELETE: RequestHandler = apiRoute(async (event) => {
	const { deps, membership } = await requireMembership(event);
	await roomReplies.removeReply(deps, membership, event.params.replyId);
	return new Response(null, { status: 204 });
});

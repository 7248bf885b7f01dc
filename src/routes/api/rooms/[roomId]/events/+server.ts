import { apiRoute } from '$lib/server/api';
import { requireMembership } from '$lib/server/rooms-http';
import { createRoomStream, resumeId } from '$lib/server/rooms-stream';
import type { RequestHandler } from './$types';

/** The room's live events (text/event-stream), resuming after Last-Event-ID or ?after=. */
export const GET: RequestHandler = apiRoute(async (event) => {
	const { deps, membership } = await requireMembership(event);
	const after = resumeId(event.request.headers, event.url);
	const stream = createRoomStream(deps, membership, after, event.request.signal);
	return new Response(stream, {
		headers: {
			'content-type': 'text/event-stream',
			'cache-control': 'no-cache',
			connection: 'keep-alive',
			'x-accel-buffering': 'no'
		}
	});
});

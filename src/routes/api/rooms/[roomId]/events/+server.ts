import { apiRoute, errorResponse } from '$lib/server/http';
import {
	requireMembership,
	createRoomStream,
	resumeId,
	streamGate,
	type Refusal
} from '$lib/server/rooms';
import type { RequestHandler } from './$types';

/** 429 with Retry-After: the page's client waits and opens the stream again. */
function refused(refusal: Refusal): Response {
	return errorResponse(429, 'rate_limited', refusal.message, {
		headers: { 'retry-after': String(refusal.retryAfterSeconds) }
	});
}

/**
 * The room's live events (text/event-stream), resuming after Last-Event-ID or ?after=. Opens
 * are limited per address before the membership is looked up, and per member after; a client
 * that stops reading is dropped (its socket closed) and catches up when it reconnects.
 */
export const GET: RequestHandler = apiRoute(async (event) => {
	const gate = streamGate();
	const address = clientAddress(event);
	const checked = gate.checkAddress(address);
	if (!checked.ok) return refused(checked);
	const { deps, membership } = await requireMembership(event);
	const admitted = gate.admit(membership.member.id, address);
	if (!admitted.ok) return refused(admitted);
	const after = resumeId(event.request.headers, event.url);
	const socket = event.platform?.req?.socket;
	const stream = createRoomStream(deps, membership, after, event.request.signal, {
		onEnd: admitted.release,
		// closing the socket frees what Node still buffers for it (its 'close' cancels the body)
		onDrop: () => socket?.destroy()
	});
	return new Response(stream, {
		headers: {
			'content-type': 'text/event-stream',
			'cache-control': 'no-cache',
			connection: 'keep-alive',
			'x-accel-buffering': 'no'
		}
	});
});

function clientAddress(event: { getClientAddress(): string }): string {
	try {
		return event.getClientAddress();
	} catch {
		return 'unknown';
	}
}

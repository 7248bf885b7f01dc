import { isRecord } from '$lib/domain/annotation';
import { apiRoute, jsonResponse, readJson, refuseUnknownFields } from '$lib/server/http';
import {
	requireMembership,
	roomSecret,
	createQrPath,
	rememberTeacherLink,
	teacher
} from '$lib/server/rooms';
import type { RequestHandler } from './$types';

/**
 * The teacher replaces a capability `{ replace: 'join-code' | 'teacher-link' }`: 200 with the new
 * `joinCode` (with its join link and QR code) or the new `teacherUrl` (shown once: keep it).
 */
export const POST: RequestHandler = apiRoute(async (event) => {
	const body = await readJson(event.request);
	const { deps, membership } = await requireMembership(event);
	if (isRecord(body)) refuseUnknownFields(body, ['replace']);
	const what = isRecord(body) ? body.replace : undefined;
	const made = await teacher.rotate(deps, await roomSecret(), membership, what);
	if ('joinCode' in made) {
		const joinUrl = new URL(`/rooms?code=${made.joinCode}`, event.url).href;
		return jsonResponse({ joinCode: made.joinCode, joinUrl, qr: createQrPath(joinUrl) });
	}
	// this browser's "My rooms" keeps the new link (the old one no longer opens the room)
	rememberTeacherLink(event.cookies, event.url, membership.room.id, made.teacherToken);
	return jsonResponse({ teacherUrl: new URL(made.teacherPath, event.url).href });
});

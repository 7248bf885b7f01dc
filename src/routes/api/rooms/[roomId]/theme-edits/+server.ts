import { apiRoute, jsonResponse, readJson } from '$lib/server/http';
import { roomThemes, requireMembership } from '$lib/server/rooms';
import type { RequestHandler } from './$types';

/** The room's theme edits, in order; `canEdit` tells the page whether to offer the editor. */
export const GET: RequestHandler = apiRoute(async (event) => {
	const { deps, membership } = await requireMembership(event);
	const edits = await roomThemes.listThemeEdits(deps, membership);
	return jsonResponse({ edits, canEdit: membership.member.role === 'teacher' });
});

/** The teacher appends one theme edit; answers with the whole list. */
export const POST: RequestHandler = apiRoute(async (event) => {
	const body = await readJson(event.request);
	const { deps, membership } = await requireMembership(event);
	return jsonResponse({ edits: await roomThemes.addThemeEdit(deps, membership, body) }, 201);
});

/** The teacher undoes the last theme edit (404 when there is none). */
export const DELETE: RequestHandler = apiRoute(async (event) => {
	const { deps, membership } = await requireMembership(event);
	return jsonResponse({ edits: await roomThemes.undoThemeEdit(deps, membership) });
});

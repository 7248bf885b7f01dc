import { apiRoute, jsonResponse, readJson, RequestError } from '$lib/server/http';
import { requireComparison, checkEdit } from '$lib/server/annotations';
import {
	roomThemes,
	comparisonIdOf,
	database,
	personalRoom,
	personalRoomForWrite
} from '$lib/server/rooms';
import type { RequestHandler } from './$types';

/** The caller's theme edits on a comparison, in order (the reader may always edit their own). */
export const GET: RequestHandler = apiRoute(async (event) => {
	const db = await database();
	const id = await comparisonIdOf(db, event.params.id);
	const personal = await personalRoom(event, id);
	if (!personal) {
		await requireComparison(db, id);
		return jsonResponse({ edits: [], canEdit: true });
	}
	const edits = await roomThemes.listThemeEdits(personal.deps, personal.membership);
	return jsonResponse({ edits, canEdit: true });
});

/** Append one theme edit; answers with the whole list. */
export const POST: RequestHandler = apiRoute(async (event) => {
	const body = await readJson(event.request);
	const id = await comparisonIdOf(await database(), event.params.id);
	const { deps, membership } = await personalRoomForWrite(event, id, (db) =>
		checkEdit(db, id, body)
	);
	return jsonResponse({ edits: await roomThemes.addThemeEdit(deps, membership, body) }, 201);
});

/** Undo the last theme edit; answers with the list after it (404 when there is none). */
export const DELETE: RequestHandler = apiRoute(async (event) => {
	const db = await database();
	const id = await comparisonIdOf(db, event.params.id);
	const personal = await personalRoom(event, id);
	if (!personal) {
		await requireComparison(db, id);
		throw new RequestError(404, 'not_found', 'There is no theme edit to undo.');
	}
	return jsonResponse({
		edits: await roomThemes.undoThemeEdit(personal.deps, personal.membership)
	});
});

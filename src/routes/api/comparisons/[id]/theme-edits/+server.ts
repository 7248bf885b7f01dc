import { apiRoute, jsonResponse, readJson } from '$lib/server/api';
import { requireComparison } from '$lib/server/annotations';
import { RequestError } from '$lib/server/errors';
import * as extras from '$lib/server/rooms-extras';
import { comparisonIdOf, database, personalRoom, personalRoomForWrite } from '$lib/server/session';
import { checkEdit } from '$lib/server/theme-edits';
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
	const edits = await extras.listThemeEdits(personal.deps, personal.membership);
	return jsonResponse({ edits, canEdit: true });
});

/** Append one theme edit; answers with the whole list. */
export const POST: RequestHandler = apiRoute(async (event) => {
	const body = await readJson(event.request);
	const id = await comparisonIdOf(await database(), event.params.id);
	const { deps, membership } = await personalRoomForWrite(event, id, (db) =>
		checkEdit(db, id, body)
	);
	return jsonResponse({ edits: await extras.addThemeEdit(deps, membership, body) }, 201);
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
	return jsonResponse({ edits: await extras.undoThemeEdit(personal.deps, personal.membership) });
});

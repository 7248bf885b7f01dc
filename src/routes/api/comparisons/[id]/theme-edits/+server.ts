import { json } from '@sveltejs/kit';
import { apiRoute, readJson } from '$lib/server/api';
import { requireComparison } from '$lib/server/annotations';
import { RequestError } from '$lib/server/errors';
import {
	comparisonIdOf,
	currentWorkspace,
	database,
	ensureWorkspace,
	workspaceActor
} from '$lib/server/session';
import * as themeEdits from '$lib/server/theme-edits';
import type { RequestHandler } from './$types';

/** The caller's theme edits on a comparison, in order. */
export const GET: RequestHandler = apiRoute(async (event) => {
	const db = await database();
	const id = await comparisonIdOf(db, event.params.id);
	const workspace = currentWorkspace(event);
	if (!workspace) {
		await requireComparison(db, id);
		return json({ edits: [] });
	}
	return json({ edits: await themeEdits.list(db, workspaceActor(workspace), id) });
});

/** Append one theme edit; answers with the whole list. */
export const POST: RequestHandler = apiRoute(async (event) => {
	const body = await readJson(event.request);
	const db = await database();
	const id = await comparisonIdOf(db, event.params.id);
	const actor = workspaceActor(await ensureWorkspace(event));
	return json({ edits: await themeEdits.add(db, actor, id, body) }, { status: 201 });
});

/** Undo the last theme edit; answers with the list after it (404 when there is none). */
export const DELETE: RequestHandler = apiRoute(async (event) => {
	const db = await database();
	const id = await comparisonIdOf(db, event.params.id);
	const workspace = currentWorkspace(event);
	if (!workspace) {
		await requireComparison(db, id);
		throw new RequestError(404, 'not_found', 'There is no theme edit to undo.');
	}
	return json({ edits: await themeEdits.undoLast(db, workspaceActor(workspace), id) });
});

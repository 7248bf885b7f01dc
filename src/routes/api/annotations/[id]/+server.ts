import * as annotations from '$lib/server/annotations';
import { apiRoute, readJson } from '$lib/server/api';
import { notFound } from '$lib/server/errors';
import { currentWorkspace, database, workspaceActor } from '$lib/server/session';
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** Change one of the caller's annotations (the fields given; null clears one). */
export const PATCH: RequestHandler = apiRoute(async (event) => {
	const body = await readJson(event.request);
	const workspace = currentWorkspace(event);
	if (!workspace) throw notFound('annotation');
	const db = await database();
	return json(await annotations.update(db, workspaceActor(workspace), event.params.id, body));
});

/** Delete one of the caller's annotations (204; again is fine). */
export const DELETE: RequestHandler = apiRoute(async (event) => {
	const workspace = currentWorkspace(event);
	if (!workspace) throw notFound('annotation');
	const db = await database();
	await annotations.remove(db, workspaceActor(workspace), event.params.id);
	return new Response(null, { status: 204 });
});

import { json } from '@sveltejs/kit';
import { apiRoute, readJson } from '$lib/server/api';
import { notFound } from '$lib/server/errors';
import * as replies from '$lib/server/replies';
import { currentWorkspace, database, workspaceActor } from '$lib/server/session';
import type { RequestHandler } from './$types';

/** Change the note of one of the caller's replies ({ note }). */
export const PATCH: RequestHandler = apiRoute(async (event) => {
	const body = await readJson(event.request);
	const workspace = currentWorkspace(event);
	if (!workspace) throw notFound('reply');
	const db = await database();
	return json(await replies.update(db, workspaceActor(workspace), event.params.id, body));
});

/** Delete one of the caller's replies (204; again is fine). */
export const DELETE: RequestHandler = apiRoute(async (event) => {
	const workspace = currentWorkspace(event);
	if (!workspace) throw notFound('reply');
	const db = await database();
	await replies.remove(db, workspaceActor(workspace), event.params.id);
	return new Response(null, { status: 204 });
});

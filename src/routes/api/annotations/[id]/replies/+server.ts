import { json } from '@sveltejs/kit';
import { apiRoute, readJson } from '$lib/server/api';
import { notFound } from '$lib/server/errors';
import * as replies from '$lib/server/replies';
import { currentWorkspace, database, workspaceActor } from '$lib/server/session';
import type { RequestHandler } from './$types';

/** Reply to an annotation ({ id, note }); idempotent by id: 201 when made, 200 when there. */
export const POST: RequestHandler = apiRoute(async (event) => {
	const body = await readJson(event.request);
	const workspace = currentWorkspace(event);
	// a browser without a workspace has no annotations to reply to
	if (!workspace) throw notFound('annotation');
	const db = await database();
	const actor = workspaceActor(workspace);
	const { created, value } = await replies.create(db, actor, event.params.id, body);
	return json(value, { status: created ? 201 : 200 });
});

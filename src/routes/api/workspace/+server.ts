import { json } from '@sveltejs/kit';
import { apiRoute, readJson, invalid } from '$lib/server/http';
import { currentWorkspace, database, ensureWorkspace, workspaces } from '$lib/server/rooms';
import type { RequestHandler } from './$types';

/** The caller's workspace ({ workspace: null } before its first write). */
export const GET: RequestHandler = apiRoute(async (event) => {
	return json({ workspace: currentWorkspace(event) });
});

/** Set the workspace's display name ({ displayName }), making the workspace if needed. */
export const PATCH: RequestHandler = apiRoute(async (event) => {
	const body = await readJson(event.request);
	if (typeof body !== 'object' || body === null || Array.isArray(body))
		throw invalid([{ field: '', message: 'Expected { "displayName": … }.' }]);
	const unknown = Object.keys(body).filter((k) => k !== 'displayName');
	if (unknown.length > 0)
		throw invalid(
			unknown.slice(0, 10).map((field) => ({ field, message: `Unknown field "${field}".` }))
		);
	const name = workspaces.checkDisplayName((body as { displayName?: unknown }).displayName);
	const workspace = await ensureWorkspace(event);
	const db = await database();
	const renamed = await workspaces.rename(db, workspace.id, name);
	event.locals.workspace = renamed;
	return json({ workspace: renamed });
});

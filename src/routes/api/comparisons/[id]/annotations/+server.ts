import { json } from '@sveltejs/kit';
import * as annotations from '$lib/server/annotations';
import { apiRoute, readJson } from '$lib/server/api';
import {
	comparisonIdOf,
	currentWorkspace,
	database,
	ensureWorkspace,
	workspaceActor
} from '$lib/server/session';
import { listDecisions } from '$lib/server/suggestions';
import type { RequestHandler } from './$types';

/** The caller's annotations on a comparison (placed in the current texts), orphans and decisions. */
export const GET: RequestHandler = apiRoute(async (event) => {
	const db = await database();
	const id = await comparisonIdOf(db, event.params.id);
	const workspace = currentWorkspace(event);
	if (!workspace) {
		await annotations.requireComparison(db, id);
		return json({ annotations: [], orphans: [], decisions: [] });
	}
	const actor = workspaceActor(workspace);
	const placed = await annotations.list(db, actor, id);
	const decisions = await listDecisions(db, actor, id);
	return json({ ...placed, decisions });
});

/** Create an annotation (idempotent by its client id): 201 when made, 200 when already there. */
export const POST: RequestHandler = apiRoute(async (event) => {
	const body = await readJson(event.request);
	const db = await database();
	const id = await comparisonIdOf(db, event.params.id);
	const actor = workspaceActor(await ensureWorkspace(event));
	const { created, value } = await annotations.create(db, actor, id, body);
	return json(value, { status: created ? 201 : 200 });
});

import { json } from '@sveltejs/kit';
import { apiRoute, readJson } from '$lib/server/api';
import { comparisonIdOf, database, ensureWorkspace, workspaceActor } from '$lib/server/session';
import { decideSuggestion } from '$lib/server/suggestions';
import type { RequestHandler } from './$types';

/** Accept or dismiss a suggested shared fact ({ decision, annotationId? }). */
export const POST: RequestHandler = apiRoute(async (event) => {
	const body = await readJson(event.request);
	const db = await database();
	const id = await comparisonIdOf(db, event.params.id);
	const actor = workspaceActor(await ensureWorkspace(event));
	const result = await decideSuggestion(db, actor, id, event.params.suggestionId, body);
	return json(
		{ decision: result.decision, annotation: result.annotation ?? null },
		{ status: result.changed && result.annotation ? 201 : 200 }
	);
});

import { apiRoute } from '$lib/server/api';
import { exportCsv } from '$lib/server/annotation-exchange';
import { comparisonIdOf, currentWorkspace, database, workspaceActor } from '$lib/server/session';
import type { Workspace } from '$lib/server/workspaces';
import type { RequestHandler } from './$types';

/** A reader without a workspace exports the header row only (no workspace row is made). */
const NOBODY: Workspace = {
	id: '00000000-0000-0000-0000-000000000000',
	displayName: '',
	createdAt: new Date(0).toISOString()
};

/** The caller's annotations as CSV, one row per annotation (a download). */
export const GET: RequestHandler = apiRoute(async (event) => {
	const db = await database();
	const id = await comparisonIdOf(db, event.params.id);
	const actor = workspaceActor(currentWorkspace(event) ?? NOBODY);
	return new Response(await exportCsv(db, actor, id), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="parallax-${id}-annotations.csv"`,
			'cache-control': 'no-store'
		}
	});
});

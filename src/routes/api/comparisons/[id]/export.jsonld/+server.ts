import { apiRoute } from '$lib/server/api';
import { exportJsonLd } from '$lib/server/annotation-exchange';
import { comparisonIdOf, currentWorkspace, database, workspaceActor } from '$lib/server/session';
import type { Workspace } from '$lib/server/workspaces';
import type { RequestHandler } from './$types';

/** A reader without a workspace exports an empty collection (no workspace row is made). */
const NOBODY: Workspace = {
	id: '00000000-0000-0000-0000-000000000000',
	displayName: '',
	createdAt: new Date(0).toISOString()
};

/** The caller's annotations as a W3C Web Annotation AnnotationCollection (a download). */
export const GET: RequestHandler = apiRoute(async (event) => {
	const db = await database();
	const id = await comparisonIdOf(db, event.params.id);
	const actor = workspaceActor(currentWorkspace(event) ?? NOBODY);
	const collection = await exportJsonLd(db, actor, id, event.url.origin);
	return new Response(JSON.stringify(collection, null, 2), {
		headers: {
			'content-type': 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
			'content-disposition': `attachment; filename="parallax-${id}-annotations.jsonld"`,
			'cache-control': 'no-store'
		}
	});
});

import { attachment, exportFileName } from '$lib/domain/annotation';
import { apiRoute } from '$lib/server/http';
import { comparisons } from '$lib/server/articles';
import { exportJsonLd } from '$lib/server/annotations';
import { comparisonIdOf, database, personalActor } from '$lib/server/rooms';
import type { RequestHandler } from './$types';

/** The caller's annotations as a W3C Web Annotation AnnotationCollection (a download). */
export const GET: RequestHandler = apiRoute(async (event) => {
	const db = await database();
	const id = await comparisonIdOf(db, event.params.id);
	// a reader who has written nothing here exports an empty file (no room is made)
	const actor = await personalActor(event, id);
	// named after the comparison and the day, not its id
	const title = (await comparisons.get(db, id))?.title ?? '';
	const collection = await exportJsonLd(db, actor, id, event.url.origin);
	return new Response(JSON.stringify(collection, null, 2), {
		headers: {
			'content-type': 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
			'content-disposition': attachment(exportFileName(title, new Date(), 'jsonld')),
			'cache-control': 'no-store'
		}
	});
});

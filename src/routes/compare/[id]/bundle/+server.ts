import { slugOf } from '$lib/domain/annotation';
import { exportBundle, comparisons } from '$lib/server/articles';
import { getDatabase } from '$lib/server/db';
import { personalActor } from '$lib/server/rooms';
import { isUuid, notFoundResponse } from '$lib/server/http';
import type { RequestHandler } from './$types';

const MISSING = 'No comparison has this address.';

// The whole comparison as one file (both texts, metadata, the reader's annotations): a download.
// A wrong id is the error page for a browser and the API's `{ error }` for a script.
export const GET: RequestHandler = async (event) => {
	const { db } = await getDatabase();
	const { id } = event.params;
	const found = isUuid(id) ? await comparisons.get(db, id) : await comparisons.getBySlug(db, id);
	if (!found) return notFoundResponse(event.request, MISSING);
	const actor = await personalActor(event, found.id);
	const bundle = await exportBundle(db, actor, found.id, event.url.origin);
	if (!bundle) return notFoundResponse(event.request, MISSING);
	return new Response(JSON.stringify(bundle, null, '\t'), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="parallax-${slugOf(found.title)}.json"`,
			'cache-control': 'no-store'
		}
	});
};

import { attachment, exportFileName } from '$lib/domain/annotation';
import { apiRoute } from '$lib/server/http';
import { comparisons } from '$lib/server/articles';
import { exportCsv } from '$lib/server/annotations';
import { comparisonIdOf, database, personalActor } from '$lib/server/rooms';
import type { RequestHandler } from './$types';

/** The caller's annotations as CSV, one row per annotation (a download). */
export const GET: RequestHandler = apiRoute(async (event) => {
	const db = await database();
	const id = await comparisonIdOf(db, event.params.id);
	// a reader who has written nothing here exports an empty file (no room is made)
	const actor = await personalActor(event, id);
	// named after the comparison and the day, not its id
	const title = (await comparisons.get(db, id))?.title ?? '';
	return new Response(await exportCsv(db, actor, id), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': attachment(exportFileName(title, new Date(), 'csv')),
			'cache-control': 'no-store'
		}
	});
});

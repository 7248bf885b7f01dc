import { attachment, exportFileName } from '$lib/domain/annotation';
import { apiRoute } from '$lib/server/http';
import { exportCsv } from '$lib/server/annotations';
import { actorOf, requireMembership, requireTeacher } from '$lib/server/rooms';
import type { RequestHandler } from './$types';

/**
 * The teacher downloads the class's annotations as CSV (hidden ones left out), each followed by
 * its replies, named after the room and the day.
 */
export const GET: RequestHandler = apiRoute(async (event) => {
	const { deps, membership } = await requireMembership(event);
	requireTeacher(membership);
	const csv = await exportCsv(deps.db, actorOf(deps, membership), membership.room.comparisonId);
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': attachment(exportFileName(membership.room.title, new Date(), 'csv')),
			'cache-control': 'no-store'
		}
	});
});

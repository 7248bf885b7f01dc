import { attachment, exportFileName } from '$lib/domain/annotation';
import { apiRoute } from '$lib/server/http';
import { exportJsonLd } from '$lib/server/annotations';
import { actorOf, requireMembership, requireTeacher } from '$lib/server/rooms';
import type { RequestHandler } from './$types';

/** The teacher downloads the class's annotations as a W3C AnnotationCollection (JSON-LD). */
export const GET: RequestHandler = apiRoute(async (event) => {
	const { deps, membership } = await requireMembership(event);
	requireTeacher(membership);
	const { room } = membership;
	const body = await exportJsonLd(
		deps.db,
		actorOf(deps, membership),
		room.comparisonId,
		event.url.origin
	);
	return new Response(JSON.stringify(body, null, 2), {
		headers: {
			'content-type': 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
			'content-disposition': attachment(exportFileName(room.title, new Date(), 'jsonld')),
			'cache-control': 'no-store'
		}
	});
});

import { analysisDetails } from '$lib/domain/analysis-parts';
import { withholdSuggestions } from '$lib/domain/classroom';
import { getAnalysis, comparisons } from '$lib/server/articles';
import { apiRoute, jsonResponse, isUuid, RequestError } from '$lib/server/http';
import { database, heldFrom } from '$lib/server/rooms';
import type { RequestHandler } from './$types';

/**
 * The parts of a comparison's analysis its reading page leaves out of the first load (distinctive
 * terms, themes, frames per sentence and per fact): the analysis panel fetches them when it opens.
 * The page's rule applies: a browser whose class hides the suggestions on these texts gets them
 * without the suggestions.
 */
export const GET: RequestHandler = apiRoute(async (event) => {
	const db = await database();
	const { id } = event.params;
	const comparison = isUuid(id)
		? await comparisons.get(db, id)
		: await comparisons.getBySlug(db, id);
	if (!comparison) throw new RequestError(404, 'not_found', 'No comparison has this address.');
	const analysis = await getAnalysis(db, comparison);
	const held = await heldFrom(event, comparison);
	return jsonResponse(analysisDetails(held ? withholdSuggestions(analysis) : analysis), 200, {
		// the answer follows the browser's class cookies: never shared between browsers
		'cache-control': 'private, no-store'
	});
});

import { withholdSuggestions } from '$lib/domain/classroom';
import { apiRoute, jsonResponse, notFound } from '$lib/server/http';
import { getAnalysis, comparisons } from '$lib/server/articles';
import { heldFrom, requireMembership, suggestionsShownTo } from '$lib/server/rooms';
import type { RequestHandler } from './$types';

/**
 * The room's analysis as the caller may see it now: whole for the teacher, without the machine's
 * suggestions for a student while the teacher hides them (`suggestions: 'hidden'`), and for
 * anyone whose browser is a student in another class that hides them on these texts. A page
 * fetches it again when the phase or the teacher's choice changes.
 */
export const GET: RequestHandler = apiRoute(async (event) => {
	const { deps, membership } = await requireMembership(event);
	const comparison = await comparisons.get(deps.db, membership.room.comparisonId);
	if (!comparison) throw notFound('room');
	const analysis = await getAnalysis(deps.db, comparison);
	const other = await heldFrom(event, comparison);
	const shown = suggestionsShownTo(membership) && (!other || other.roomId === membership.room.id);
	return jsonResponse(
		{
			suggestions: shown ? 'shown' : 'hidden',
			analysis: shown ? analysis : withholdSuggestions(analysis)
		},
		200,
		{ 'cache-control': 'private, no-store' }
	);
});

import { error } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { readingPart } from '$lib/domain/analysis-parts';
import { withholdSuggestions } from '$lib/domain/classroom';
import { checkTexts } from '$lib/domain/text';
import { getAnalysis, comparisons } from '$lib/server/articles';
import { heldFrom, personalStream } from '$lib/server/rooms';
import { packComparison } from '$lib/reading/sentence-text';
import type { PageServerLoad } from './$types';

// The home page opens the seed comparison, which the server creates at start (without the
// machine's suggestions for a student whose class hides them on it now).
export const load: PageServerLoad = async (event) => {
	const { db } = await getDatabase();
	const comparison = await comparisons.getBySlug(db, 'seed');
	if (!comparison) error(503, 'The seed comparison is not ready yet. Try again in a moment.');
	const analysis = await getAnalysis(db, comparison);
	const held = await heldFrom(event, comparison);
	return {
		// sentences as offsets only: +page.ts slices their texts back (half the page data less)
		comparison: packComparison(comparison),
		// what the first paint needs: the panel's parts (terms, themes, frames) come from
		// /api/comparisons/[id]/analysis when it opens
		analysis: readingPart(held ? withholdSuggestions(analysis) : analysis),
		// checked here, not while the page hydrates
		warnings: checkTexts(comparison.a, comparison.b),
		held,
		personal: await personalStream(event, comparison.id)
	};
};

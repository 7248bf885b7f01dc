import { error } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { readingPart } from '$lib/domain/analysis-parts';
import { withholdSuggestions } from '$lib/domain/classroom';
import { checkTexts } from '$lib/domain/text';
import { getAnalysis, comparisons, editRefusal, ownershipOf } from '$lib/server/articles';
import { heldFrom, personalStream } from '$lib/server/rooms';
import { isUuid } from '$lib/server/http';
import { packComparison } from '$lib/reading/sentence-text';
import type { PageServerLoad } from './$types';

// A comparison at its stable URL: by id, or by slug for well-known ones (/compare/seed). A student
// whose class hides the machine's suggestions on these texts gets none here either.
export const load: PageServerLoad = async (event) => {
	const { params } = event;
	const { db } = await getDatabase();
	const comparison = isUuid(params.id)
		? await comparisons.get(db, params.id)
		: await comparisons.getBySlug(db, params.id);
	if (!comparison) error(404, 'No comparison has this address.');
	const owned = await ownershipOf(db, comparison.id);
	const analysis = await getAnalysis(db, comparison);
	const held = await heldFrom(event, comparison);
	return {
		// sentences as offsets only: +page.ts slices their texts back (half the page data less)
		comparison: packComparison(comparison),
		editable: !!owned && editRefusal(owned, event.locals.workspace?.id ?? null) === null,
		// what the first paint needs: the panel's parts (terms, themes, frames) come from
		// /api/comparisons/[id]/analysis when it opens
		analysis: readingPart(held ? withholdSuggestions(analysis) : analysis),
		// checked here, not while the page hydrates
		warnings: checkTexts(comparison.a, comparison.b),
		held,
		personal: await personalStream(event, comparison.id)
	};
};

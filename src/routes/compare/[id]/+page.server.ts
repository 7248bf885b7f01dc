import { error } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { getAnalysis } from '$lib/server/comparison-analysis';
import * as comparisons from '$lib/server/comparisons';
import { editRefusal, ownershipOf } from '$lib/server/comparison-owner';
import { personalStream } from '$lib/server/session';
import { isUuid } from '$lib/server/uuid';
import type { PageServerLoad } from './$types';

// A comparison at its stable URL: by id, or by slug for well-known ones (/compare/seed).
export const load: PageServerLoad = async (event) => {
	const { params } = event;
	const { db } = await getDatabase();
	const comparison = isUuid(params.id)
		? await comparisons.get(db, params.id)
		: await comparisons.getBySlug(db, params.id);
	if (!comparison) error(404, 'No comparison has this address.');
	const owned = await ownershipOf(db, comparison.id);
	return {
		comparison,
		editable: !!owned && editRefusal(owned, event.locals.workspace?.id ?? null) === null,
		analysis: await getAnalysis(db, comparison),
		personal: await personalStream(event, comparison.id)
	};
};

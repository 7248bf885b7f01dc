import { error } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { getAnalysis } from '$lib/server/comparison-analysis';
import * as comparisons from '$lib/server/comparisons';
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
	return {
		comparison,
		analysis: await getAnalysis(db, comparison),
		personal: await personalStream(event, comparison.id)
	};
};

import { error } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { getAnalysis, comparisons } from '$lib/server/articles';
import { personalStream } from '$lib/server/rooms';
import type { PageServerLoad } from './$types';

// The home page opens the seed comparison, which the server creates at start.
export const load: PageServerLoad = async (event) => {
	const { db } = await getDatabase();
	const comparison = await comparisons.getBySlug(db, 'seed');
	if (!comparison) error(503, 'The seed comparison is not ready yet. Try again in a moment.');
	return {
		comparison,
		analysis: await getAnalysis(db, comparison),
		personal: await personalStream(event, comparison.id)
	};
};

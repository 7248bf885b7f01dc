import { getDatabase } from '$lib/server/db';
import { library } from '$lib/server/articles';
import { heldMatcher, personal } from '$lib/server/rooms';
import type { PageServerLoad } from './$types';

/** Uncached analyses one library visit may compute (the seed's, on a fresh server). */
const ANALYSE_MISSING = 3;

// The library: every comparison, filtered on the server by ?q= so search works without JS.
// Annotation counts are the reader's own (their personal rooms); none yet without one. No
// suggestion count where the reader's class hides the suggestions now.
export const load: PageServerLoad = async (event) => {
	const { url, locals } = event;
	const q = (url.searchParams.get('q') ?? '').slice(0, library.MAX_QUERY);
	const { db } = await getDatabase();
	const workspace = locals.workspace;
	const countAnnotations = async (ids: string[]) =>
		workspace ? personal.countAnnotations(db, workspace.id, ids) : new Map();
	const [entries, total] = await Promise.all([
		library.list(db, {
			q,
			analyseMissing: ANALYSE_MISSING,
			countAnnotations,
			workspaceId: workspace?.id ?? null,
			held: await heldMatcher(event)
		}),
		library.count(db)
	]);
	return { q, entries, total };
};

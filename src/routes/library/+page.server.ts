import { getDatabase } from '$lib/server/db';
import { library } from '$lib/server/articles';
import { takeFlash } from '$lib/server/http';
import { heldMatcher, personal } from '$lib/server/rooms';
import type { PageServerLoad } from './$types';

/** Uncached analyses one library visit may compute (the seed's, on a fresh server). */
const ANALYSE_MISSING = 3;

// The library: every comparison, filtered on the server by ?q= so search works without JS.
// Annotation counts are the reader's own (their personal rooms); none yet without one. No
// suggestion count where the reader's class hides the suggestions now. A deletion redirects here
// and leaves its confirmation for this page to say.
export const load: PageServerLoad = async (event) => {
	const { url, locals, cookies } = event;
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
	// "Deleted “…”." after a deletion sent the reader here; shown once
	const status = takeFlash(cookies, url.pathname);
	return { q, entries, total, status };
};

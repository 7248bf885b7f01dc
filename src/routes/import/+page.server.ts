import { fail, redirect } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import { bundles } from '$lib/server/articles';
import { getDatabase } from '$lib/server/db';
import { ensureWorkspace, personalActorForWrite } from '$lib/server/rooms';
import type { Actions } from './$types';

// Import a comparison file (exported by this or another Parallax server): checked completely,
// then the articles, the comparison and the annotations (into the importer's personal room on it) stored.
export const actions: Actions = {
	import: async (event) => {
		const file = (await event.request.formData()).get('bundle');
		if (!(file instanceof File) || !file.name) {
			return fail(400, { problems: ['Choose a comparison file (.json) to import.'], name: '' });
		}
		const parsed = bundles.parseBundleBytes(new Uint8Array(await file.arrayBuffer()));
		if (!parsed.ok) return fail(400, { problems: [parsed.message], name: file.name });
		const checked = bundles.checkBundle(parsed.value);
		if (!checked.ok) return fail(400, { problems: checked.problems, name: file.name });
		const { db } = await getDatabase();
		// the bundle was checked whole: nothing is left to refuse, so the importer's workspace
		// (and cookie) is made now: the copy is theirs to edit; their personal room is made only
		// when there are annotations
		const owner = await ensureWorkspace(event);
		const actor = (comparisonId: string) =>
			personalActorForWrite(event, comparisonId, async () => {});
		const { comparison, imported, skipped } = await bundles.importBundle(
			db,
			actor,
			checked.value,
			owner.id
		);
		// all well: straight to the comparison; otherwise say what was left out first
		if (skipped.length === 0) redirect(303, resolve('/compare/[id]', { id: comparison.id }));
		return {
			done: { id: comparison.id, title: comparison.title, imported, skipped: skipped.slice(0, 10) }
		};
	}
};

import { error, fail, redirect } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import * as annotations from '$lib/server/annotations';
import * as articles from '$lib/server/articles';
import * as comparisons from '$lib/server/comparisons';
import { getDatabase } from '$lib/server/db';
import * as ingest from '$lib/server/ingest';
import { personalActor } from '$lib/server/session';
import { isUuid } from '$lib/server/uuid';
import type { Actions, PageServerLoad } from './$types';

/** The seed comparison is re-synced with seeds/ at every start, so edits to it would vanish. */
const SEED_SLUG = 'seed';

async function find(id: string) {
	const { db } = await getDatabase();
	const found = isUuid(id) ? await comparisons.get(db, id) : await comparisons.getBySlug(db, id);
	if (!found) error(404, 'No comparison has this address.');
	return { db, found };
}

// Edit a comparison's texts and metadata: a changed side becomes a new article version; the
// reader's annotations are re-anchored on read, and the ones that could not be are listed.
export const load: PageServerLoad = async (event) => {
	const { params } = event;
	const { db, found } = await find(params.id);
	const [versionsA, versionsB] = await Promise.all([
		articles.listVersions(db, found.a.id),
		articles.listVersions(db, found.b.id)
	]);
	const placed = await annotations.list(db, await personalActor(event, found.id), found.id);
	const values: Record<string, string> = { title: found.title };
	for (const side of ingest.SIDES) {
		values[`${side}.text`] = found[side].text;
		for (const field of ingest.META_FIELDS)
			values[`${side}.${field}`] = found[side].meta[field] ?? '';
	}
	return {
		comparison: { id: found.id, title: found.title, a: found.a.id, b: found.b.id },
		locked: found.slug === SEED_SLUG,
		values,
		versions: { a: versionsA.length, b: versionsB.length },
		reanchored: placed.annotations.filter((a) => a.reanchored).length,
		orphans: placed.orphans.map(({ annotation }) => ({
			id: annotation.id,
			kind: annotation.kind,
			note: annotation.note,
			quotes: annotation.targets.map((t) => ({ side: t.side, exact: t.exact }))
		}))
	};
};

export const actions: Actions = {
	save: async ({ params, request }) => {
		const data = await request.formData();
		const { db, found } = await find(params.id);
		if (found.slug === SEED_SLUG) error(403, 'The seed comparison cannot be edited.');
		const form = await ingest.parseFormData(data);
		// uploads are not part of editing: a text is edited in place
		form.a.file = undefined;
		form.b.file = undefined;
		const { values, errors, input } = ingest.readForm(form, 'create');
		for (const side of ingest.SIDES) {
			if (data.get(`${side}.base`) !== found[side].id) {
				errors.form =
					'Someone changed this comparison since you opened it. Reload the page to see the current texts, then edit again.';
			}
		}
		if (!input || errors.form) return fail(400, { values, errors });
		const { changed } = await ingest.revise(db, found, input);
		const saved = changed.length ? changed.join(',') : 'none';
		redirect(303, `${resolve('/compare/[id]/edit', { id: found.id })}?saved=${saved}`);
	}
};

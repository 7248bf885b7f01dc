import { error, fail, redirect } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import { annotations } from '$lib/server/annotations';
import {
	articles,
	comparisons,
	deleteComparison,
	deletedMessage,
	editRefusal,
	inUseMessage,
	ownershipOf,
	REFUSAL_MESSAGES,
	roomsOfOthers,
	ingest,
	type DeleteOutcome
} from '$lib/server/articles';
import { getDatabase } from '$lib/server/db';
import { personalActor } from '$lib/server/rooms';
import { isUuid, setFlash } from '$lib/server/http';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The answer to each refusal of a deletion. */
const DELETE_STATUS: Record<Extract<DeleteOutcome, { deleted: false }>['refusal'], number> = {
	missing: 404,
	seed: 403,
	unowned: 403,
	'not-owner': 403,
	'in-use': 409,
	unconfirmed: 400
};

/**
 * The comparison, if this browser may edit it: only the browser that made it (403 with the
 * reason for everybody else, the seed and comparisons without an owner included).
 */
async function findEditable(event: Pick<RequestEvent, 'params' | 'locals'>) {
	const { db } = await getDatabase();
	const id = event.params.id;
	const found = isUuid(id) ? await comparisons.get(db, id) : await comparisons.getBySlug(db, id);
	if (!found) error(404, 'No comparison has this address.');
	const owned = await ownershipOf(db, found.id);
	const refusal = owned ? editRefusal(owned, event.locals.workspace?.id ?? null) : 'unowned';
	if (refusal) error(403, REFUSAL_MESSAGES[refusal]);
	const owner = owned!.ownerWorkspaceId!;
	return { db, found, owner, othersRooms: await roomsOfOthers(db, found.id, owner) };
}

// Edit a comparison's texts and metadata: a changed side becomes a new article version; the
// owner's annotations are re-anchored on read, and the ones that could not be are listed. When
// others have rooms on it (a class, someone's annotations), the edit is saved as a new
// comparison instead, so nobody's texts change under them. Its owner can also delete it here,
// once nobody else works on it.
export const load: PageServerLoad = async (event) => {
	const { db, found, othersRooms } = await findEditable(event);
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
		othersRooms,
		// a comparison others work on is not deleted from under them: said before anyone types
		deleteBlocked: othersRooms > 0 ? inUseMessage(othersRooms) : null,
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
	save: async (event) => {
		const data = await event.request.formData();
		const { db, found, owner, othersRooms } = await findEditable(event);
		const form = await ingest.parseFormData(data);
		// uploads are not part of editing: a text is edited in place
		form.a.file = undefined;
		form.b.file = undefined;
		const { values, errors, notices, input } = ingest.readForm(form, 'create');
		// this page has no file to choose: an emptied text is asked for as text only
		for (const side of ingest.SIDES) {
			if (errors[`${side}.text`] === ingest.MESSAGES.empty)
				errors[`${side}.text`] = ingest.MESSAGES.emptyNoFile;
		}
		for (const side of ingest.SIDES) {
			if (data.get(`${side}.base`) !== found[side].id) {
				errors.form =
					'Someone changed this comparison since you opened it. Reload the page to see the current texts, then edit again.';
			}
		}
		if (errors.form || Object.keys(errors).length) return fail(400, { values, errors, notices });
		// pasted page source was read into the form: the person checks it before it is saved
		if (!input) return { values, errors, notices };
		const revision = await ingest.revise(db, found, input, {
			copyFor: othersRooms > 0 ? owner : undefined
		});
		const saved = revision.changed.length ? revision.changed.join(',') : 'none';
		const to = resolve('/compare/[id]/edit', { id: revision.comparison.id });
		redirect(303, `${to}?saved=${saved}${revision.copied ? `&copied=${othersRooms}` : ''}`);
	},
	delete: async (event) => {
		const data = await event.request.formData();
		const { db } = await getDatabase();
		const outcome = await deleteComparison(
			db,
			event.params.id,
			event.locals.workspace?.id ?? null,
			String(data.get('confirm') ?? '')
		);
		if (!outcome.deleted) {
			const status = DELETE_STATUS[outcome.refusal];
			// what the owner can change (others leave, the title typed) is said in the danger
			// zone; who may not delete, or a comparison already gone, gets the error page
			if (outcome.refusal === 'in-use' || outcome.refusal === 'unconfirmed')
				return fail(status, { deleteError: outcome.message });
			error(status, outcome.message);
		}
		const library = resolve('/library');
		// the cookie's path is absolute (resolve may answer with a relative one)
		const path = new URL(library, event.url).pathname;
		setFlash(event.cookies, event.url, path, deletedMessage(outcome.title));
		redirect(303, library);
	}
};

import { fail, redirect } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import { getDatabase } from '$lib/server/db';
import {
	ArticleInputError,
	ComparisonInputError,
	ingest,
	readSubmission
} from '$lib/server/articles';
import { ensureWorkspace } from '$lib/server/rooms';
import type { Actions } from './$types';

// New comparison: `read` extracts uploaded files and links into the form for checking; `create` validates
// both sides, stores them with the comparison and its analysis, and opens it at its stable URL.
export const actions: Actions = {
	read: async ({ request }) => {
		const outcome = await readSubmission(await request.formData(), 'read');
		const { values, errors, notices } = outcome;
		if (Object.keys(errors).length) return fail(400, { action: 'read', values, errors, notices });
		return { action: 'read', values, errors, notices };
	},
	create: async (event) => {
		const { values, errors, notices, input } = await readSubmission(
			await event.request.formData(),
			'create'
		);
		if (!input) {
			// nothing wrong, but pasted page source was read into the form: shown before it is stored
			if (!Object.keys(errors).length) return { action: 'create', values, errors, notices };
			return fail(400, { action: 'create', values, errors, notices });
		}
		const { db } = await getDatabase();
		// the browser that makes it owns it (the only one that may edit it): its workspace is
		// made now if it has none, once the input is known to be good
		const owner = await ensureWorkspace(event);
		let comparison;
		try {
			comparison = await ingest.create(db, input, owner.id);
		} catch (e) {
			// the checks above mirror the store's; this only catches what slipped between them
			if (!(e instanceof ArticleInputError || e instanceof ComparisonInputError)) throw e;
			return fail(400, { action: 'create', values, errors: { form: e.message }, notices });
		}
		redirect(303, resolve('/compare/[id]', { id: comparison.id }));
	}
};

import { json } from '@sveltejs/kit';
import { apiRoute, readJson } from '$lib/server/http';
import { checkCollection, importCollection } from '$lib/server/annotations';
import { comparisonIdOf, database, personalActorForWrite } from '$lib/server/rooms';
import type { RequestHandler } from './$types';

/** A pack of 10,000 annotations with long quotes; BODY_SIZE_LIMIT may refuse earlier (413). */
const MAX_IMPORT_BYTES = 16 * 1024 * 1024;

/** Import a JSON-LD AnnotationCollection into the caller's personal room (idempotent by id). */
export const POST: RequestHandler = apiRoute(async (event) => {
	const body = await readJson(event.request, { maxBytes: MAX_IMPORT_BYTES });
	const db = await database();
	const id = await comparisonIdOf(db, event.params.id);
	const actor = await personalActorForWrite(event, id, (db) => checkCollection(db, id, body));
	return json(await importCollection(db, actor, id, body));
});

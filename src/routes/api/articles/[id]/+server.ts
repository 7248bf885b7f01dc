import { json } from '@sveltejs/kit';
import { apiRoute, notFound } from '$lib/server/http';
import { articles } from '$lib/server/articles';
import { database } from '$lib/server/rooms';
import type { RequestHandler } from './$types';

/**
 * One article version (metadata, normalised text, paragraphs, sentences): the resource the
 * JSON-LD export's targets name. `?version=` must match it when given.
 */
export const GET: RequestHandler = apiRoute(async (event) => {
	const article = await articles.get(await database(), event.params.id);
	const version = event.url.searchParams.get('version');
	if (!article || (version !== null && version !== article.version)) throw notFound('article');
	return json(article);
});

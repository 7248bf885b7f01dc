// Export of a scope's annotations on a comparison: W3C JSON-LD (with the articles it needs to be
// read elsewhere) and CSV, placed ones and orphans alike. The formats themselves are in
// domain/annotation; a new export format is one more function here over `everything`.
import {
	toAnnotationCollection,
	toCsv,
	toCsvRows,
	type Annotation,
	type JsonObject
} from '../../domain/annotation';
import type { Side } from '../../domain/types';
import { comparisons } from '../articles';
import type { Db } from '../db/connect';
import { notFound } from '../http';
import { list, requireComparison } from './lookup';
import { textsOf } from './comparison-texts';
import { type Actor } from './actor';

/** Everything a scope has on a comparison, oldest first: placed ones and orphans alike. */
async function everything(db: Db, actor: Actor, comparisonId: string): Promise<Annotation[]> {
	const placed = await list(db, actor, comparisonId);
	const all: Annotation[] = [
		...placed.annotations.map(({ reanchored: _, ...a }) => a),
		...placed.orphans.map((o) => o.annotation)
	];
	return all.sort((x, y) => x.createdAt.localeCompare(y.createdAt) || x.id.localeCompare(y.id));
}

/** Where an article version can be fetched (GET /api/articles/[id]). */
function articlePath(articleId: string): string {
	return `/api/articles/${articleId}`;
}

/**
 * The scope's annotations on a comparison as a W3C AnnotationCollection. Re-anchored
 * annotations are exported at their new place; orphans keep their quotes (jsonld.ts).
 */
export async function exportJsonLd(
	db: Db,
	actor: Actor,
	comparisonId: string,
	baseUrl: string
): Promise<JsonObject> {
	const view = await comparisons.get(db, comparisonId);
	if (!view) throw notFound('comparison');
	const annotations = await everything(db, actor, comparisonId);
	const article = (side: Side) => ({
		id: view[side].id,
		version: view[side].version,
		text: view[side].text,
		meta: view[side].meta,
		origin: view[side].origin,
		url: articlePath(view[side].id)
	});
	return toAnnotationCollection(annotations, {
		comparison: { id: view.id, title: view.title, url: `/compare/${view.id}` },
		articles: { a: article('a'), b: article('b') },
		baseUrl
	});
}

/** The scope's annotations on a comparison as CSV text (one row per annotation). */
export async function exportCsv(db: Db, actor: Actor, comparisonId: string): Promise<string> {
	const current = await requireComparison(db, comparisonId);
	const annotations = await everything(db, actor, comparisonId);
	return toCsv(toCsvRows(annotations, textsOf(current)));
}

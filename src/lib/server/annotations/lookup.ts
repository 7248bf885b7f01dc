// Reading annotations: the comparison a verb works on, a scope's annotations placed in the
// current texts, one annotation, and which stored rows a scope may see at all.
import { and, eq, type SQL } from 'drizzle-orm';
import type { Annotation } from '../../domain/annotation';
import type { Db } from '../db/connect';
import { annotation } from '../db/schema';
import { isUuid, notFound } from '../http';
import { placeAnnotations, type Placed } from './reanchor';
import { inScope, selectAnnotations } from './rows';
import { loadComparison, type ComparisonArticles } from './comparison-texts';
import { type Actor, type Queryable } from './actor';

/** A comparison's current articles, or a 404. */
export async function requireComparison(
	db: Queryable,
	comparisonId: string
): Promise<ComparisonArticles> {
	const current = await loadComparison(db, comparisonId);
	if (!current) throw notFound('comparison');
	return current;
}

/**
 * The scope's annotations on a comparison, placed in its current article versions: annotations
 * on an older version are re-anchored (flagged `reanchored`) or listed as orphans.
 */
export async function list(db: Db, actor: Actor, comparisonId: string): Promise<Placed> {
	const current = await requireComparison(db, comparisonId);
	const stored = await selectAnnotations(db, inScope(actor, comparisonId));
	return placeAnnotations(db, stored, current);
}

/** One annotation of the actor's scope as stored (no re-anchoring), or undefined. */
export async function get(
	db: Queryable,
	actor: Actor,
	id: string
): Promise<Annotation | undefined> {
	if (!isUuid(id)) return undefined;
	const [found] = await selectAnnotations(db, and(eq(annotation.id, id), inScope(actor)) as SQL);
	return found;
}

/** The stored row behind an id if the actor's scope may see it (tombstones included). */
export async function visibleRow(db: Queryable, actor: Actor, id: string) {
	if (!isUuid(id)) return undefined;
	const [row] = await db.select().from(annotation).where(eq(annotation.id, id));
	if (!row || row.scopeKind !== actor.scope.kind || row.scopeId !== actor.scope.id)
		return undefined;
	if (row.hidden && row.authorId !== actor.author.id) return undefined;
	return row;
}

import { and, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import {
	isRecord,
	validateAnnotationInput,
	type Annotation,
	type ComparisonTexts
} from '../../domain/annotation';
import type { Side } from '../../domain/types';
import type { LiveEvent } from '../../live/events';
import {
	eventOf,
	inScope,
	inputColumns,
	inputOf,
	insertAnnotation,
	insertTargets,
	loadComparison,
	newAnnotationRow,
	publishAll,
	sameContent,
	selectAnnotations,
	sendStaged,
	textsOf,
	toAnnotation,
	toTarget,
	type Actor,
	type ComparisonArticles,
	type Queryable
} from './store';
import { isPglite, type Db } from '../db/connect';
import {
	annotation,
	annotationTarget,
	article,
	reply,
	suggestionDecision,
	type AnnotationRow
} from '../db/schema';
import { RequestError, conflict, forbidden, invalid, notFound, isUuid } from '../http';
import { placeAnnotations, type Placed } from './reanchor';

export type { Actor } from './store';
export type { AnnotationView, Orphan, Placed, TargetPlacement } from './reanchor';

/** The result of a create: the stored annotation, and whether this call made it. */
export interface Created<T> {
	created: boolean;
	value: T;
}

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
async function visibleRow(db: Queryable, actor: Actor, id: string) {
	if (!isUuid(id)) return undefined;
	const [row] = await db.select().from(annotation).where(eq(annotation.id, id));
	if (!row || row.scopeKind !== actor.scope.kind || row.scopeId !== actor.scope.id)
		return undefined;
	if (row.hidden && row.authorId !== actor.author.id) return undefined;
	return row;
}

/** A framing may hang on a live shared fact of the same scope and comparison. */
async function checkAttachment(
	tx: Queryable,
	actor: Actor,
	comparisonId: string,
	attachedTo: string | undefined
): Promise<void> {
	if (attachedTo === undefined) return;
	const [fact] = await tx
		.select({ kind: annotation.kind })
		.from(annotation)
		.where(and(eq(annotation.id, attachedTo), inScope(actor, comparisonId)));
	if (!fact || fact.kind !== 'shared-fact') {
		throw invalid([
			{
				field: 'attachedTo',
				message: 'The shared fact this framing is attached to does not exist.'
			}
		]);
	}
}

/** Throws the 404/422 a create of `input` would meet, without writing anything. */
export async function checkInput(
	db: Db,
	comparisonId: string,
	input: unknown,
	loaded?: ComparisonArticles
): Promise<void> {
	const current = loaded ?? (await requireComparison(db, comparisonId));
	const checked = validateAnnotationInput(input, textsOf(current));
	if (!checked.ok) throw invalid(checked.errors);
}

/**
 * Create an annotation from client input (validated against the comparison's current texts).
 * Idempotent by the client's id: the same id with the same content returns the stored one
 * (`created: false`); the same id with other content, in another scope, or deleted is a 409.
 * The caller may pass the comparison it already loaded. The new annotation and its event are
 * built before the write and stored by one statement (insertAnnotation): on PGlite that
 * statement is the whole write; a transaction is only opened around it for a framing's shared
 * fact check, or on PostgreSQL for the event log's lock and NOTIFY.
 */
export async function create(
	db: Db,
	actor: Actor,
	comparisonId: string,
	input: unknown,
	loaded?: ComparisonArticles
): Promise<Created<Annotation>> {
	const current = loaded ?? (await requireComparison(db, comparisonId));
	const checked = validateAnnotationInput(input, textsOf(current));
	if (!checked.ok) throw invalid(checked.errors);
	const value = checked.value;
	const now = new Date();
	const row: AnnotationRow = {
		...newAnnotationRow(actor, comparisonId, value, now),
		hidden: false,
		deletedAt: null
	};
	const made = toAnnotation(row, value.targets.map(toTarget), []);
	const event = eventOf(actor, comparisonId, 'annotation.created', { annotation: made });
	const log = actor.events;
	const write = async (q: Queryable) => {
		await checkAttachment(q, actor, comparisonId, value.attachedTo);
		// a new annotation is never hidden and names its author: its event's audience
		const stored = log && log.row(event, { annotationId: made.id, ownerId: made.author.id });
		if (log) await log.lock(q);
		const { inserted, eventId } = await insertAnnotation(q, row, value.targets, current, stored);
		if (!inserted) return { created: false };
		return {
			created: true,
			send: log && stored ? await log.stored(q, stored, eventId!) : undefined
		};
	};
	const alone = value.attachedTo === undefined && (!log || isPglite(db));
	const result = alone ? await write(db) : await db.transaction(write);
	if (result.created) {
		if (result.send) await sendStaged([result.send]);
		else await publishAll(actor, [event]);
		return { created: true, value: made };
	}
	const [found] = await db.select().from(annotation).where(eq(annotation.id, value.id));
	const mine =
		found.scopeKind === actor.scope.kind &&
		found.scopeId === actor.scope.id &&
		found.comparisonId === comparisonId &&
		found.authorId === actor.author.id;
	if (!mine) throw conflict('Another annotation already has this id.');
	if (found.deletedAt) throw new RequestError(409, 'deleted', 'This annotation was deleted.');
	const [stored] = await selectAnnotations(db, eq(annotation.id, value.id));
	if (!sameContent(stored, value))
		throw conflict('An annotation with this id already exists with different content.');
	return { created: false, value: stored };
}

/** The texts the stored targets were made on, so a change that keeps them re-checks them there. */
async function storedTexts(
	db: Queryable,
	a: Annotation,
	current: ComparisonArticles
): Promise<ComparisonTexts> {
	const texts: Record<Side, { text: string; version: string }> = { a: current.a, b: current.b };
	for (const t of a.targets) {
		if (t.articleVersion === current[t.side].version) continue;
		const [old] = await db
			.select({ text: article.text })
			.from(article)
			.where(eq(article.contentHash, t.articleVersion))
			.limit(1);
		if (old) texts[t.side] = { text: old.text, version: t.articleVersion };
	}
	return texts;
}

const IMMUTABLE = (field: string, message: string) => invalid([{ field, message }]);

/**
 * Change an annotation of one's own: the fields given replace the stored ones (null clears an
 * optional field). The kind never changes. New `targets` (re-attaching an orphan, or confirming
 * a re-anchored passage) are checked against the current texts; kept targets against theirs.
 */
export async function update(
	db: Db,
	actor: Actor,
	id: string,
	patch: unknown
): Promise<Annotation> {
	if (!isRecord(patch))
		throw invalid([{ field: '', message: 'Expected the changes (a JSON object).' }]);
	const row = await visibleRow(db, actor, id);
	if (!row || row.deletedAt) throw notFound('annotation');
	if (row.authorId !== actor.author.id)
		throw forbidden('Only its author can change an annotation.');
	const [existing] = await selectAnnotations(db, eq(annotation.id, row.id));
	if (patch.id !== undefined && (typeof patch.id !== 'string' || patch.id.toLowerCase() !== row.id))
		throw IMMUTABLE('id', 'The id of an annotation cannot change.');
	if (patch.kind !== undefined && patch.kind !== existing.kind)
		throw IMMUTABLE('kind', 'The kind of an annotation cannot change; make a new one instead.');
	const current = await requireComparison(db, row.comparisonId);
	const retarget = Object.hasOwn(patch, 'targets');
	const texts = retarget ? textsOf(current) : await storedTexts(db, existing, current);
	const merged = { ...inputOf(existing), ...patch, id: row.id, kind: existing.kind };
	const checked = validateAnnotationInput(merged, texts);
	if (!checked.ok) throw invalid(checked.errors);
	const value = checked.value;
	const updated = await db.transaction(async (tx) => {
		await checkAttachment(tx, actor, row.comparisonId, value.attachedTo);
		const done = await tx
			.update(annotation)
			.set({ ...inputColumns(value), updatedAt: new Date() })
			.where(and(eq(annotation.id, row.id), isNull(annotation.deletedAt)))
			.returning({ id: annotation.id });
		if (done.length === 0) throw notFound('annotation');
		if (retarget) {
			await tx.delete(annotationTarget).where(eq(annotationTarget.annotationId, row.id));
			await insertTargets(tx, row.id, value.targets, current);
		}
		const [after] = await selectAnnotations(tx, eq(annotation.id, row.id));
		return after;
	});
	await publishAll(actor, [
		eventOf(actor, row.comparisonId, 'annotation.updated', { annotation: updated })
	]);
	return updated;
}

/**
 * Delete an annotation of one's own. A tombstone stays (content and passages cleared) so a late
 * retry of its create is refused; its replies go with it, framings attached to it are detached,
 * and an accepted suggestion it came from becomes undecided again. Deleting twice is fine.
 */
export async function remove(db: Db, actor: Actor, id: string): Promise<void> {
	const row = await visibleRow(db, actor, id);
	if (!row) throw notFound('annotation');
	if (row.deletedAt) return;
	if (row.authorId !== actor.author.id)
		throw forbidden('Only its author can delete an annotation.');
	const detached = await db.transaction(async (tx) => {
		const now = new Date();
		const done = await tx
			.update(annotation)
			.set({
				deletedAt: now,
				updatedAt: now,
				note: '',
				relation: null,
				evidence: null,
				evidenceUrl: null,
				frame: null,
				entman: null,
				attachedTo: null
			})
			.where(and(eq(annotation.id, row.id), isNull(annotation.deletedAt)))
			.returning({ id: annotation.id });
		if (done.length === 0) return undefined;
		await tx.delete(annotationTarget).where(eq(annotationTarget.annotationId, row.id));
		await tx
			.update(reply)
			.set({ deletedAt: now, updatedAt: now, note: '' })
			.where(and(eq(reply.annotationId, row.id), isNull(reply.deletedAt)));
		await tx.delete(suggestionDecision).where(eq(suggestionDecision.annotationId, row.id));
		const loose = await tx
			.update(annotation)
			.set({ attachedTo: null, updatedAt: now })
			.where(and(eq(annotation.attachedTo, row.id), isNull(annotation.deletedAt)))
			.returning({ id: annotation.id });
		if (loose.length === 0) return [];
		return selectAnnotations(
			tx,
			inArray(
				annotation.id,
				loose.map((l) => l.id)
			)
		);
	});
	if (!detached) return; // a concurrent delete got there first and published
	const events: LiveEvent[] = [
		eventOf(actor, row.comparisonId, 'annotation.deleted', { id: row.id })
	];
	for (const a of detached)
		events.push(eventOf(actor, row.comparisonId, 'annotation.updated', { annotation: a }));
	await publishAll(actor, events);
}

// Creating an annotation: the input checked against the comparison's current texts (and a
// framing's shared fact), then stored with its live event, idempotent by the client's id.
import { and, eq } from 'drizzle-orm';
import { validateAnnotationInput, type Annotation } from '../../domain/annotation';
import { isPglite, type Db } from '../db/connect';
import { annotation, type AnnotationRow } from '../db/schema';
import { RequestError, conflict, invalid } from '../http';
import { requireComparison } from './lookup';
import { eventOf, publishAll, sendStaged, type Actor, type Queryable } from './actor';
import {
	inScope,
	newAnnotationRow,
	sameContent,
	selectAnnotations,
	toAnnotation,
	toTarget
} from './rows';
import { insertAnnotation } from './insert';
import { textsOf, type ComparisonArticles } from './comparison-texts';

/** The result of a create: the stored annotation, and whether this call made it. */
export interface Created<T> {
	created: boolean;
	value: T;
}

/** A framing may hang on a live shared fact of the same scope and comparison. */
export async function checkAttachment(
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

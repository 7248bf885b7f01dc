import { and, eq, isNull } from 'drizzle-orm';
import { isRecord, validateReplyInput, type Reply } from '../../domain/annotation';
import { eventOf, publishAll, type Actor, type Queryable } from './actor';
import { inScope, toReply } from './rows';
import type { Created } from './create';
import type { Db } from '../db/connect';
import { annotation, reply } from '../db/schema';
import { RequestError, conflict, forbidden, invalid, notFound, isUuid } from '../http';

// Replies under the annotations of a scope. Like annotations: client ids, idempotent creates,
// own-only changes, and tombstones on delete.

/** The comparison of a live annotation the actor's scope can see, or a 404. */
async function annotationComparison(db: Queryable, actor: Actor, annotationId: string) {
	if (!isUuid(annotationId)) throw notFound('annotation');
	const [row] = await db
		.select({ comparisonId: annotation.comparisonId })
		.from(annotation)
		.where(and(eq(annotation.id, annotationId), inScope(actor)));
	if (!row) throw notFound('annotation');
	return row.comparisonId;
}

/** A reply row the actor's scope can see (its annotation live and in scope), tombstones included. */
async function visibleReply(db: Queryable, actor: Actor, id: string) {
	if (!isUuid(id)) return undefined;
	const [found] = await db
		.select({ reply, comparisonId: annotation.comparisonId })
		.from(reply)
		.innerJoin(annotation, eq(reply.annotationId, annotation.id))
		.where(and(eq(reply.id, id), inScope(actor)));
	return found;
}

/**
 * Reply to an annotation. `input` is { id, note } (annotationId defaults to the one replied to
 * and must match it when given). Idempotent by id like annotation creates.
 */
export async function create(
	db: Db,
	actor: Actor,
	annotationId: string,
	input: unknown
): Promise<Created<Reply>> {
	const comparisonId = await annotationComparison(db, actor, annotationId);
	const body =
		isRecord(input) && !Object.hasOwn(input, 'annotationId') ? { ...input, annotationId } : input;
	const checked = validateReplyInput(body);
	if (!checked.ok) throw invalid(checked.errors);
	const value = checked.value;
	if (value.annotationId !== annotationId.toLowerCase())
		throw invalid([{ field: 'annotationId', message: 'The reply names another annotation.' }]);
	const result = await db.transaction(async (tx) => {
		// the annotation may have been deleted since the check above
		await annotationComparison(tx, actor, annotationId);
		const now = new Date();
		const inserted = await tx
			.insert(reply)
			.values({
				id: value.id,
				annotationId: value.annotationId,
				authorId: actor.author.id,
				authorName: actor.author.name,
				note: value.note,
				createdAt: now,
				updatedAt: now
			})
			.onConflictDoNothing({ target: reply.id })
			.returning();
		if (inserted.length === 1) return { created: true, value: toReply(inserted[0]) };
		const [row] = await tx.select().from(reply).where(eq(reply.id, value.id));
		if (row.annotationId !== value.annotationId || row.authorId !== actor.author.id)
			throw conflict('Another reply already has this id.');
		if (row.deletedAt) throw new RequestError(409, 'deleted', 'This reply was deleted.');
		if (row.note !== value.note)
			throw conflict('A reply with this id already exists with different content.');
		return { created: false, value: toReply(row) };
	});
	if (result.created)
		await publishAll(actor, [
			eventOf(actor, comparisonId, 'reply.created', { reply: result.value })
		]);
	return result;
}

/** Change the note of one's own reply ({ note }). */
export async function update(db: Db, actor: Actor, id: string, patch: unknown): Promise<Reply> {
	if (!isRecord(patch))
		throw invalid([{ field: '', message: 'Expected the changes (a JSON object).' }]);
	const found = await visibleReply(db, actor, id);
	if (!found || found.reply.deletedAt) throw notFound('reply');
	const stored = found.reply;
	if (stored.authorId !== actor.author.id) throw forbidden('Only its author can change a reply.');
	const checked = validateReplyInput({
		id: stored.id,
		annotationId: stored.annotationId,
		note: stored.note,
		...patch
	});
	if (!checked.ok) throw invalid(checked.errors);
	if (checked.value.id !== stored.id)
		throw invalid([{ field: 'id', message: 'The id of a reply cannot change.' }]);
	if (checked.value.annotationId !== stored.annotationId)
		throw invalid([
			{ field: 'annotationId', message: 'A reply cannot move to another annotation.' }
		]);
	const [row] = await db
		.update(reply)
		.set({ note: checked.value.note, updatedAt: new Date() })
		.where(and(eq(reply.id, stored.id), isNull(reply.deletedAt)))
		.returning();
	if (!row) throw notFound('reply');
	const value = toReply(row);
	await publishAll(actor, [eventOf(actor, found.comparisonId, 'reply.updated', { reply: value })]);
	return value;
}

/** Delete one's own reply (a tombstone stays, so a late create retry is refused). Idempotent. */
export async function remove(db: Db, actor: Actor, id: string): Promise<void> {
	const found = await visibleReply(db, actor, id);
	if (!found) throw notFound('reply');
	if (found.reply.deletedAt) return;
	if (found.reply.authorId !== actor.author.id)
		throw forbidden('Only its author can delete a reply.');
	const now = new Date();
	const done = await db
		.update(reply)
		.set({ deletedAt: now, updatedAt: now, note: '' })
		.where(and(eq(reply.id, found.reply.id), isNull(reply.deletedAt)))
		.returning({ id: reply.id });
	if (done.length === 0) return;
	await publishAll(actor, [
		eventOf(actor, found.comparisonId, 'reply.deleted', {
			id: found.reply.id,
			annotationId: found.reply.annotationId
		})
	]);
}

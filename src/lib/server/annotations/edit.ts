// Changing and deleting an annotation of one's own: new passages are checked against the current
// texts, kept ones stay as stored; a delete leaves a tombstone and takes its replies, attachments
// and suggestion decision with it.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { isRecord, validateAnnotationInput, type Annotation } from '../../domain/annotation';
import type { LiveEvent } from '../../live/events';
import type { Db } from '../db/connect';
import { annotation, annotationTarget, reply, suggestionDecision } from '../db/schema';
import { forbidden, invalid, notFound } from '../http';
import { checkAttachment } from './create';
import { requireComparison, visibleRow } from './lookup';
import { eventOf, publishAll, type Actor } from './actor';
import { inputColumns, inputOf, selectAnnotations } from './rows';
import { insertTargets } from './insert';
import { textsOf } from './comparison-texts';

const IMMUTABLE = (field: string, message: string) => invalid([{ field, message }]);

/**
 * Change an annotation of one's own: the fields given replace the stored ones (null clears an
 * optional field). The kind never changes. New `targets` (re-attaching an orphan, or confirming
 * a re-anchored passage) are checked against the current texts; kept targets stay as stored.
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
	const merged = { ...inputOf(existing), ...patch, id: row.id, kind: existing.kind };
	// kept passages stay as stored, an unplaced one too (on an earlier version whose text an
	// import may not have brought): only new ones must be a selection of the current text
	const checked = validateAnnotationInput(merged, textsOf(current), {
		from: retarget ? 'selection' : 'kept'
	});
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
 * `byTeacher`: a teacher's moderation acting as the author; its event says so, so a student whose
 * thread goes is told who took it.
 */
export async function remove(
	db: Db,
	actor: Actor,
	id: string,
	{ byTeacher = false }: { byTeacher?: boolean } = {}
): Promise<void> {
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
		eventOf(
			actor,
			row.comparisonId,
			'annotation.deleted',
			byTeacher ? { id: row.id, byTeacher } : { id: row.id }
		)
	];
	for (const a of detached)
		events.push(eventOf(actor, row.comparisonId, 'annotation.updated', { annotation: a }));
	await publishAll(actor, events);
}

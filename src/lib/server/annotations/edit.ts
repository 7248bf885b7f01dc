// Changing and deleting an annotation of one's own: a change is re-checked against the texts its
// passages were made on; a delete leaves a tombstone and takes its replies, attachments and
// suggestion decision with it.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import {
	isRecord,
	validateAnnotationInput,
	type Annotation,
	type ComparisonTexts
} from '../../domain/annotation';
import type { Side } from '../../domain/types';
import type { LiveEvent } from '../../live/events';
import type { Db } from '../db/connect';
import { annotation, annotationTarget, article, reply, suggestionDecision } from '../db/schema';
import { forbidden, invalid, notFound } from '../http';
import { checkAttachment } from './create';
import { requireComparison, visibleRow } from './lookup';
import { eventOf, publishAll, type Actor, type Queryable } from './actor';
import { inputColumns, inputOf, selectAnnotations } from './rows';
import { insertTargets } from './insert';
import { textsOf, type ComparisonArticles } from './comparison-texts';

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

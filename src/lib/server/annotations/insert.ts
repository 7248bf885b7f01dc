import { sql } from 'drizzle-orm';
import type { Target } from '../../domain/annotation';
import { annotationTarget, type AnnotationRow } from '../db/schema';
import type { EventRow, Queryable } from './actor';
import type { ComparisonArticles } from './comparison-texts';

// Storing a new annotation: its passages, or (a create) the annotation, its passages and its
// room event in one statement.

/** Store an annotation's targets (positions 0, 1…), pointing at the comparison's article rows. */
export async function insertTargets(
	tx: Queryable,
	annotationId: string,
	targets: readonly Target[],
	current: ComparisonArticles
): Promise<void> {
	if (targets.length === 0) return;
	await tx.insert(annotationTarget).values(
		targets.map((t, position) => ({
			annotationId,
			position,
			side: t.side,
			articleId: current[t.side].id,
			articleVersion: t.articleVersion,
			start: t.start,
			end: t.end,
			exact: t.exact,
			prefix: t.prefix,
			suffix: t.suffix
		}))
	);
}

/**
 * Store a new annotation, its targets and (given) its event in ONE statement (data-modifying
 * CTEs): one round trip and one commit instead of a transaction of three INSERTs, which was most
 * of a write's database time. The rows travel as JSON (jsonb_populate_record: every column of
 * the table, in its order), so the statement has a handful of parameters to bind, not thirty.
 * Nothing is stored when the id exists (ON CONFLICT DO NOTHING): `inserted` is false then. The
 * targets' foreign key is checked at the statement's end, after the annotation's row is in.
 */
export async function insertAnnotation(
	q: Queryable,
	row: AnnotationRow,
	targets: readonly Target[],
	current: ComparisonArticles,
	event?: EventRow
): Promise<{ inserted: boolean; eventId: number | null }> {
	const annotationJson = JSON.stringify({
		id: row.id,
		comparison_id: row.comparisonId,
		scope_kind: row.scopeKind,
		scope_id: row.scopeId,
		author_id: row.authorId,
		author_name: row.authorName,
		kind: row.kind,
		relation: row.relation,
		evidence: row.evidence,
		evidence_url: row.evidenceUrl,
		frame: row.frame,
		entman: row.entman,
		note: row.note,
		attached_to: row.attachedTo,
		suggestion_id: row.suggestionId,
		hidden: row.hidden,
		created_at: row.createdAt,
		updated_at: row.updatedAt,
		deleted_at: row.deletedAt
	});
	const targetsJson = JSON.stringify(
		targets.map((t, position) => ({
			annotation_id: row.id,
			position,
			side: t.side,
			article_id: current[t.side].id,
			article_version: t.articleVersion,
			start: t.start,
			end: t.end,
			exact: t.exact,
			prefix: t.prefix,
			suffix: t.suffix
		}))
	);
	const eventCte = event
		? sql`, e as (
			insert into room_event (room_id, type, annotation_id, owner_id, teacher_only, data, bytes)
			select ${event.roomId}::uuid, ${event.event.type}::text, a.id, ${event.ownerId}::text,
				${event.teacherOnly}::boolean, ${event.json}::jsonb, ${event.bytes}::integer
			from a
			returning id
		)
		select (select count(*) from a)::integer as inserted, (select id from e)::text as event_id`
		: sql` select (select count(*) from a)::integer as inserted, null::text as event_id`;
	// both drivers answer with { rows } (PGlite's Results, node-postgres' QueryResult)
	const result = (await q.execute(sql`
		with a as (
			insert into annotation
			select * from jsonb_populate_record(null::annotation, ${annotationJson}::jsonb)
			on conflict (id) do nothing
			returning id
		), t as (
			insert into annotation_target
			select x.* from a, jsonb_populate_recordset(null::annotation_target, ${targetsJson}::jsonb) x
		)${eventCte}`)) as unknown as { rows: { inserted: number; event_id: string | null }[] };
	const [out] = result.rows;
	return {
		inserted: Number(out.inserted) > 0,
		eventId: out.event_id === null ? null : Number(out.event_id)
	};
}

import { getTableName } from 'drizzle-orm';
import type { Target } from '../../domain/annotation';
import { runPrepared } from '../db/raw-statement';
import {
	annotation,
	annotationTarget,
	comparison,
	room,
	roomEvent,
	roomMember,
	type AnnotationRow
} from '../db/schema';
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
 * What must still hold for a create prepared from a remembered membership: the member is in the
 * room under this name and not removed, a student only while the room is unlocked, and the
 * room's comparison still has these current articles (and, by a slug, is still the one it names).
 */
interface WriteGuard {
	roomId: string;
	memberId: string;
	memberName: string;
	articleAId: string;
	articleBId: string;
	/** the slug the route named the comparison by, or null */
	slug: string | null;
}

const annotationTable = getTableName(annotation);
const targetTable = getTableName(annotationTarget);
const eventTable = getTableName(roomEvent);
const col = (c: { name: string }) => c.name;

/** The guard's rows: one when it holds (parameters $n… from `first`). */
function guardCte(first: number): string {
	const p = (i: number) => `$${first + i}`;
	return `g as (
		select 1 from ${getTableName(roomMember)} m
		join ${getTableName(room)} r on r.${col(room.id)} = m.${col(roomMember.roomId)}
		join ${getTableName(comparison)} c on c.${col(comparison.id)} = r.${col(room.comparisonId)}
		where m.${col(roomMember.roomId)} = ${p(0)}::uuid and m.${col(roomMember.id)} = ${p(1)}::uuid
			and m.${col(roomMember.displayName)} = ${p(2)}::text and m.${col(roomMember.removedAt)} is null
			and (m.${col(roomMember.role)} = 'teacher' or not r.${col(room.locked)})
			and c.${col(comparison.articleAId)} = ${p(3)}::uuid
			and c.${col(comparison.articleBId)} = ${p(4)}::uuid
			and (${p(5)}::text is null or c.${col(comparison.slug)} = ${p(5)}::text)
	), `;
}

/**
 * The create's statement: the annotation ($1, a JSON row), its targets ($2, JSON rows), then
 * its event ($3–$8) when `event`, all only when the guard's row exists when `guard`.
 */
function insertText(event: boolean, guard: boolean): string {
	const guardFirst = event ? 9 : 3;
	const eventCte = `, e as (
			insert into ${eventTable} (${[
				roomEvent.roomId,
				roomEvent.type,
				roomEvent.annotationId,
				roomEvent.ownerId,
				roomEvent.teacherOnly,
				roomEvent.data,
				roomEvent.bytes
			]
				.map(col)
				.join(', ')})
			select $3::uuid, $4::text, a.${col(annotation.id)}, $5::text, $6::boolean, $7::jsonb, $8::integer
			from a
			returning ${col(roomEvent.id)}
		)`;
	return `with ${guard ? guardCte(guardFirst) : ''}a as (
			insert into ${annotationTable}
			select * from jsonb_populate_record(null::${annotationTable}, $1::jsonb)
			${guard ? 'where exists (select 1 from g)' : ''}
			on conflict (${col(annotation.id)}) do nothing
			returning ${col(annotation.id)}
		), t as (
			insert into ${targetTable}
			select x.* from a, jsonb_populate_recordset(null::${targetTable}, $2::jsonb) x
		)${event ? eventCte : ''}
		select (select count(*) from a)::integer as inserted,
			${event ? `(select ${col(roomEvent.id)} from e)::text` : 'null::text'} as event_id,
			${guard ? '(select count(*) from g)::integer' : '1'} as allowed`;
}

/** The statement's text in its four forms, built once (by `_event` and `_guarded`). */
const INSERT_TEXTS = new Map<string, string>(
	[false, true].flatMap((event) =>
		[false, true].map(
			(guard) =>
				[`${event ? '_event' : ''}${guard ? '_guarded' : ''}`, insertText(event, guard)] as const
		)
	)
);

/** What the create's statement did. */
interface Inserted {
	/** false when the guard no longer held: nothing was stored */
	allowed: boolean;
	/** false when an annotation with this id exists: nothing was stored */
	inserted: boolean;
	eventId: number | null;
}

/**
 * Store a new annotation, its targets and (given) its event in ONE statement (data-modifying
 * CTEs): one round trip and one commit instead of a transaction of three INSERTs, which was most
 * of a write's database time. The rows travel as JSON (jsonb_populate_record: every column of
 * the table, in its order), so the statement has a handful of parameters to bind, not thirty;
 * its text is built once and sent without the query builder, prepared once on PGlite
 * (runPrepared). Nothing is
 * stored when the id exists (ON CONFLICT DO NOTHING: `inserted` false) or, given a guard, when
 * the guard does not hold (`allowed` false): a create from a remembered membership checks it in
 * the same statement instead of a query before. The targets' foreign key is checked at the
 * statement's end, after the annotation's row is in.
 */
export async function insertAnnotation(
	q: Queryable,
	row: AnnotationRow,
	targets: readonly Target[],
	current: ComparisonArticles,
	event?: EventRow,
	guard?: WriteGuard
): Promise<Inserted> {
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
	const params: unknown[] = [annotationJson, targetsJson];
	if (event)
		params.push(
			event.roomId,
			event.event.type,
			event.ownerId,
			event.teacherOnly,
			event.json,
			event.bytes
		);
	if (guard)
		params.push(
			guard.roomId,
			guard.memberId,
			guard.memberName,
			guard.articleAId,
			guard.articleBId,
			guard.slug
		);
	const variant = `${event ? '_event' : ''}${guard ? '_guarded' : ''}`;
	const text = INSERT_TEXTS.get(variant)!;
	const [out] = await runPrepared<{ inserted: number; event_id: string | null; allowed: number }>(
		q,
		`parallax_insert_annotation${variant}`,
		text,
		params
	);
	return {
		allowed: Number(out.allowed) > 0,
		inserted: Number(out.inserted) > 0,
		eventId: out.event_id === null ? null : Number(out.event_id)
	};
}

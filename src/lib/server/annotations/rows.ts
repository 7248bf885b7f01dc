import { and, asc, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import {
	CONTENT_FIELDS,
	TARGET_FIELDS,
	type Annotation,
	type AnnotationInput,
	type EntmanFunction,
	type Evidence,
	type Relation,
	type Reply,
	type Target
} from '../../domain/annotation';
import type { Side } from '../../domain/types';
import {
	annotation,
	annotationTarget,
	reply,
	type AnnotationRow,
	type AnnotationTargetRow,
	type ReplyRow
} from '../db/schema';
import type { Actor, Queryable } from './actor';

// Rows <-> the annotation model: reading annotations with their passages and replies, and the
// columns a new or changed annotation is stored with.

/** Rows of one scope's annotations on one comparison (tombstones and others' hidden ones left out). */
export function inScope(actor: Actor, comparisonId?: string): SQL {
	const conditions = [
		eq(annotation.scopeKind, actor.scope.kind),
		eq(annotation.scopeId, actor.scope.id),
		isNull(annotation.deletedAt),
		or(eq(annotation.hidden, false), eq(annotation.authorId, actor.author.id))
	];
	if (comparisonId) conditions.push(eq(annotation.comparisonId, comparisonId));
	return and(...conditions) as SQL;
}

/** A target row (or a validated target) in the model's shape, keys in the stored order. */
export function toTarget(row: Target | AnnotationTargetRow): Target {
	return {
		side: row.side as Side,
		articleVersion: row.articleVersion,
		start: row.start,
		end: row.end,
		exact: row.exact,
		prefix: row.prefix,
		suffix: row.suffix
	};
}

/** A reply row in the model's shape. */
export function toReply(row: ReplyRow): Reply {
	return {
		id: row.id,
		annotationId: row.annotationId,
		author: { id: row.authorId, name: row.authorName },
		note: row.note,
		createdAt: row.createdAt.toISOString(),
		updatedAt: row.updatedAt.toISOString()
	};
}

/** An annotation row with its targets and replies in the model's shape. */
export function toAnnotation(row: AnnotationRow, targets: Target[], replies: Reply[]): Annotation {
	const a: Annotation = {
		id: row.id,
		kind: row.kind as Annotation['kind'],
		targets,
		note: row.note,
		author: { id: row.authorId, name: row.authorName },
		scope: { kind: row.scopeKind, id: row.scopeId },
		createdAt: row.createdAt.toISOString(),
		updatedAt: row.updatedAt.toISOString(),
		replies
	};
	if (row.relation !== null) a.relation = row.relation as Relation;
	if (row.evidence !== null) a.evidence = row.evidence as Evidence;
	if (row.evidenceUrl !== null) a.evidenceUrl = row.evidenceUrl;
	if (row.frame !== null) a.frame = row.frame;
	if (row.entman !== null) a.entman = row.entman as EntmanFunction;
	if (row.attachedTo !== null) a.attachedTo = row.attachedTo;
	if (row.suggestionId !== null) a.suggestionId = row.suggestionId;
	return a;
}

/** Annotations matching `where`, oldest first, each with its targets and live replies. */
export async function selectAnnotations(db: Queryable, where: SQL): Promise<Annotation[]> {
	const rows = await db
		.select()
		.from(annotation)
		.where(where)
		.orderBy(asc(annotation.createdAt), asc(annotation.id));
	if (rows.length === 0) return [];
	const ids = db.select({ id: annotation.id }).from(annotation).where(where);
	const targetRows = await db
		.select()
		.from(annotationTarget)
		.where(inArray(annotationTarget.annotationId, ids))
		.orderBy(asc(annotationTarget.position));
	const replyRows = await db
		.select()
		.from(reply)
		.where(and(inArray(reply.annotationId, ids), isNull(reply.deletedAt)))
		.orderBy(asc(reply.createdAt), asc(reply.id));
	const targets = group(targetRows, (t) => t.annotationId, toTarget);
	const replies = group(replyRows, (r) => r.annotationId, toReply);
	return rows.map((row) => toAnnotation(row, targets.get(row.id) ?? [], replies.get(row.id) ?? []));
}

function group<R, T>(rows: R[], key: (r: R) => string, map: (r: R) => T): Map<string, T[]> {
	const out = new Map<string, T[]>();
	for (const r of rows) {
		const list = out.get(key(r));
		if (list) list.push(map(r));
		else out.set(key(r), [map(r)]);
	}
	return out;
}

/** The row a new annotation of the actor's is stored as (its passages go in insertTargets). */
export function newAnnotationRow(
	actor: Actor,
	comparisonId: string,
	input: AnnotationInput,
	now: Date
) {
	return {
		id: input.id,
		comparisonId,
		scopeKind: actor.scope.kind,
		scopeId: actor.scope.id,
		authorId: actor.author.id,
		authorName: actor.author.name,
		...inputColumns(input),
		createdAt: now,
		updatedAt: now
	};
}

/** The columns an input sets (absent optional fields become NULL, so an update can clear them). */
export function inputColumns(input: AnnotationInput) {
	return {
		kind: input.kind,
		relation: input.relation ?? null,
		evidence: input.evidence ?? null,
		evidenceUrl: input.evidenceUrl ?? null,
		frame: input.frame ?? null,
		entman: input.entman ?? null,
		note: input.note,
		attachedTo: input.attachedTo ?? null,
		suggestionId: input.suggestionId ?? null
	};
}

/** True when a stored annotation says exactly what `input` says (the idempotent-retry test). */
export function sameContent(stored: Annotation, input: AnnotationInput): boolean {
	if (CONTENT_FIELDS.some((k) => (stored[k] ?? null) !== (input[k] ?? null))) return false;
	if (stored.targets.length !== input.targets.length) return false;
	return stored.targets.every((t, i) => TARGET_FIELDS.every((k) => t[k] === input.targets[i][k]));
}

/** The client-editable fields of a stored annotation (what PATCH merges into). */
export function inputOf(a: Annotation): AnnotationInput {
	const input: AnnotationInput = { id: a.id, kind: a.kind, targets: a.targets, note: a.note };
	for (const k of CONTENT_FIELDS) {
		if (a[k] !== undefined) (input as unknown as Record<string, unknown>)[k] = a[k];
	}
	return input;
}

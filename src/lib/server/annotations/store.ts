import { and, asc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import {
	CONTENT_FIELDS,
	TARGET_FIELDS,
	type Annotation,
	type AnnotationInput,
	type AnnotationScope,
	type Author,
	type ComparisonTexts,
	type EntmanFunction,
	type Evidence,
	type Relation,
	type Reply,
	type Target
} from '../../domain/annotation';
import type { Side } from '../../domain/types';
import type { LiveEvent, Publish } from '../../live/events';
import { isPglite, type Db } from '../db/connect';
import {
	annotation,
	annotationTarget,
	article,
	comparison,
	reply,
	type AnnotationRow,
	type AnnotationTargetRow,
	type ReplyRow
} from '../db/schema';
import { isUuid } from '../http';

// Rows <-> the annotation model, shared by the annotation, reply, suggestion and import verbs.

/** Who is writing and where (always a room: a class or a reader's personal room of one). */
export interface Actor {
	scope: AnnotationScope & { kind: 'room' };
	author: Author;
	/** called after each commit with what changed (default: nothing) */
	publish?: Publish;
	/**
	 * the room's event log: a create stores its event in its own INSERT statement, so both
	 * commit together (verbs without it call publish instead)
	 */
	events?: EventLog;
}

/** A room event as stored: its audience, and the event serialised once (for the row and its size). */
export interface EventRow {
	roomId: string;
	event: LiveEvent;
	annotationId: string | null;
	ownerId: string | null;
	teacherOnly: boolean;
	json: string;
	/** UTF-8 bytes of json: the stream sizes its catch-up from this without reading the events */
	bytes: number;
}

/** A room's event log as a write uses it (rooms/events.ts makes it). */
export interface EventLog {
	/** The row of one of the room's events, with its audience. */
	row(
		event: LiveEvent,
		meta: { annotationId?: string | null; ownerId?: string | null; teacherOnly?: boolean }
	): EventRow;
	/** Taken before the event's insert, held to the commit: ids rise in commit order. */
	lock(q: Queryable): Promise<void>;
	/**
	 * Once the row is stored as `id` (in the write's transaction or statement): sends it within
	 * the transaction where the bus can, else returns what sends it after the commit.
	 */
	stored(q: Queryable, row: EventRow, id: number): Promise<() => Promise<void>>;
}

/** A transaction or the database: the verbs' helpers run inside either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything that can run the query builder. */
export type Queryable = Db | Tx;

/** One article of a comparison as stored now: its row id, version and normalised text. */
interface CurrentArticle {
	id: string;
	version: string;
	text: string;
}

/** A comparison's two current article versions. */
export interface ComparisonArticles {
	id: string;
	title: string;
	a: CurrentArticle;
	b: CurrentArticle;
}

/** Article versions kept in memory: a row never changes (an edit makes a new row), so never stale. */
const ARTICLE_CACHE_SIZE = 64;
const articles = new Map<string, { version: string; text: string }>();

/**
 * Article rows' versions and normalised texts by id, from memory when seen before: every write
 * checks its passages against the texts, and reading both texts (and joining the article table)
 * per write was a large part of its cost.
 */
async function articleVersions(db: Queryable, ids: string[]): Promise<Map<string, CurrentArticle>> {
	const out = new Map<string, CurrentArticle>();
	const missing: string[] = [];
	for (const id of ids) {
		const known = articles.get(id);
		if (!known) missing.push(id);
		else {
			// most recently used last, so the oldest goes first when the cache is full
			articles.delete(id);
			articles.set(id, known);
			out.set(id, { id, ...known });
		}
	}
	if (missing.length === 0) return out;
	const rows = await db
		.select({ id: article.id, version: article.contentHash, text: article.text })
		.from(article)
		.where(inArray(article.id, missing));
	for (const { id, version, text } of rows) {
		out.set(id, { id, version, text });
		articles.set(id, { version, text });
		if (articles.size > ARTICLE_CACHE_SIZE) articles.delete(articles.keys().next().value!);
	}
	return out;
}

/** A comparison's row as a write needs it: its id, title and current article row ids. */
export interface ComparisonHead {
	id: string;
	title: string;
	aId: string;
	bId: string;
}

/** The columns of a ComparisonHead. */
export const comparisonHeadColumns = {
	id: comparison.id,
	title: comparison.title,
	aId: comparison.articleAId,
	bId: comparison.articleBId
};

/** The comparison's current articles with their versions and texts (from memory when known). */
export async function completeComparison(
	db: Queryable,
	head: ComparisonHead
): Promise<ComparisonArticles> {
	const found = await articleVersions(db, [head.aId, head.bId]);
	const side = (id: string) => {
		const current = found.get(id);
		if (!current) throw new Error(`article ${id} vanished`);
		return current;
	};
	return { id: head.id, title: head.title, a: side(head.aId), b: side(head.bId) };
}

/** The comparison's current articles (id, version, text), or undefined for unknown ids. */
export async function loadComparison(
	db: Queryable,
	comparisonId: string
): Promise<ComparisonArticles | undefined> {
	if (!isUuid(comparisonId)) return undefined;
	const [head] = await db
		.select(comparisonHeadColumns)
		.from(comparison)
		.where(eq(comparison.id, comparisonId));
	return head && completeComparison(db, head);
}

/** The texts validate.ts checks targets against. */
export function textsOf(c: ComparisonArticles): ComparisonTexts {
	return { a: c.a, b: c.b };
}

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

/**
 * Send events after the commit. A failing publisher is logged, never reported to the writer:
 * the write is acknowledged and stored.
 */
export async function publishAll(actor: Actor, events: LiveEvent[]): Promise<void> {
	if (!actor.publish) return;
	for (const event of events) {
		try {
			await actor.publish(event);
		} catch (e) {
			console.error(`publish ${event.type} failed: ${(e as Error).message}`);
		}
	}
}

/**
 * Send what a transaction staged, after its commit. Like publishAll, a failure is logged, never
 * reported to the writer: the write and its event are stored, and catch-up replays the event.
 */
export async function sendStaged(sends: (() => Promise<void>)[]): Promise<void> {
	for (const send of sends) {
		try {
			await send();
		} catch (e) {
			console.error(`publish failed: ${(e as Error).message}`);
		}
	}
}

/** The event envelope for the actor's scope. */
export function eventOf<E extends LiveEvent>(
	actor: Actor,
	comparisonId: string,
	type: E['type'],
	data: E['data']
): LiveEvent {
	return { type, scope: actor.scope, comparisonId, data } as LiveEvent;
}

/**
 * Serialise transactions on one key until commit (pg_advisory_xact_lock). PGlite needs none: it
 * has one connection and runs a transaction (or a statement) alone, every other query waiting.
 */
export async function lockKey(q: Queryable, key: string): Promise<void> {
	if (isPglite(q)) return;
	await q.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
}

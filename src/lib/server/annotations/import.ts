// Import of a W3C JSON-LD pack (as export.ts writes it) into a scope: read against the
// comparison's texts, ids kept unless another scope has them, idempotent by id, every problem
// reported against its item.
import { createHash } from 'node:crypto';
import { and, eq, inArray, ne, or, type SQL } from 'drizzle-orm';
import {
	fromAnnotationCollection,
	uuidIri,
	type Annotation,
	type ImportError
} from '../../domain/annotation';
import type { Db } from '../db/connect';
import { annotation, reply } from '../db/schema';
import { invalid } from '../http';
import { requireComparison } from './lookup';
import { eventOf, publishAll, type Actor, type Tx } from './actor';
import { inScope, inputColumns, inputOf, sameContent, selectAnnotations } from './rows';
import { insertTargets } from './insert';
import { textsOf, type ComparisonArticles } from './comparison-texts';

/** What an import did: ids (urn:uuid) stored now, ids already there, and per-item problems. */
export interface ImportSummary {
	imported: string[];
	unchanged: string[];
	errors: ImportError[];
}

/** Rows inserted per statement: well below PostgreSQL's 65,535 parameters. */
const CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
	return out;
}

/** Shared facts first, so a framing's attachment exists when the framing is stored. */
const ORDER: Record<Annotation['kind'], number> = { 'shared-fact': 0, framing: 1, note: 2 };

/** A pack read against the comparison's texts; a file with nothing readable is a 422. */
async function readCollection(db: Db, comparisonId: string, json: unknown) {
	const current = await requireComparison(db, comparisonId);
	const read = fromAnnotationCollection(json, textsOf(current));
	if (read.annotations.length === 0 && read.errors.some((e) => e.item === null))
		throw invalid(read.errors, read.errors[0].message);
	return { current, read };
}

/** Throws the 404/422 an import of `json` would meet as a whole, without writing anything. */
export async function checkCollection(db: Db, comparisonId: string, json: unknown): Promise<void> {
	await readCollection(db, comparisonId, json);
}

/**
 * Import a JSON-LD pack (as exported) into the actor's scope. Annotations and replies keep their
 * ids (an id another scope uses is replaced by derivedId), times and author names; the importer
 * owns them. Idempotent by id: an annotation already in the scope with the same content is left
 * alone; one with other content is reported against its id, as is anything the file gets
 * wrong. A file with nothing readable is a 422.
 */
export async function importCollection(
	db: Db,
	actor: Actor,
	comparisonId: string,
	json: unknown
): Promise<ImportSummary> {
	const { current, read } = await readCollection(db, comparisonId, json);
	const summary: ImportSummary = { imported: [], unchanged: [], errors: [...read.errors] };
	const parsed = [...read.annotations].sort((x, y) => ORDER[x.kind] - ORDER[y.kind]);
	const made = await db.transaction(async (tx) => {
		const incoming = await remapIds(tx, actor, parsed);
		const stored = new Map<string, Annotation>();
		const taken = new Set<string>();
		for (const ids of chunks(incoming.map((a) => a.id))) {
			const rows = await tx
				.select({ id: annotation.id })
				.from(annotation)
				.where(inArray(annotation.id, ids));
			rows.forEach((r) => taken.add(r.id));
			const mine = await selectAnnotations(
				tx,
				and(inArray(annotation.id, ids), inScope(actor, comparisonId)) as SQL
			);
			mine.forEach((a) => stored.set(a.id, a));
		}
		const refuse = (a: Annotation, field: string, message: string) =>
			summary.errors.push({ item: null, id: uuidIri(a.id), field, message });
		const accepted = new Set<string>();
		const fresh: Annotation[] = [];
		for (const a of incoming) {
			const existing = stored.get(a.id);
			if (a.attachedTo && !accepted.has(a.attachedTo) && !stored.has(a.attachedTo)) {
				refuse(
					a,
					'attachedTo',
					'The shared fact this framing is attached to could not be imported.'
				);
			} else if (existing && sameContent(existing, inputOf(a))) {
				summary.unchanged.push(uuidIri(a.id));
				accepted.add(a.id);
			} else if (taken.has(a.id)) {
				refuse(a, 'id', 'Another annotation already has this id.');
			} else {
				fresh.push(a);
				accepted.add(a.id);
				summary.imported.push(uuidIri(a.id));
			}
		}
		await insertAnnotations(tx, actor, comparisonId, fresh, current);
		const replies = incoming.filter((a) => accepted.has(a.id)).flatMap((a) => a.replies);
		await insertReplies(tx, actor, replies, summary);
		return fresh.length === 0
			? []
			: selectAnnotations(
					tx,
					inArray(
						annotation.id,
						fresh.map((a) => a.id)
					)
				);
	});
	await publishAll(
		actor,
		made.map((a) => eventOf(actor, comparisonId, 'annotation.created', { annotation: a }))
	);
	return summary;
}

/**
 * A stable stand-in for an id another scope already uses (a pack imported on the server it was
 * exported from): a uuid (version 8, "custom") hashed from the scope and the original id, so
 * importing the pack again finds the same rows.
 */
export function derivedId(actor: Actor, originalId: string): string {
	const h = createHash('sha256')
		.update(`${actor.scope.kind}:${actor.scope.id}:${originalId}`)
		.digest();
	h[6] = (h[6] & 0x0f) | 0x80; // version 8
	h[8] = (h[8] & 0x3f) | 0x80; // RFC 9562 variant
	const hex = h.subarray(0, 16).toString('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Ids the file's annotations and replies get here: their own, unless another scope has them. */
async function remapIds(tx: Tx, actor: Actor, incoming: Annotation[]): Promise<Annotation[]> {
	const foreign = new Set<string>();
	const inOtherScope = or(
		ne(annotation.scopeKind, actor.scope.kind),
		ne(annotation.scopeId, actor.scope.id)
	) as SQL;
	for (const ids of chunks(incoming.map((a) => a.id))) {
		const rows = await tx
			.select({ id: annotation.id })
			.from(annotation)
			.where(and(inArray(annotation.id, ids), inOtherScope));
		rows.forEach((r) => foreign.add(r.id));
	}
	for (const ids of chunks(incoming.flatMap((a) => a.replies.map((r) => r.id)))) {
		const rows = await tx
			.select({ id: reply.id })
			.from(reply)
			.innerJoin(annotation, eq(reply.annotationId, annotation.id))
			.where(and(inArray(reply.id, ids), inOtherScope));
		rows.forEach((r) => foreign.add(r.id));
	}
	if (foreign.size === 0) return incoming;
	const map = (id: string) => (foreign.has(id) ? derivedId(actor, id) : id);
	return incoming.map((a) => {
		const moved: Annotation = {
			...a,
			id: map(a.id),
			replies: a.replies.map((r) => ({ ...r, id: map(r.id), annotationId: map(a.id) }))
		};
		if (a.attachedTo) moved.attachedTo = map(a.attachedTo);
		return moved;
	});
}

async function insertAnnotations(
	tx: Tx,
	actor: Actor,
	comparisonId: string,
	fresh: Annotation[],
	current: ComparisonArticles
): Promise<void> {
	for (const part of chunks(fresh)) {
		await tx.insert(annotation).values(
			part.map((a) => ({
				id: a.id,
				comparisonId,
				scopeKind: actor.scope.kind,
				scopeId: actor.scope.id,
				authorId: actor.author.id,
				authorName: a.author.name.trim() || actor.author.name,
				...inputColumns(inputOf(a)),
				createdAt: new Date(a.createdAt),
				updatedAt: new Date(a.updatedAt)
			}))
		);
	}
	for (const a of fresh) await insertTargets(tx, a.id, a.targets, current);
}

/** Replies not stored yet are added; one whose id is taken by other content is reported. */
async function insertReplies(
	tx: Tx,
	actor: Actor,
	replies: Annotation['replies'],
	summary: ImportSummary
): Promise<void> {
	for (const part of chunks(replies)) {
		const existing = await tx
			.select()
			.from(reply)
			.where(
				inArray(
					reply.id,
					part.map((r) => r.id)
				)
			);
		const byId = new Map(existing.map((r) => [r.id, r]));
		const fresh = part.filter((r) => {
			const old = byId.get(r.id);
			if (!old) return true;
			const same = old.annotationId === r.annotationId && old.note === r.note && !old.deletedAt;
			if (!same)
				summary.errors.push({
					item: null,
					id: uuidIri(r.id),
					field: 'id',
					message: 'Another reply already has this id.'
				});
			return false;
		});
		if (fresh.length === 0) continue;
		await tx.insert(reply).values(
			fresh.map((r) => ({
				id: r.id,
				annotationId: r.annotationId,
				authorId: actor.author.id,
				authorName: r.author.name.trim() || actor.author.name,
				note: r.note,
				createdAt: new Date(r.createdAt),
				updatedAt: new Date(r.updatedAt)
			}))
		);
	}
}

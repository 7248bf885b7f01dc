// Import of a W3C JSON-LD pack (as export.ts writes it) into a scope: read against the
// comparison's texts (and the earlier versions its unplaced passages name, where this server has
// them), ids kept unless another scope has them, idempotent by id, every problem reported
// against its item.
import { createHash } from 'node:crypto';
import { and, eq, inArray, ne, or, type SQL } from 'drizzle-orm';
import {
	earlierVersions,
	fromAnnotationCollection,
	sameAsImported,
	uuidIri,
	type Annotation,
	type ImportError
} from '../../domain/annotation';
import type { Db } from '../db/connect';
import { annotation, reply } from '../db/schema';
import { invalid } from '../http';
import { requireComparison } from './lookup';
import { eventOf, publishAll, type Actor, type Tx } from './actor';
import { inScope, inputColumns, inputOf, selectAnnotations } from './rows';
import { insertTargets } from './insert';
import { oldTexts, placeAnnotations } from './reanchor';
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

/**
 * A pack read against the comparison's texts, its unplaced passages looked up in the earlier
 * versions they name (found there, they keep their exact place in them); a file with nothing
 * readable is a 422.
 */
async function readCollection(db: Db, comparisonId: string, json: unknown) {
	const current = await requireComparison(db, comparisonId);
	const earlier = new Map<string, string>();
	for (const versions of chunks(earlierVersions(json, textsOf(current))))
		for (const [version, text] of await oldTexts(db, versions)) earlier.set(version, text);
	const read = fromAnnotationCollection(json, textsOf(current), earlier);
	if (read.annotations.length === 0 && read.errors.some((e) => e.item === null))
		throw invalid(read.errors, read.errors[0].message);
	return { current, read };
}

/** Throws the 404/422 an import of `json` would meet as a whole, without writing anything. */
export async function checkCollection(db: Db, comparisonId: string, json: unknown): Promise<void> {
	await readCollection(db, comparisonId, json);
}

/**
 * Why an item of the file was not stored, said to the importer: what is here and was kept, so
 * there is nothing to select or fix (the reader's advice, "select it again", fits no file).
 */
const REFUSED = {
	attachment: 'The shared fact this framing is attached to could not be imported.',
	changed: 'This annotation is already here with other content; the one here was kept.',
	deleted: 'This annotation was deleted here; it was not imported again.',
	taken: 'Another annotation here already has this id; this one was not imported.',
	parent: 'The annotation this reply answers was not imported, so neither was the reply.',
	replyChanged: 'This reply is already here with other text; the one here was kept.',
	replyDeleted: 'This reply was deleted here; it was not imported again.',
	replyTaken: 'Another reply here already has this id; this one was not imported.'
} as const;

/**
 * Import a JSON-LD pack (as exported) into the actor's scope. Annotations and replies keep their
 * ids (an id another scope uses is replaced by derivedId), times and author names; the importer
 * owns them. Annotations an edit left unplaced where the pack was made are stored unplaced (their
 * passages on the earlier version), so reading them here places them, or lists them to
 * re-attach, as there. Idempotent by id: an annotation already in the scope that says what the
 * file says (as stored, or as placed in the current texts, which is how it is exported) is left
 * alone; one with other content, or deleted here, is reported against its item, as is anything
 * the file gets wrong, with the replies that go with it. A file with nothing readable is a 422.
 */
export async function importCollection(
	db: Db,
	actor: Actor,
	comparisonId: string,
	json: unknown
): Promise<ImportSummary> {
	const { current, read } = await readCollection(db, comparisonId, json);
	const texts = textsOf(current);
	const summary: ImportSummary = { imported: [], unchanged: [], errors: [...read.errors] };
	const parsed = [...read.annotations].sort((x, y) => ORDER[x.kind] - ORDER[y.kind]);
	const made = await db.transaction(async (tx) => {
		const incoming = await remapIds(tx, actor, parsed);
		// the file's item of each annotation and reply, by the id it has here (remapIds keeps order)
		const itemOf = new Map<string, number | null>();
		parsed.forEach((a, i) => {
			itemOf.set(incoming[i].id, read.itemOf.get(a.id) ?? null);
			a.replies.forEach((r, j) =>
				itemOf.set(incoming[i].replies[j].id, read.itemOf.get(r.id) ?? null)
			);
		});
		const stored = new Map<string, Annotation>();
		const placed = new Map<string, Annotation>();
		/** ids stored here in any scope, and whether that row is a deleted one's tombstone */
		const taken = new Map<string, boolean>();
		for (const ids of chunks(incoming.map((a) => a.id))) {
			const rows = await tx
				.select({ id: annotation.id, deletedAt: annotation.deletedAt })
				.from(annotation)
				.where(inArray(annotation.id, ids));
			rows.forEach((r) => taken.set(r.id, r.deletedAt !== null));
			const mine = await selectAnnotations(
				tx,
				and(inArray(annotation.id, ids), inScope(actor, comparisonId)) as SQL
			);
			mine.forEach((a) => stored.set(a.id, a));
			// an annotation an edit moved is exported at its new place: compare that too
			const view = await placeAnnotations(tx, mine, current);
			view.annotations.forEach(({ reanchored: _, ...a }) => placed.set(a.id, a));
		}
		const refuse = (id: string, field: string, message: string) =>
			summary.errors.push({ item: itemOf.get(id) ?? null, id: uuidIri(id), field, message });
		const accepted = new Set<string>();
		const fresh: Annotation[] = [];
		for (const a of incoming) {
			const existing = stored.get(a.id);
			const same =
				existing !== undefined &&
				[existing, placed.get(a.id)].some((here) => here && sameAsImported(here, a, texts));
			if (a.attachedTo && !accepted.has(a.attachedTo) && !stored.has(a.attachedTo)) {
				refuse(a.id, 'attachedTo', REFUSED.attachment);
			} else if (same) {
				summary.unchanged.push(uuidIri(a.id));
				accepted.add(a.id);
			} else if (existing) {
				refuse(a.id, 'id', REFUSED.changed);
			} else if (taken.has(a.id)) {
				refuse(a.id, 'id', taken.get(a.id) ? REFUSED.deleted : REFUSED.taken);
			} else {
				fresh.push(a);
				accepted.add(a.id);
				summary.imported.push(uuidIri(a.id));
			}
		}
		await insertAnnotations(tx, actor, comparisonId, fresh, current);
		await insertReplies(
			tx,
			actor,
			incoming.flatMap((a) => a.replies),
			accepted,
			refuse
		);
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

/**
 * Replies not stored yet are added to the annotations `accepted`; one whose id is taken here is
 * reported (`refuse`), as is one whose annotation was not accepted, unless it is here as it is.
 */
async function insertReplies(
	tx: Tx,
	actor: Actor,
	replies: Annotation['replies'],
	accepted: ReadonlySet<string>,
	refuse: (id: string, field: string, message: string) => void
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
			const here = old?.annotationId === r.annotationId;
			if (!accepted.has(r.annotationId)) {
				if (!(old && here && !old.deletedAt && old.note === r.note))
					refuse(r.id, 'annotationId', REFUSED.parent);
				return false;
			}
			if (!old) return true;
			if (old.deletedAt) refuse(r.id, 'id', REFUSED.replyDeleted);
			else if (!here) refuse(r.id, 'id', REFUSED.replyTaken);
			else if (old.note !== r.note) refuse(r.id, 'id', REFUSED.replyChanged);
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

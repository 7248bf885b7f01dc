import { randomUUID } from 'node:crypto';
import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { SharedFact } from '../domain/alignment/types';
import { createTarget, type Annotation, type AnnotationInput } from '../domain/annotation/model';
import { validateAnnotationInput } from '../domain/annotation/validate';
import { isRecord, own } from '../domain/annotation/validate-fields';
import type { LiveEvent } from '../live/events';
import {
	eventOf,
	inputColumns,
	lockKey,
	insertTargets,
	publishAll,
	selectAnnotations,
	textsOf,
	type Actor,
	type Queryable
} from './annotation-store';
import { requireComparison } from './annotations';
import { getAnalysis } from './comparison-analysis';
import * as comparisons from './comparisons';
import type { Db } from './db/connect';
import { annotation, suggestionDecision } from './db/schema';
import { conflict, invalid, notFound } from './errors';
import { isUuid } from './uuid';

// Accepting or dismissing the engine's suggested shared facts. An acceptance creates the shared
// fact annotation from the suggestion's two passages in the same transaction as the decision.

/** What a scope decided about a suggestion. */
export type Decision = 'accepted' | 'dismissed';

/** A stored decision, as the reading view needs it. */
export interface SuggestionDecision {
	suggestionId: string;
	decision: Decision;
	/** the shared fact an acceptance created */
	annotationId: string | null;
	createdAt: string;
}

/** The decision, and the annotation an acceptance made (or had made before). */
export interface DecisionResult {
	decision: SuggestionDecision;
	annotation?: Annotation;
	/** false when the same decision was already stored (an idempotent retry) */
	changed: boolean;
}

const DECISIONS: readonly Decision[] = ['accepted', 'dismissed'];
/** Suggestion ids look like 'a12-b7'; anything much longer is not one. */
const MAX_SUGGESTION_ID = 100;

function scopeOf(actor: Actor, comparisonId: string): SQL {
	return and(
		eq(suggestionDecision.comparisonId, comparisonId),
		eq(suggestionDecision.scopeKind, actor.scope.kind),
		eq(suggestionDecision.scopeId, actor.scope.id)
	) as SQL;
}

function toDecision(row: typeof suggestionDecision.$inferSelect): SuggestionDecision {
	return {
		suggestionId: row.suggestionId,
		decision: row.decision,
		annotationId: row.annotationId,
		createdAt: row.createdAt.toISOString()
	};
}

/** The scope's decisions on a comparison's suggestions, in the order they were made. */
export async function listDecisions(
	db: Db,
	actor: Actor,
	comparisonId: string
): Promise<SuggestionDecision[]> {
	if (!isUuid(comparisonId)) return [];
	const rows = await db
		.select()
		.from(suggestionDecision)
		.where(scopeOf(actor, comparisonId))
		.orderBy(asc(suggestionDecision.createdAt), asc(suggestionDecision.suggestionId));
	return rows.map(toDecision);
}

/** Reads `{ decision, annotationId? }` from untrusted JSON (workspace and room endpoints). */
export function readBody(body: unknown): { decision: Decision; annotationId?: string } {
	if (!isRecord(body)) throw invalid([{ field: '', message: 'Expected { "decision": … }.' }]);
	const unknown = Object.keys(body).filter((k) => k !== 'decision' && k !== 'annotationId');
	if (unknown.length > 0)
		throw invalid(
			unknown.slice(0, 10).map((field) => ({ field, message: `Unknown field "${field}".` }))
		);
	const decision = own(body, 'decision');
	if (typeof decision !== 'string' || !(DECISIONS as readonly string[]).includes(decision))
		throw invalid([
			{ field: 'decision', message: 'The decision must be "accepted" or "dismissed".' }
		]);
	const annotationId = own(body, 'annotationId');
	if (annotationId === undefined || annotationId === null)
		return { decision: decision as Decision };
	if (typeof annotationId !== 'string' || !isUuid(annotationId))
		throw invalid([{ field: 'annotationId', message: 'The annotation id must be a uuid.' }]);
	return { decision: decision as Decision, annotationId: annotationId.toLowerCase() };
}

/**
 * Accept or dismiss a suggested shared fact (`body` = { decision, annotationId? }; the optional
 * id is the client's for the new annotation). Repeating a decision returns the stored one; a
 * dismissed suggestion may still be accepted; an accepted one is undone by deleting its fact.
 */
export async function decideSuggestion(
	db: Db,
	actor: Actor,
	comparisonId: string,
	suggestionId: string,
	body: unknown
): Promise<DecisionResult> {
	const view = isUuid(comparisonId) ? await comparisons.get(db, comparisonId) : undefined;
	if (!view) throw notFound('comparison');
	const { decision, annotationId } = readBody(body);
	if (suggestionId.length > MAX_SUGGESTION_ID) throw notFound('suggestion');
	const analysis = await getAnalysis(db, view);
	const fact = analysis.sharedFacts.find((f) => f.id === suggestionId);
	if (!fact) throw notFound('suggestion');
	const current = await requireComparison(db, comparisonId);
	const input = decision === 'accepted' ? factInput(fact, current, annotationId) : undefined;
	const result = await db.transaction(async (tx): Promise<DecisionResult> => {
		// two tabs accepting the same suggestion at once: the second waits, then sees the first
		await lockKey(tx, `suggestion:${comparisonId}:${actor.scope.id}:${suggestionId}`);
		const where = and(
			scopeOf(actor, comparisonId),
			eq(suggestionDecision.suggestionId, suggestionId)
		);
		const [before] = await tx.select().from(suggestionDecision).where(where).for('update');
		if (before?.decision === decision) {
			const made = before.annotationId
				? (await selectAnnotations(tx, eq(annotation.id, before.annotationId)))[0]
				: undefined;
			return { decision: toDecision(before), annotation: made, changed: false };
		}
		if (before?.decision === 'accepted')
			throw conflict('This suggestion was accepted: delete its shared fact to dismiss it.');
		const made = input ? await insertFact(tx, actor, comparisonId, input, current) : undefined;
		const values = {
			comparisonId,
			scopeKind: actor.scope.kind,
			scopeId: actor.scope.id,
			suggestionId,
			decision,
			annotationId: made?.id ?? null,
			createdAt: new Date()
		};
		const [row] = before
			? await tx.update(suggestionDecision).set(values).where(where).returning()
			: await tx.insert(suggestionDecision).values(values).returning();
		return { decision: toDecision(row), annotation: made, changed: true };
	});
	if (result.changed) {
		const events: LiveEvent[] = [];
		if (result.annotation)
			events.push(
				eventOf(actor, comparisonId, 'annotation.created', { annotation: result.annotation })
			);
		events.push(
			eventOf(actor, comparisonId, 'suggestion.decided', {
				suggestionId,
				decision,
				annotationId: result.decision.annotationId
			})
		);
		await publishAll(actor, events);
	}
	return result;
}

/**
 * Store the shared fact an accepted suggestion becomes, in the actor's scope, inside the caller's
 * transaction (workspace and room decisions share it).
 */
export async function insertFact(
	tx: Queryable,
	actor: Actor,
	comparisonId: string,
	input: AnnotationInput,
	current: Awaited<ReturnType<typeof requireComparison>>
): Promise<Annotation> {
	const now = new Date();
	const inserted = await tx
		.insert(annotation)
		.values({
			id: input.id,
			comparisonId,
			scopeKind: actor.scope.kind,
			scopeId: actor.scope.id,
			authorId: actor.author.id,
			authorName: actor.author.name,
			...inputColumns(input),
			createdAt: now,
			updatedAt: now
		})
		.onConflictDoNothing({ target: annotation.id })
		.returning({ id: annotation.id });
	if (inserted.length === 0) throw conflict('Another annotation already has this id.');
	await insertTargets(tx, input.id, input.targets, current);
	const [made] = await selectAnnotations(tx, eq(annotation.id, input.id));
	return made;
}

/** The shared-fact annotation a suggestion becomes, checked like any client input. */
export function factInput(
	fact: SharedFact,
	current: Awaited<ReturnType<typeof requireComparison>>,
	annotationId: string = randomUUID()
): AnnotationInput {
	const candidate = {
		id: annotationId,
		kind: 'shared-fact',
		targets: [
			createTarget(current.a.text, 'a', current.a.version, fact.a),
			createTarget(current.b.text, 'b', current.b.version, fact.b)
		],
		relation: fact.relation,
		note: '',
		suggestionId: fact.id
	};
	const checked = validateAnnotationInput(candidate, textsOf(current));
	// the engine's passages come from the same texts: a failure here is a bug, not bad input
	if (!checked.ok) throw new Error(`suggestion ${fact.id}: ${checked.errors[0].message}`);
	return checked.value;
}

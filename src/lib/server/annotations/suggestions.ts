import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { SharedFact } from '../../domain/alignment';
import {
	createTarget,
	isRecord,
	own,
	validateAnnotationInput,
	type Annotation,
	type AnnotationInput
} from '../../domain/annotation';
import type { Actor, Queryable } from './actor';
import { textsOf } from './comparison-texts';
import { insertTargets } from './insert';
import { newAnnotationRow, selectAnnotations } from './rows';
import { requireComparison } from './lookup';
import { annotation } from '../db/schema';
import { conflict, invalid, isUuid, refuseUnknownFields } from '../http';

// What accepting or dismissing the engine's suggested shared facts is made of: the request body,
// and the shared fact an acceptance creates from the suggestion's two passages (in the same
// transaction as the decision, which rooms/suggestion-verbs.ts stores per member of a room).

/** What a scope decided about a suggestion. */
type Decision = 'accepted' | 'dismissed';

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

/** Reads `{ decision, annotationId? }` from untrusted JSON (workspace and room endpoints). */
export function readBody(body: unknown): { decision: Decision; annotationId?: string } {
	if (!isRecord(body)) throw invalid([{ field: '', message: 'Expected { "decision": … }.' }]);
	refuseUnknownFields(body, ['decision', 'annotationId']);
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
		.values(newAnnotationRow(actor, comparisonId, input, now))
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

import { randomUUID } from 'node:crypto';
import { and, asc, eq, like, type SQL } from 'drizzle-orm';
import {
	lockKey,
	selectAnnotations,
	requireComparison,
	factInput,
	insertFact,
	readBody,
	type DecisionResult,
	type SuggestionDecision
} from '../annotations';
import { getAnalysis, comparisons } from '../articles';
import type { Db } from '../db/connect';
import { annotation, suggestionDecision } from '../db/schema';
import { conflict, forbidden, notFound } from '../http';
import { actorOf, visibleTo, type RoomDeps } from './annotation-verbs';
import { createRoomPublisher } from './events';
import { requireSuggestionsShown, type Membership } from './rooms';

// A member's decisions on the engine's suggestions inside a room. Each member decides alone
// (every student weighs them in the individual phase); the decisions are kept in the room's
// scope so deleting the room deletes them.

/** Suggestion ids look like 'a12-b7'; anything much longer is not one. */
const MAX_SUGGESTION_ID = 100;

export function refuseWhenLocked(m: Membership): void {
	if (m.room.locked && m.member.role === 'student')
		throw forbidden('The teacher has locked this room: it is read-only.');
}

/**
 * The stored key of a member's decision: the member's id before the suggestion's, because the
 * decision table is keyed by scope (the room) and suggestion, and each member decides alone.
 */
const decisionKey = (m: Membership, suggestionId: string) => `${m.member.id}:${suggestionId}`;

function ofMember(m: Membership): SQL {
	return and(
		eq(suggestionDecision.comparisonId, m.room.comparisonId),
		eq(suggestionDecision.scopeKind, 'room'),
		eq(suggestionDecision.scopeId, m.room.id),
		like(suggestionDecision.suggestionId, `${m.member.id}:%`)
	) as SQL;
}

function toDecision(m: Membership, row: typeof suggestionDecision.$inferSelect) {
	return {
		suggestionId: row.suggestionId.slice(m.member.id.length + 1),
		decision: row.decision,
		annotationId: row.annotationId,
		createdAt: row.createdAt.toISOString()
	} satisfies SuggestionDecision;
}

/** This member's decisions on the room's suggestions, in the order they were made. */
export async function listDecisions(db: Db, m: Membership): Promise<SuggestionDecision[]> {
	const rows = await db
		.select()
		.from(suggestionDecision)
		.where(ofMember(m))
		.orderBy(asc(suggestionDecision.createdAt), asc(suggestionDecision.suggestionId));
	return rows.map((row) => toDecision(m, row));
}

/** The engine's suggestion with this id on the comparison, or a 404. */
async function findSuggestion(db: Db, comparisonId: string, suggestionId: string) {
	const view = await comparisons.get(db, comparisonId);
	if (!view || suggestionId.length > MAX_SUGGESTION_ID) throw notFound('suggestion');
	const fact = (await getAnalysis(db, view)).sharedFacts.find((f) => f.id === suggestionId);
	if (!fact) throw notFound('suggestion');
	return fact;
}

/** Throws the 404/422 a decision would meet, without writing anything. */
export async function checkDecision(
	db: Db,
	comparisonId: string,
	suggestionId: string,
	body: unknown
): Promise<void> {
	readBody(body);
	await findSuggestion(db, comparisonId, suggestionId);
}

/**
 * A member accepts or dismisses a suggested shared fact. An acceptance creates the member's
 * shared fact in the room (seen by whom the phase allows) in the same transaction as the
 * decision; the rules are the workspace's (a repeat returns the stored decision, a dismissed
 * suggestion may still be accepted, an accepted one is undone by deleting its fact).
 */
export async function decide(
	deps: RoomDeps,
	m: Membership,
	suggestionId: string,
	body: unknown
): Promise<DecisionResult> {
	refuseWhenLocked(m);
	// suggestion ids can be guessed ('a12-b7'): accepting one would show its passages
	requireSuggestionsShown(m);
	const { db } = deps;
	const { decision, annotationId } = readBody(body);
	const fact = await findSuggestion(db, m.room.comparisonId, suggestionId);
	const current = await requireComparison(db, m.room.comparisonId);
	const input =
		decision === 'accepted' ? factInput(fact, current, annotationId ?? randomUUID()) : undefined;
	const key = decisionKey(m, suggestionId);
	const actor = actorOf(deps, m);
	const result = await db.transaction(async (tx) => {
		await lockKey(tx, `suggestion:${m.room.id}:${key}`);
		const where = and(ofMember(m), eq(suggestionDecision.suggestionId, key));
		const [before] = await tx.select().from(suggestionDecision).where(where).for('update');
		if (before?.decision === decision) {
			const made = before.annotationId
				? (
						await selectAnnotations(
							tx,
							and(eq(annotation.id, before.annotationId), visibleTo(m)) as SQL
						)
					)[0]
				: undefined;
			return { decision: toDecision(m, before), annotation: made, changed: false };
		}
		if (before?.decision === 'accepted')
			throw conflict('This suggestion was accepted: delete its shared fact to dismiss it.');
		const made = input
			? await insertFact(tx, actor, m.room.comparisonId, input, current)
			: undefined;
		const values = {
			comparisonId: m.room.comparisonId,
			scopeKind: 'room' as const,
			scopeId: m.room.id,
			suggestionId: key,
			decision,
			annotationId: made?.id ?? null,
			createdAt: new Date()
		};
		const [row] = before
			? await tx.update(suggestionDecision).set(values).where(where).returning()
			: await tx.insert(suggestionDecision).values(values).returning();
		return { decision: toDecision(m, row), annotation: made, changed: true };
	});
	if (result.changed) {
		const publish = createRoomPublisher(db, deps.bus, m.room.id);
		const envelope = { scope: actor.scope, comparisonId: m.room.comparisonId };
		try {
			if (result.annotation)
				await publish({
					type: 'annotation.created',
					...envelope,
					data: { annotation: result.annotation }
				});
			// the decision is the member's: in the individual phase only they (and the teacher) get it
			await publish(
				{
					type: 'suggestion.decided',
					...envelope,
					data: {
						memberId: m.member.id,
						suggestionId,
						decision,
						annotationId: result.decision.annotationId
					}
				},
				{ annotationId: result.decision.annotationId, ownerId: m.member.id }
			);
		} catch (e) {
			// the decision is stored and acknowledged; a lost event is caught up on reload
			console.error(`publish suggestion.decided failed: ${(e as Error).message}`);
		}
	}
	return result;
}

/**
 * A member takes back a dismissal (Undo): the suggestion is undecided again. An accepted one is
 * taken back by deleting its shared fact instead (its author's verb, which also clears the
 * decision). Taking back what was never decided changes nothing.
 */
export async function withdraw(deps: RoomDeps, m: Membership, suggestionId: string) {
	refuseWhenLocked(m);
	// as for decide: a 404 for a wrong guess would tell which ids are suggestions
	requireSuggestionsShown(m);
	const { db } = deps;
	await findSuggestion(db, m.room.comparisonId, suggestionId);
	const where = and(ofMember(m), eq(suggestionDecision.suggestionId, decisionKey(m, suggestionId)));
	const removed = await db.transaction(async (tx) => {
		const [before] = await tx.select().from(suggestionDecision).where(where).for('update');
		if (!before) return false;
		if (before.decision === 'accepted')
			throw conflict('This suggestion was accepted: delete its shared fact to take it back.');
		await tx.delete(suggestionDecision).where(where);
		return true;
	});
	if (!removed) return;
	const actor = actorOf(deps, m);
	const publish = createRoomPublisher(db, deps.bus, m.room.id);
	try {
		await publish(
			{
				type: 'suggestion.decided',
				scope: actor.scope,
				comparisonId: m.room.comparisonId,
				data: { memberId: m.member.id, suggestionId, decision: null, annotationId: null }
			},
			{ annotationId: null, ownerId: m.member.id }
		);
	} catch (e) {
		console.error(`publish suggestion.decided failed: ${(e as Error).message}`);
	}
}

import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { createComparison, createReader, memberActor } from '../test-support/annotation-fixtures';
import * as annotations from './verbs';
import { getAnalysis } from '../articles';
import { describeEachDatabase } from '../test-support/databases';
import { createBus } from '../live';
import { personal, decide, listDecisions } from '../rooms';
import type { Membership } from '../rooms';
import { failure } from '../test-support/failure';

// A reader's decisions on the engine's suggestions, in their personal room (the same verbs serve
// a class, where each member decides alone: rooms/member-verbs.test.ts).
describeEachDatabase('suggestion decisions', (current) => {
	const db = () => current().database.db;
	const deps = () => ({ db: db(), bus: createBus(current().database) });
	const reader = async (comparisonId: string) =>
		personal.ensure(db(), await createReader(db()), comparisonId);
	const setup = async (tag: string) => {
		const comparison = await createComparison(db(), tag);
		const room = await reader(comparison.id);
		const actor = memberActor(room);
		const { sharedFacts } = await getAnalysis(db(), comparison);
		return { comparison, room, actor, sharedFacts };
	};
	const decideSuggestion = (room: Membership, suggestionId: string, body: unknown) =>
		decide(deps(), room, suggestionId, body);

	it('has suggestions to decide on (the fixture is meant to produce two)', async () => {
		const { sharedFacts } = await setup('has');
		expect(sharedFacts.length).toBeGreaterThanOrEqual(2);
	});

	it('accepting makes a shared fact of both passages with the suggested relation', async () => {
		const { comparison, room, actor, sharedFacts } = await setup('accept');
		const [s] = sharedFacts;
		const id = randomUUID();
		const result = await decideSuggestion(room, s.id, {
			decision: 'accepted',
			annotationId: id
		});
		expect(result.changed).toBe(true);
		expect(result.decision).toMatchObject({
			suggestionId: s.id,
			decision: 'accepted',
			annotationId: id
		});
		const made = result.annotation!;
		expect(made).toMatchObject({
			id,
			kind: 'shared-fact',
			relation: s.relation,
			suggestionId: s.id
		});
		expect(made.targets.map((t) => [t.side, t.start, t.end, t.exact])).toEqual([
			['a', s.a.start, s.a.end, comparison.a.text.slice(s.a.start, s.a.end)],
			['b', s.b.start, s.b.end, comparison.b.text.slice(s.b.start, s.b.end)]
		]);
		const retry = await decideSuggestion(room, s.id, {
			decision: 'accepted'
		});
		expect(retry).toEqual({ ...result, changed: false });
		const undo = await failure(decideSuggestion(room, s.id, { decision: 'dismissed' }));
		expect(undo.status).toBe(409);
		expect((await listDecisions(db(), room)).map((d) => d.suggestionId)).toEqual([s.id]);
		// deleting the fact makes the suggestion undecided again
		await annotations.remove(db(), actor, id);
		expect(await listDecisions(db(), room)).toEqual([]);
	});

	it('dismissing stores the decision only; a dismissed suggestion can still be accepted', async () => {
		const { comparison, room, actor, sharedFacts } = await setup('dismiss');
		const s = sharedFacts[1];
		const dismissed = await decideSuggestion(room, s.id, {
			decision: 'dismissed'
		});
		expect(dismissed.annotation).toBeUndefined();
		expect(dismissed.decision).toMatchObject({ decision: 'dismissed', annotationId: null });
		expect((await annotations.list(db(), actor, comparison.id)).annotations).toEqual([]);
		const accepted = await decideSuggestion(room, s.id, {
			decision: 'accepted'
		});
		expect(accepted.decision.decision).toBe('accepted');
		expect((await annotations.list(db(), actor, comparison.id)).annotations).toHaveLength(1);
		// decisions are each reader's own
		expect(await listDecisions(db(), await reader(comparison.id))).toEqual([]);
	});

	it.each<[string, string, unknown, number]>([
		['an unknown suggestion', 'a99-b99', { decision: 'accepted' }, 404],
		['a bad decision', '', { decision: 'maybe' }, 422],
		['an array body', '', [], 422],
		['a bad annotation id', '', { decision: 'accepted', annotationId: 'x' }, 422],
		['an extra field', '', { decision: 'accepted', why: 1 }, 422]
	])('refuses %s', async (_, suggestion, body, status) => {
		const { room, sharedFacts } = await setup(`refuse-${Math.random()}`);
		const id = suggestion || sharedFacts[0].id;
		expect((await failure(decideSuggestion(room, id, body))).status).toBe(status);
	});
});

import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import {
	createActor,
	createComparison,
	targetOf,
	TEXT_A
} from '../test-support/annotation-fixtures';
import * as annotations from './verbs';
import { importCollection } from './import';
import { toAnnotationCollection, type Annotation } from '../../domain/annotation';
import { articles, comparisons } from '../articles';
import { describeEachDatabase } from '../test-support/databases';

// An edit of article A moves every passage (a new first paragraph) and removes one sentence.
const EDITED_A = TEXT_A.replace(
	'\n\n',
	'\n\nUpdated with the council minutes 🗒️ on Monday.\n\n'
).replace(' Residents say the vote ignores children who study there every afternoon.', '');

describeEachDatabase('re-anchoring on a new article version', (current) => {
	const db = () => current().database.db;

	it('moves confident passages (flagged) and lists lost ones as orphans, untouched', async () => {
		const comparison = await createComparison(db(), 'reanchor');
		const actor = await createActor(db(), comparison.id);
		const fact = await annotations.create(db(), actor, comparison.id, {
			id: randomUUID(),
			kind: 'shared-fact',
			relation: 'different-detail',
			targets: [targetOf(comparison, 'a', 'voted 7 to 2'), targetOf(comparison, 'b', 'voted 7-2')],
			note: ''
		});
		const lost = await annotations.create(db(), actor, comparison.id, {
			id: randomUUID(),
			kind: 'note',
			targets: [targetOf(comparison, 'a', 'ignores children who study there')],
			note: 'Is this true?'
		});
		const onB = await annotations.create(db(), actor, comparison.id, {
			id: randomUUID(),
			kind: 'note',
			targets: [targetOf(comparison, 'b', 'road safety')],
			note: 'Which roads?'
		});
		const edited = await articles.create(db(), {
			raw: EDITED_A,
			meta: comparison.a.meta,
			previousId: comparison.a.id
		});
		await comparisons.update(db(), comparison.id, { articleAId: edited.id });
		const now = (await comparisons.get(db(), comparison.id))!;

		const placed = await annotations.list(db(), actor, comparison.id);
		expect(placed.annotations.map((a) => a.id)).toEqual([fact.value.id, onB.value.id]);
		const [moved, same] = placed.annotations;
		expect(moved.reanchored).toBe(true);
		expect(moved.targets[0]).toEqual(targetOf(now, 'a', 'voted 7 to 2'));
		expect(moved.targets[0].start).toBeGreaterThan(fact.value.targets[0].start);
		expect(moved.targets[1]).toEqual(fact.value.targets[1]);
		expect(same).toEqual(onB.value);
		expect(same.reanchored).toBeUndefined();

		expect(placed.orphans).toHaveLength(1);
		expect(placed.orphans[0].annotation).toEqual(lost.value);
		expect(placed.orphans[0].targets).toEqual([
			expect.objectContaining({ index: 0, side: 'a', status: 'orphan' })
		]);

		// the orphan's note can still be edited (its passage is checked against its own version)
		const renoted = await annotations.update(db(), actor, lost.value.id, { note: 'Still true?' });
		expect(renoted.targets).toEqual(lost.value.targets);
		// re-attaching sends new targets, checked against the current text
		const reattached = await annotations.update(db(), actor, lost.value.id, {
			targets: [targetOf(now, 'a', 'needs $4 million in repairs')]
		});
		expect(reattached.targets[0].articleVersion).toBe(now.a.version);
		const after = await annotations.list(db(), actor, comparison.id);
		expect(after.orphans).toEqual([]);
		expect(after.annotations.map((a) => a.id)).toContain(lost.value.id);
		// passages on the old version cannot be sent as new ones
		const stale = await annotations
			.update(db(), actor, onB.value.id, { targets: [fact.value.targets[0]] })
			.catch((e: { fields?: { field: string }[] }) => e.fields?.map((f) => f.field));
		expect(stale).toEqual(['targets[0].articleVersion']);
	});

	it('takes no stand-in offsets for an old position, even once that version’s text is here', async () => {
		// made on V0, where "The council voted" is once; V1 has it twice, each with that context:
		// only the old position could tell them apart, and a stand-in of 0 would pick the first
		const V0 = 'Alpha. The council voted. Beta.';
		const V1 = `${V0} ${V0}`;
		const meta = { title: 'Twice', genre: 'report' as const };
		const b = await articles.create(db(), { raw: 'Council votes. It was close.', meta });
		const a = await articles.create(db(), { raw: V1, meta });
		const view = await comparisons.create(db(), {
			title: 'Twice',
			articleAId: a.id,
			articleBId: b.id
		});
		const actor = await createActor(db(), view.id);
		const earlier = { text: V0, version: articles.versionOf(V0) };
		const note: Annotation = {
			id: randomUUID(),
			kind: 'note',
			targets: [targetOf({ a: earlier, b: view.b }, 'a', 'The council voted')],
			note: 'Which vote?',
			author: { id: 'x', name: 'Ana' },
			scope: { kind: 'room', id: 'r' },
			createdAt: '2026-01-01T00:00:00.000Z',
			updatedAt: '2026-01-01T00:00:00.000Z',
			replies: []
		};
		const article = (side: 'a' | 'b') => ({
			...view[side],
			url: `/api/articles/${view[side].id}`
		});
		const pack = JSON.parse(
			JSON.stringify(
				toAnnotationCollection([note], {
					comparison: { id: view.id, title: view.title, url: `/compare/${view.id}` },
					articles: { a: article('a'), b: article('b') },
					baseUrl: 'https://parallax.example.org'
				})
			)
		);
		// imported while this server has no V0: its offsets stand in
		expect((await importCollection(db(), actor, view.id, pack)).errors).toEqual([]);
		const before = await annotations.list(db(), actor, view.id);
		expect(before.orphans.map((o) => o.targets[0].reason)).toEqual(['ambiguous']);
		// V0 arrives (another comparison's text): still not placed, and not at the first one
		await articles.create(db(), { raw: V0, meta });
		const after = await annotations.list(db(), actor, view.id);
		expect(after.annotations).toEqual([]);
		expect(after.orphans.map((o) => o.targets[0].reason)).toEqual(['ambiguous']);
	});
});

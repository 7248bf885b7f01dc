import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import {
	createActor,
	createComparison,
	targetOf,
	TEXT_A
} from '../test-support/annotation-fixtures';
import * as annotations from './verbs';
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
});

import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { createActor, createComparison, targetOf } from '../test-support/annotation-fixtures';
import * as annotations from './verbs';
import { describeEachDatabase } from '../test-support/databases';
import * as replies from './replies';
import { failure } from '../test-support/failure';

describeEachDatabase('replies', (current) => {
	const db = () => current().database.db;
	const setup = async (tag: string) => {
		const comparison = await createComparison(db(), tag);
		const actor = await createActor(db(), comparison.id);
		const { value } = await annotations.create(db(), actor, comparison.id, {
			id: randomUUID(),
			kind: 'note',
			targets: [targetOf(comparison, 'b', 'road safety')],
			note: 'Which roads?'
		});
		return { comparison, actor, annotation: value };
	};

	it('creates (idempotently), lists, updates and deletes replies', async () => {
		const { comparison, actor, annotation } = await setup('crud');
		const body = { id: randomUUID(), note: 'The ring road, says page 2.' };
		const made = await replies.create(db(), actor, annotation.id, body);
		expect(made.created).toBe(true);
		expect(made.value).toMatchObject({
			...body,
			annotationId: annotation.id,
			author: actor.author
		});
		expect(await replies.create(db(), actor, annotation.id, body)).toEqual({
			created: false,
			value: made.value
		});
		const clash = await failure(replies.create(db(), actor, annotation.id, { ...body, note: 'x' }));
		expect([clash.status, clash.code]).toEqual([409, 'conflict']);
		const second = await replies.create(db(), actor, annotation.id, {
			id: randomUUID(),
			note: 'Thanks'
		});
		let listed = await annotations.list(db(), actor, comparison.id);
		expect(listed.annotations[0].replies.map((r) => r.id)).toEqual([body.id, second.value.id]);

		const edited = await replies.update(db(), actor, body.id, { note: 'The ring road.' });
		expect(edited.note).toBe('The ring road.');
		await replies.remove(db(), actor, second.value.id);
		await replies.remove(db(), actor, second.value.id);
		listed = await annotations.list(db(), actor, comparison.id);
		expect(listed.annotations[0].replies).toEqual([edited]);
		const late = await failure(
			replies.create(db(), actor, annotation.id, { id: second.value.id, note: 'Thanks' })
		);
		expect(late.code).toBe('deleted');
	});

	it.each<[string, unknown, string]>([
		['an empty note', { id: randomUUID(), note: '  ' }, 'note'],
		['a bad id', { id: '123', note: 'ok' }, 'id'],
		[
			'another annotation',
			{ id: randomUUID(), note: 'ok', annotationId: randomUUID() },
			'annotationId'
		],
		['a lone surrogate', { id: randomUUID(), note: '\udc00' }, 'note']
	])('refuses %s (422)', async (_, body, field) => {
		const { actor, annotation } = await setup(`invalid-${field}-${Math.random()}`);
		const e = await failure(replies.create(db(), actor, annotation.id, body));
		expect(e.status).toBe(422);
		expect(e.fields?.map((f) => f.field)).toContain(field);
	});

	it('hides replies from other workspaces and goes with a deleted annotation', async () => {
		const { comparison, actor, annotation } = await setup('apart');
		const other = await createActor(db(), comparison.id);
		const mine = await replies.create(db(), actor, annotation.id, {
			id: randomUUID(),
			note: 'Mine'
		});
		// one at a time: a rejection nobody awaits yet would be reported as unhandled
		for (const attempt of [
			() => replies.create(db(), other, annotation.id, { id: randomUUID(), note: 'Hi' }),
			() => replies.update(db(), other, mine.value.id, { note: 'Theirs' }),
			() => replies.remove(db(), other, mine.value.id)
		]) {
			expect((await failure(attempt())).status).toBe(404);
		}
		await annotations.remove(db(), actor, annotation.id);
		expect((await failure(replies.update(db(), actor, mine.value.id, { note: 'x' }))).status).toBe(
			404
		);
		expect(
			(await failure(replies.create(db(), actor, annotation.id, { id: randomUUID(), note: 'x' })))
				.status
		).toBe(404);
	});
});

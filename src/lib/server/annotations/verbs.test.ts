import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { LiveEvent } from '../../live/events';
import type { Actor } from './actor';
import { createActor, createComparison, targetOf } from '../test-support/annotation-fixtures';
import * as annotations from './verbs';
import { describeEachDatabase } from '../test-support/databases';
import { failure } from '../test-support/failure';

describeEachDatabase('annotations', (current) => {
	const db = () => current().database.db;
	const setup = async (tag: string) => {
		const comparison = await createComparison(db(), tag);
		const actor = await createActor(db(), comparison.id);
		return { comparison, actor };
	};
	type Setup = Awaited<ReturnType<typeof setup>>;
	const fact = (c: Setup['comparison'], id = randomUUID()) => ({
		id,
		kind: 'shared-fact',
		relation: 'same',
		targets: [targetOf(c, 'a', 'Mayor Ellen Park said'), targetOf(c, 'b', 'Mayor Ellen Park said')],
		note: 'Both quote the mayor.'
	});
	const note = (c: Setup['comparison'], id = randomUUID(), text = 'Why close it?') => ({
		id,
		kind: 'note',
		targets: [targetOf(c, 'a', 'close the Main Street library')],
		note: text
	});

	it('creates, lists, updates and deletes annotations of every kind', async () => {
		const { comparison, actor } = await setup('crud');
		const f = await annotations.create(db(), actor, comparison.id, fact(comparison));
		expect(f.created).toBe(true);
		expect(f.value).toMatchObject({
			kind: 'shared-fact',
			relation: 'same',
			author: actor.author,
			scope: actor.scope,
			replies: []
		});
		expect(f.value.targets.map((t) => t.side)).toEqual(['a', 'b']);
		const framing = await annotations.create(db(), actor, comparison.id, {
			id: randomUUID(),
			kind: 'framing',
			targets: [targetOf(comparison, 'b', 'frees money for road safety')],
			frame: 'economic',
			entman: 'remedy',
			attachedTo: f.value.id,
			note: ''
		});
		const n = await annotations.create(db(), actor, comparison.id, note(comparison));
		const listed = await annotations.list(db(), actor, comparison.id);
		expect(listed.orphans).toEqual([]);
		expect(listed.annotations.map((a) => a.id)).toEqual([f.value.id, framing.value.id, n.value.id]);
		expect(listed.annotations[0]).toEqual(f.value);

		const updated = await annotations.update(db(), actor, n.value.id, { note: 'Who decided?' });
		expect(updated.note).toBe('Who decided?');
		expect(updated.targets).toEqual(n.value.targets);
		expect(Date.parse(updated.updatedAt)).toBeGreaterThanOrEqual(Date.parse(n.value.updatedAt));
		const cleared = await annotations.update(db(), actor, f.value.id, {
			evidence: 'verified',
			evidenceUrl: 'https://example.org/minutes'
		});
		expect(cleared).toMatchObject({
			evidence: 'verified',
			evidenceUrl: 'https://example.org/minutes'
		});
		const again = await annotations.update(db(), actor, f.value.id, {
			evidence: null,
			evidenceUrl: null
		});
		expect(again.evidence).toBeUndefined();
		expect(again.evidenceUrl).toBeUndefined();

		await annotations.remove(db(), actor, f.value.id);
		await annotations.remove(db(), actor, f.value.id); // deleting twice is fine
		const after = await annotations.list(db(), actor, comparison.id);
		expect(after.annotations.map((a) => a.id)).toEqual([framing.value.id, n.value.id]);
		// the framing hung on the deleted fact: it stays, detached
		expect(after.annotations[0].attachedTo).toBeUndefined();
	});

	it('is idempotent by client id and refuses the same id with other content', async () => {
		const { comparison, actor } = await setup('idempotent');
		const body = note(comparison);
		const first = await annotations.create(db(), actor, comparison.id, body);
		const second = await annotations.create(db(), actor, comparison.id, structuredClone(body));
		expect(second).toEqual({ created: false, value: first.value });
		// the id in upper case is the same id
		const upper = await annotations.create(db(), actor, comparison.id, {
			...body,
			id: body.id.toUpperCase()
		});
		expect(upper.created).toBe(false);
		expect((await annotations.list(db(), actor, comparison.id)).annotations).toHaveLength(1);
		const changed = await failure(
			annotations.create(db(), actor, comparison.id, { ...body, note: 'Something else' })
		);
		expect([changed.status, changed.code]).toEqual([409, 'conflict']);
		const other = await createActor(db(), comparison.id);
		const stolen = await failure(annotations.create(db(), other, comparison.id, body));
		expect([stolen.status, stolen.code]).toEqual([409, 'conflict']);
		await annotations.remove(db(), actor, body.id);
		const late = await failure(annotations.create(db(), actor, comparison.id, body));
		expect([late.status, late.code]).toEqual([409, 'deleted']);
	});

	it('keeps workspaces apart: another workspace sees nothing and gets 404s', async () => {
		const { comparison, actor } = await setup('apart');
		const mine = await annotations.create(db(), actor, comparison.id, note(comparison));
		const other = await createActor(db(), comparison.id);
		expect(await annotations.list(db(), other, comparison.id)).toEqual({
			annotations: [],
			orphans: []
		});
		expect(await annotations.get(db(), other, mine.value.id)).toBeUndefined();
		// one at a time: a rejection nobody awaits yet would be reported as unhandled
		for (const attempt of [
			() => annotations.update(db(), other, mine.value.id, { note: 'mine now' }),
			() => annotations.remove(db(), other, mine.value.id)
		]) {
			const e = await failure(attempt());
			expect([e.status, e.code]).toEqual([404, 'not_found']);
		}
		// a framing cannot hang on another workspace's shared fact
		const f = await annotations.create(db(), actor, comparison.id, fact(comparison));
		const e = await failure(
			annotations.create(db(), other, comparison.id, {
				id: randomUUID(),
				kind: 'framing',
				targets: [targetOf(comparison, 'a', 'angers residents')],
				frame: 'morality',
				attachedTo: f.value.id
			})
		);
		expect(e.fields?.map((x) => x.field)).toEqual(['attachedTo']);
		expect((await annotations.get(db(), actor, mine.value.id))?.note).toBe('Why close it?');
	});

	it.each<[string, (c: Setup['comparison']) => unknown, string[]]>([
		['an array', () => [], ['']],
		['no id', (c) => ({ ...note(c), id: 'not-a-uuid' }), ['id']],
		['a NUL in the note', (c) => note(c, randomUUID(), 'a\u0000b'), ['note']],
		['a lone surrogate', (c) => note(c, randomUUID(), 'bad \ud800'), ['note']],
		[
			'an infinite offset',
			(c) => ({ ...note(c), targets: [{ ...targetOf(c, 'a', 'Main'), end: Infinity }] }),
			['targets[0].end']
		],
		[
			'a changed quote',
			(c) => ({ ...note(c), targets: [{ ...targetOf(c, 'a', 'Main'), exact: 'Elm' }] }),
			['targets[0].exact']
		],
		[
			'10,000 targets',
			(c) => ({ ...note(c), targets: Array(10_000).fill(targetOf(c, 'a', 'Main')) }),
			['targets']
		],
		['a relation on a note', (c) => ({ ...note(c), relation: 'same' }), ['relation']],
		['an unknown field', (c) => ({ ...note(c), colour: 'red' }), ['colour']]
	])('refuses %s with field messages (422)', async (_, make, fields) => {
		const { comparison, actor } = await setup(`invalid-${fields.join()}-${Math.random()}`);
		const e = await failure(annotations.create(db(), actor, comparison.id, make(comparison)));
		expect([e.status, e.code]).toEqual([422, 'invalid']);
		expect(e.fields?.map((f) => f.field)).toEqual(fields);
		expect(e.fields?.every((f) => f.message.length > 0)).toBe(true);
	});

	it('refuses to change the kind or the id, and unknown comparisons are 404', async () => {
		const { comparison, actor } = await setup('immutable');
		const n = await annotations.create(db(), actor, comparison.id, note(comparison));
		const kind = await failure(annotations.update(db(), actor, n.value.id, { kind: 'framing' }));
		expect(kind.fields?.[0].field).toBe('kind');
		const id = await failure(annotations.update(db(), actor, n.value.id, { id: randomUUID() }));
		expect(id.fields?.[0].field).toBe('id');
		const missing = await failure(annotations.create(db(), actor, randomUUID(), note(comparison)));
		expect(missing.status).toBe(404);
		const malformed = await failure(annotations.list(db(), actor, 'nope'));
		expect(malformed.status).toBe(404);
	});

	it('publishes events only after a commit', async () => {
		const { comparison, actor } = await setup('publish');
		const events: LiveEvent[] = [];
		const live: Actor = { ...actor, publish: (e) => void events.push(e) };
		const body = note(comparison);
		await annotations.create(db(), live, comparison.id, body);
		await annotations.create(db(), live, comparison.id, body); // a retry publishes nothing
		await failure(annotations.create(db(), live, comparison.id, { ...body, note: '' }));
		await annotations.update(db(), live, body.id, { note: 'Edited' });
		await annotations.remove(db(), live, body.id);
		expect(events.map((e) => e.type)).toEqual([
			'annotation.created',
			'annotation.updated',
			'annotation.deleted'
		]);
		expect(
			events.every((e) => e.comparisonId === comparison.id && e.scope.id === actor.scope.id)
		).toBe(true);
	});
});

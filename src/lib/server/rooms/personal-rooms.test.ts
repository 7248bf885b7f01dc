import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { createComparison, createReader, targetOf } from '../test-support/annotation-fixtures';
import { describeEachDatabase } from '../test-support/databases';
import { createBus } from '../live';
import type { BusMessage } from '../live/bus';
import * as personal from './personal-rooms';
import * as roomAnnotations from './annotation-verbs';
import * as roomSuggestions from './suggestion-verbs';
import * as teacher from './teacher-verbs';
import * as rooms from './rooms';
import { failure } from '../test-support/failure';
import { getSecret } from './workspaces';

describeEachDatabase('personal rooms', (current) => {
	const db = () => current().database.db;
	const deps = () => ({ db: db(), bus: createBus(current().database) });
	const note = (comparison: Awaited<ReturnType<typeof createComparison>>, text = 'Why?') => ({
		id: randomUUID(),
		kind: 'note',
		targets: [targetOf(comparison, 'a', 'Mayor Ellen Park')],
		note: text
	});

	it('makes one room of one per reader and comparison, even when two first writes race', async () => {
		const comparison = await createComparison(db(), 'ensure');
		const reader = await createReader(db());
		expect(await personal.find(db(), reader, comparison.id)).toBeUndefined();
		const [x, y] = await Promise.all([
			personal.ensure(db(), reader, comparison.id),
			personal.ensure(db(), reader, comparison.id)
		]);
		expect(x.room.id).toBe(y.room.id);
		expect(x.member.id).toBe(y.member.id);
		expect(x.room).toMatchObject({ kind: 'personal', comparisonId: comparison.id });
		expect(x.member).toMatchObject({ role: 'teacher', displayName: reader.displayName });
		expect(await rooms.listMembers(db(), x.room.id)).toHaveLength(1);
		// nobody can join it: there is no join code to show or type
		expect((await failure(rooms.joinCodeOf(db(), await getSecret(db()), x.room.id))).status).toBe(
			404
		);
		const other = await createComparison(db(), 'ensure-other');
		const there = await personal.ensure(db(), reader, other.id);
		expect(there.room.id).not.toBe(x.room.id);
	});

	it('opens only for its owner’s workspace, never by a class’s rules', async () => {
		const comparison = await createComparison(db(), 'owner');
		const secret = await getSecret(db());
		const reader = await createReader(db());
		const stranger = await createReader(db());
		const mine = await personal.ensure(db(), reader, comparison.id);
		const open = (workspaceId: string) =>
			rooms.membershipOf(db(), secret, mine.room.id, undefined, workspaceId);
		expect((await open(reader.id))?.member.id).toBe(mine.member.id);
		expect(await open(stranger.id)).toBeUndefined();
		expect(await rooms.membershipOf(db(), secret, mine.room.id, undefined, null)).toBeUndefined();
		// a class's teacher is known by the room cookie only, never by a workspace
		const made = await rooms.create(db(), secret, comparison.id, 'Class');
		expect(await rooms.membershipOf(db(), secret, made.room.id, undefined, reader.id)).toBe(
			undefined
		);
		// a class has phases, lock and members; a room of one refuses them (409)
		// one at a time: a rejection nobody awaits yet would be reported as unhandled
		for (const attempt of [
			() => teacher.change(deps(), mine, { phase: 'individual' }),
			() => teacher.change(deps(), mine, { locked: true }),
			() => teacher.follow(deps(), mine, 'a', 1),
			() => teacher.removeStudent(deps(), mine, randomUUID()),
			() => teacher.rotate(deps(), secret, mine, 'join-code')
		])
			expect((await failure(attempt())).status).toBe(409);
	});

	it('serves the room verbs: annotations, replies, decisions and live events to other tabs', async () => {
		const comparison = await createComparison(db(), 'verbs');
		const reader = await createReader(db());
		const stranger = await createReader(db());
		const mine = await personal.ensure(db(), reader, comparison.id);
		const bus = createBus(current().database);
		const heard: BusMessage[] = [];
		const stop = await bus.subscribe(mine.room.id, (m) => heard.push(m));
		try {
			const made = await roomAnnotations.create({ db: db(), bus }, mine, note(comparison));
			expect(made.created).toBe(true);
			const reply = await roomAnnotations.reply({ db: db(), bus }, mine, made.value.id, {
				id: randomUUID(),
				note: 'Later.'
			});
			expect((await personal.ofAnnotation(db(), reader, made.value.id))?.room.id).toBe(
				mine.room.id
			);
			expect((await personal.ofReply(db(), reader, reply.value.id))?.room.id).toBe(mine.room.id);
			expect(await personal.ofAnnotation(db(), stranger, made.value.id)).toBeUndefined();
			expect(await personal.ofReply(db(), stranger, reply.value.id)).toBeUndefined();
			expect(await personal.ofAnnotation(db(), reader, 'not-a-uuid')).toBeUndefined();
			const listed = await roomAnnotations.list(db(), mine);
			expect(listed.annotations.map((a) => a.id)).toEqual([made.value.id]);
			expect(listed.annotations[0].author).toEqual({
				id: mine.member.id,
				name: reader.displayName
			});
			await roomAnnotations.remove({ db: db(), bus }, mine, made.value.id);
			// a retried delete is fine
			await roomAnnotations.remove({ db: db(), bus }, mine, made.value.id);
			expect(await roomSuggestions.listDecisions(db(), mine)).toEqual([]);
			await expect
				.poll(() => heard.map((m) => m.event.type))
				.toEqual(['annotation.created', 'reply.created', 'annotation.deleted']);
		} finally {
			stop();
			await bus.close();
		}
	});
});

import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { createComparison, targetOf } from '../test-support/annotation-fixtures';
import type { LiveEvent } from '../../live/events';
import { connect } from '../db/connect';
import { describeEachDatabase, MIGRATIONS_FOLDER } from '../test-support/databases';
import { createBus } from '../live';
import type { BusMessage } from '../live/bus';
import * as roomAnnotations from './annotation-verbs';
import * as events from './events';
import * as teacher from './teacher-verbs';
import { normalizeJoinCode } from './tokens';
import * as rooms from './rooms';
import { getSecret } from './workspaces';
import { failure } from '../test-support/failure';

describeEachDatabase('rooms', (current) => {
	const db = () => current().database.db;
	const deps = () => ({ db: db(), bus: createBus(current().database) });

	/** A room with a teacher and two students, and a note factory. */
	const setup = async (tag: string) => {
		const secret = await getSecret(db());
		const comparison = await createComparison(db(), tag);
		const made = await rooms.create(db(), secret, comparison.id, `Room ${tag}`);
		const join = async (name: string) => {
			const found = await rooms.findByJoinCode(db(), made.joinCode.toLowerCase());
			const { cookie } = await rooms.addMember(db(), secret, found!.id, 'student', name);
			return (await rooms.membershipOf(db(), secret, made.room.id, cookie))!;
		};
		const teach = async () => (await rooms.membershipOf(db(), secret, made.room.id, made.cookie))!;
		const note = (text = 'Why close it?') => ({
			id: randomUUID(),
			kind: 'note',
			targets: [targetOf(comparison, 'a', 'close the Main Street library')],
			note: text
		});
		return {
			secret,
			comparison,
			made,
			join,
			teach,
			note,
			ana: await join('Ana'),
			ben: await join('Ben')
		};
	};

	it('makes a room with a hashed teacher link and a join code that survives typos of O/I/L', async () => {
		const { made, secret } = await setup('make');
		expect(made.joinCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
		expect(await rooms.joinCodeOf(db(), secret, made.room.id)).toBe(
			`${made.joinCode.slice(0, 5)}-${made.joinCode.slice(5)}`
		);
		const typed = made.joinCode.replace(/0/g, 'o').replace(/1/g, 'l');
		expect(normalizeJoinCode(typed)).toBe(made.joinCode);
		expect((await rooms.findByTeacherToken(db(), made.teacherToken))?.id).toBe(made.room.id);
		expect(await rooms.findByTeacherToken(db(), made.teacherToken + 'x')).toBeUndefined();
		expect(await rooms.findByJoinCode(db(), 'ZZZZZ-ZZZZZ')).toBeUndefined();
		expect(made.teacher.role).toBe('teacher');
	});

	it('knows members only by a valid, unremoved cookie of that very room', async () => {
		const { made, secret, ana } = await setup('members');
		const other = await rooms.create(db(), secret, made.room.comparisonId, 'Other');
		expect(await rooms.membershipOf(db(), secret, other.room.id, made.cookie)).toBeUndefined();
		expect(await rooms.membershipOf(db(), secret, made.room.id, undefined)).toBeUndefined();
		expect(await rooms.membershipOf(db(), secret, made.room.id, 'forged.value')).toBeUndefined();
		expect(await rooms.membershipOf(db(), secret, 'not-a-uuid', made.cookie)).toBeUndefined();
		const t = (await rooms.membershipOf(db(), secret, made.room.id, made.cookie))!;
		await teacher.removeStudent(deps(), t, ana.member.id);
		expect((await rooms.listMembers(db(), made.room.id)).map((m) => m.displayName)).toEqual([
			'Teacher',
			'Ben'
		]);
		await expect(teacher.removeStudent(deps(), t, t.member.id)).rejects.toMatchObject({
			status: 404
		});
	});

	it('shows students only their own work in the individual phase, everyone’s after the reveal', async () => {
		const { ana, ben, teach, note } = await setup('phases');
		const a = await roomAnnotations.create(deps(), ana, note('Ana’s note'));
		const b = await roomAnnotations.create(deps(), ben, note('Ben’s note'));
		const ids = async (m: rooms.Membership) =>
			(await roomAnnotations.list(db(), m)).annotations.map((x) => x.id).sort();
		expect(await ids(ana)).toEqual([a.value.id]);
		expect(await ids(ben)).toEqual([b.value.id]);
		const t = await teach();
		expect(await ids(t)).toEqual([a.value.id, b.value.id].sort());
		await expect(
			roomAnnotations.update(deps(), ana, b.value.id, { note: 'x' })
		).rejects.toMatchObject({
			status: 404
		});
		await expect(teacher.change(deps(), ana, { phase: 'reveal' })).rejects.toMatchObject({
			status: 403
		});
		const revealed = await teacher.change(deps(), t, { phase: 'reveal' });
		expect(revealed.phase).toBe('reveal');
		const anaNow = { ...ana, room: revealed };
		expect(await ids(anaNow)).toEqual([a.value.id, b.value.id].sort());
		await expect(
			roomAnnotations.update(deps(), anaNow, b.value.id, { note: 'x' })
		).rejects.toMatchObject({
			status: 403
		});
	});

	it('lets the teacher hide and delete any annotation and lock the room', async () => {
		const { ana, ben, teach, note } = await setup('moderation');
		const t0 = await teach();
		const revealed = await teacher.change(deps(), t0, { phase: 'reveal' });
		const [anaR, benR, t] = [ana, ben, t0].map((m) => ({ ...m, room: revealed }));
		const a = await roomAnnotations.create(deps(), anaR, note('rude'));
		const b = await roomAnnotations.create(deps(), benR, note('fine'));
		await expect(roomAnnotations.setHidden(deps(), anaR, b.value.id, true)).rejects.toMatchObject({
			status: 403
		});
		await roomAnnotations.setHidden(deps(), t, a.value.id, true);
		for (const m of [anaR, benR])
			expect((await roomAnnotations.list(db(), m)).annotations.map((x) => x.id)).toEqual([
				b.value.id
			]);
		const teacherView = await roomAnnotations.list(db(), t);
		expect(teacherView.hiddenIds).toEqual([a.value.id]);
		await expect(
			roomAnnotations.update(deps(), anaR, a.value.id, { note: 'edit' })
		).rejects.toMatchObject({
			status: 404
		});
		await roomAnnotations.remove(deps(), t, a.value.id);
		await roomAnnotations.remove(deps(), t, b.value.id);
		expect((await roomAnnotations.list(db(), t)).annotations).toEqual([]);
		const locked = await teacher.change(deps(), t, { locked: true });
		const failed = await failure(roomAnnotations.create(deps(), { ...anaR, room: locked }, note()));
		expect(failed).toMatchObject({ status: 403 });
		await roomAnnotations.create(deps(), { ...t, room: locked }, note('teacher may'));
	});

	it('says in the delete event when the teacher deleted a student’s annotation', async () => {
		const { ana, teach, note } = await setup('deleted-by');
		const t = await teach();
		const start = await events.lastId(db(), t.room.id);
		const moderated = await roomAnnotations.create(deps(), ana, note('rude'));
		const own = await roomAnnotations.create(deps(), ana, note('mine to delete'));
		const teachers = await roomAnnotations.create(deps(), t, note('the teacher’s own'));
		await roomAnnotations.remove(deps(), t, moderated.value.id);
		await roomAnnotations.remove(deps(), ana, own.value.id);
		await roomAnnotations.remove(deps(), t, teachers.value.id);
		const { messages } = await events.since(
			db(),
			t.room.id,
			start,
			{ memberId: t.member.id, role: 'teacher' },
			t.room.phase
		);
		const deletes = messages
			.map((x) => x.event)
			.filter((e) => e.type === 'annotation.deleted')
			.map((e) => e.data);
		expect(deletes).toEqual([
			{ id: moderated.value.id, byTeacher: true },
			{ id: own.value.id },
			{ id: teachers.value.id }
		]);
	});

	it('refuses room titles with NUL, line breaks or a lone surrogate (422, nothing stored)', async () => {
		const secret = await getSecret(db());
		const comparison = await createComparison(db(), 'titles');
		for (const title of [
			'a\u0000b',
			'Period 3\r\nMedia',
			'a\tb',
			'broken \ud800',
			'x'.repeat(121),
			42
		])
			expect(await failure(rooms.create(db(), secret, comparison.id, title))).toMatchObject({
				status: 422,
				fields: [{ field: 'title' }]
			});
		const made = await rooms.create(db(), secret, comparison.id, '  Debate 🗳️ ');
		expect(made.room.title).toBe('Debate 🗳️');
		expect((await rooms.create(db(), secret, comparison.id, undefined)).room.title).toBe(
			'Classroom'
		);
	});

	it('answers an empty PATCH with the room unchanged, and names fields it cannot change', async () => {
		const { teach } = await setup('patch');
		const t = await teach();
		const same = await teacher.change(deps(), t, {});
		expect(same).toEqual(t.room);
		for (const body of [{ title: 'New name' }, { phase: 'reveal', __proto__x: 1 }])
			expect(await failure(teacher.change(deps(), t, body))).toMatchObject({
				status: 422,
				fields: [{ field: Object.keys(body).at(-1) }]
			});
		expect((await teach()).room.phase).toBe('individual');
	});

	it('records events in order and replays to each viewer only what they may see', async () => {
		const { ana, ben, teach, note } = await setup('events');
		const t = await teach();
		const start = await events.lastId(db(), t.room.id);
		const a = await roomAnnotations.create(deps(), ana, note('\r\n\r\ndata: {"forged":1}'));
		await roomAnnotations.create(deps(), ben, note('Ben'));
		const types = async (m: rooms.Membership, phase = m.room.phase) =>
			(
				await events.since(
					db(),
					t.room.id,
					start,
					{ memberId: m.member.id, role: m.member.role },
					phase
				)
			).messages.map((x) => `${x.event.type}:${x.ownerId === ana.member.id ? 'ana' : 'ben'}`);
		expect(await types(ana)).toEqual(['annotation.created:ana']);
		expect(await types(t)).toEqual(['annotation.created:ana', 'annotation.created:ben']);
		await roomAnnotations.setHidden(deps(), t, a.value.id, true);
		const { messages } = await events.since(
			db(),
			t.room.id,
			start,
			{ memberId: ben.member.id, role: 'student' },
			'reveal'
		);
		expect(messages.map((x) => x.event.type)).toEqual([
			'annotation.created',
			'annotation.moderated'
		]);
		expect(JSON.stringify(messages)).not.toContain('forged');
		const ids = messages.map((x) => x.event.id);
		expect([...ids].sort((x, y) => x - y)).toEqual(ids);
	});

	it('delivers published events to subscribers of the room only, in order', async () => {
		const { ana, ben, note } = await setup('bus');
		// a tiny inline limit, so the second event travels by id on PostgreSQL
		const bus = createBus(current().database, { maxInlineBytes: 1500 });
		const got: BusMessage[] = [];
		const stop = await bus.subscribe(ana.room.id, (m) => got.push(m));
		const quiet: BusMessage[] = [];
		const stopOther = await bus.subscribe(randomUUID(), (m) => quiet.push(m));
		const d = { db: db(), bus };
		const big = 'x'.repeat(1500);
		await roomAnnotations.create(d, ana, note('one'));
		await roomAnnotations.create(d, ben, note(big));
		await expect.poll(() => got.length, { timeout: 3000 }).toBe(2);
		expect(got.map((m) => m.event.type)).toEqual(['annotation.created', 'annotation.created']);
		expect(got[0].event.id).toBeLessThan(got[1].event.id);
		expect(got[1].event.type === 'annotation.created' && got[1].event.data.annotation.note).toBe(
			big
		);
		expect(quiet).toEqual([]);
		stop();
		stopOther();
		await bus.close();
	});

	it('sends a staged event on commit: an instance killed before its send still reaches the others', async (context) => {
		if (!current().url) return context.skip(); // one process: PGlite has no other instance
		const { ana, note, comparison } = await setup('crash-after-commit');
		// another instance on the same PostgreSQL, with a stream of the room open
		const other = await connect({ url: current().url, migrationsFolder: MIGRATIONS_FOLDER });
		const otherBus = createBus(other);
		const got: BusMessage[] = [];
		const stop = await otherBus.subscribe(ana.room.id, (m) => got.push(m));
		try {
			// this instance commits a write and its event, then dies before it calls the send
			const log = events.createRoomLog(createBus(current().database), ana.room.id);
			const annotation = { ...note('sent on commit'), author: { id: ana.member.id } };
			const event = {
				type: 'annotation.created',
				scope: { kind: 'room', id: ana.room.id },
				comparisonId: comparison.id,
				data: { annotation }
			} as LiveEvent;
			await db().transaction(async (tx) => {
				const message = await events.recordIn(tx, ana.room.id, event);
				await log.stored(tx, log.row(event, {}), message.event.id);
			});
			await expect.poll(() => got.length, { timeout: 3000 }).toBe(1);
			expect(got[0].event.id).toBe(await events.lastId(db(), ana.room.id));
		} finally {
			stop();
			await otherBus.close();
			await other.close();
		}
	});

	it('deletes a room with all its data', async () => {
		const { ana, teach, note, made, secret } = await setup('delete');
		await roomAnnotations.create(deps(), ana, note());
		await teacher.removeRoom(deps(), await teach());
		expect(await rooms.membershipOf(db(), secret, made.room.id, made.cookie)).toBeUndefined();
		expect(await events.lastId(db(), made.room.id)).toBe(0);
	});

	it('replaces the join code and the teacher link: the old ones stop working, members stay', async () => {
		const { made, secret, teach, ana } = await setup('rotate');
		const teacherNow = await teach();
		const cy = await rooms.addMember(db(), secret, made.room.id, 'student', 'Cy');
		const fresh = await teacher.rotate(deps(), secret, teacherNow, 'join-code');
		if (!('joinCode' in fresh)) throw new Error('no join code');
		expect(fresh.joinCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
		expect(await rooms.findByJoinCode(db(), made.joinCode)).toBeUndefined();
		expect((await rooms.findByJoinCode(db(), fresh.joinCode))?.id).toBe(made.room.id);
		expect(await rooms.joinCodeOf(db(), secret, made.room.id)).toBe(fresh.joinCode);
		const link = await teacher.rotate(deps(), secret, teacherNow, 'teacher-link');
		if (!('teacherPath' in link)) throw new Error('no teacher link');
		const token = link.teacherPath.split('/').pop()!;
		expect(await rooms.findByTeacherToken(db(), made.teacherToken)).toBeUndefined();
		expect((await rooms.findByTeacherToken(db(), token))?.id).toBe(made.room.id);
		// whoever is in stays in: the teacher's and the students' cookies still work
		expect(await teach()).toBeDefined();
		expect(await rooms.membershipOf(db(), secret, made.room.id, cy.cookie)).toMatchObject({
			member: { displayName: 'Cy' }
		});
		for (const [who, what, status] of [
			[ana, 'join-code', 403],
			[teacherNow, 'everything', 422]
		] as const)
			expect((await failure(teacher.rotate(deps(), secret, who, what))).status).toBe(status);
	});
});

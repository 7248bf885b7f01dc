import type { Cookies } from '@sveltejs/kit';
import { expect, it } from 'vitest';
import { createComparison } from '../test-support/annotation-fixtures';
import { describeEachDatabase } from '../test-support/databases';
import { RequestError } from '../http';
import {
	MAX_TEACHER_LINKS,
	TEACHER_LINKS_COOKIE,
	listMyRooms,
	readTeacherLinks,
	rememberTeacherLink
} from './teacher-links';
import * as rooms from './rooms';
import { getSecret } from './workspaces';

/** A cookie jar with SvelteKit's get/set/delete, to read what the routes would send. */
function createJar(): Cookies & { values: Map<string, string> } {
	const values = new Map<string, string>();
	return {
		values,
		get: (name: string) => values.get(name),
		getAll: () => [...values].map(([name, value]) => ({ name, value })),
		set: (name: string, value: string) => void values.set(name, value),
		delete: (name: string) => void values.delete(name),
		serialize: () => ''
	} as unknown as Cookies & { values: Map<string, string> };
}

const URL_ = new URL('http://127.0.0.1/rooms');

it.each([
	['Ana', new Set<string>(), 'Ana 2'],
	['Ana', new Set(['ana 2']), 'Ana 3'],
	['x'.repeat(60), new Set<string>(), `${'x'.repeat(58)} 2`]
])('suggestName(%j) → %j', (name, taken, expected) => {
	expect(rooms.suggestName(name, taken)).toBe(expected);
});

describeEachDatabase('unique names in a room and "My rooms"', (current) => {
	const db = () => current().database.db;

	it('refuses a second "Ana" (any case) with a free name to offer, and frees a removed one’s name', async () => {
		const secret = await getSecret(db());
		const comparison = await createComparison(db(), 'names');
		const made = await rooms.create(db(), secret, comparison.id, 'Names');
		const ana = await rooms.addMember(db(), secret, made.room.id, 'student', 'Ana');
		for (const [name, suggestion] of [
			['Ana', 'Ana 2'],
			[' ana ', 'ana 2'],
			['ANA', 'ANA 2']
		]) {
			const refused = await rooms
				.addMember(db(), secret, made.room.id, 'student', name)
				.catch((e: unknown) => e);
			expect(refused).toBeInstanceOf(rooms.NameTaken);
			expect(refused).toMatchObject({ status: 409, code: 'conflict', suggestion });
			expect((refused as RequestError).message).toContain(`“${suggestion}”`);
		}
		await rooms.addMember(db(), secret, made.room.id, 'student', 'Ana 2');
		const third = await rooms
			.addMember(db(), secret, made.room.id, 'student', 'Ana')
			.catch((e: unknown) => e);
		expect(third).toMatchObject({ suggestion: 'Ana 3' });
		// nor by an invisible character or a letter of another script that prints the same
		for (const lookalike of ['Ana\u200b', '\u200bAna', 'A\u2060na', '\u0410na', 'ANA\u200d']) {
			const refused = await rooms
				.addMember(db(), secret, made.room.id, 'student', lookalike)
				.catch((e: unknown) => e);
			expect(refused, JSON.stringify(lookalike)).toBeInstanceOf(rooms.NameTaken);
		}
		// a student cannot pass for the teacher either (no "Teacher 2" offered); several teacher
		// devices all are "Teacher"
		for (const teacherLike of ['teacher', 'Teacher 2', 'Teacher\u200b', 'T\u0435acher']) {
			const refused = await rooms
				.addMember(db(), secret, made.room.id, 'student', teacherLike)
				.catch((e: unknown) => e);
			expect(refused, JSON.stringify(teacherLike)).toMatchObject({ status: 422 });
			expect((refused as RequestError).message).not.toContain('Teacher 2');
		}
		await rooms.addMember(db(), secret, made.room.id, 'teacher', 'Teacher');
		// another room has its own names
		const other = await rooms.create(db(), secret, comparison.id, 'Other');
		await rooms.addMember(db(), secret, other.room.id, 'student', 'Ana');
		// a removed student's name is free again
		await rooms.removeMember(db(), made.room.id, ana.member.id);
		await rooms.addMember(db(), secret, made.room.id, 'student', 'Ana');
		const names = (await rooms.listMembers(db(), made.room.id)).map((m) => m.displayName);
		expect(names.filter((n) => n.toLowerCase() === 'ana')).toHaveLength(1);
	});

	it('lets only one of two simultaneous joins take a name', async () => {
		const secret = await getSecret(db());
		const comparison = await createComparison(db(), 'race');
		const made = await rooms.create(db(), secret, comparison.id, 'Race');
		const tries = await Promise.allSettled(
			Array.from({ length: 6 }, () => rooms.addMember(db(), secret, made.room.id, 'student', 'Ben'))
		);
		expect(tries.filter((t) => t.status === 'fulfilled')).toHaveLength(1);
		for (const t of tries.filter((t) => t.status === 'rejected'))
			expect((t as PromiseRejectedResult).reason).toBeInstanceOf(rooms.NameTaken);
		const members = await rooms.listMembers(db(), made.room.id);
		expect(members.filter((m) => m.displayName === 'Ben')).toHaveLength(1);
	});

	it('lists the rooms whose teacher links this browser keeps, dropping replaced and deleted ones', async () => {
		const secret = await getSecret(db());
		const comparison = await createComparison(db(), 'mine');
		const jar = createJar();
		const made = [];
		for (const title of ['First', 'Second', 'Third']) {
			const room = await rooms.create(db(), secret, comparison.id, title);
			rememberTeacherLink(jar, URL_, room.room.id, room.teacherToken);
			made.push(room);
		}
		await rooms.addMember(db(), secret, made[0].room.id, 'student', 'Ana');
		let mine = await listMyRooms(db(), jar, URL_);
		expect(mine.map((r) => r.title)).toEqual(['Third', 'Second', 'First']);
		expect(mine[2]).toMatchObject({
			token: made[0].teacherToken,
			students: 1,
			comparisonTitle: comparison.title
		});
		// a forged entry (a real room, a wrong token) lists nothing
		const stranger = await rooms.create(db(), secret, comparison.id, 'Not mine');
		rememberTeacherLink(jar, URL_, stranger.room.id, 'x'.repeat(43));
		// replaced elsewhere, deleted: dropped from the list and from the cookie
		await rooms.rotateTeacherToken(db(), made[1].room.id);
		await rooms.remove(db(), made[2].room.id);
		mine = await listMyRooms(db(), jar, URL_);
		expect(mine.map((r) => r.title)).toEqual(['First']);
		expect(readTeacherLinks(jar).map((l) => l.roomId)).toEqual([made[0].room.id]);
		// opening the room again moves it first without duplicating it
		rememberTeacherLink(jar, URL_, made[0].room.id.toUpperCase(), made[0].teacherToken);
		expect(readTeacherLinks(jar)).toHaveLength(1);
	});

	it('keeps at most MAX_TEACHER_LINKS rooms and ignores malformed cookie entries', () => {
		const jar = createJar();
		jar.values.set(TEACHER_LINKS_COOKIE, 'garbage,,x.y,00000000-0000-4000-8000-000000000000.short');
		expect(readTeacherLinks(jar)).toEqual([]);
		for (let i = 0; i < MAX_TEACHER_LINKS + 5; i++)
			rememberTeacherLink(
				jar,
				URL_,
				`00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
				't'.repeat(43)
			);
		const links = readTeacherLinks(jar);
		expect(links).toHaveLength(MAX_TEACHER_LINKS);
		expect(links[0].roomId).toBe(
			`00000000-0000-4000-8000-${String(MAX_TEACHER_LINKS + 4).padStart(12, '0')}`
		);
		expect(jar.values.get(TEACHER_LINKS_COOKIE)!.length).toBeLessThan(4096);
	});
});

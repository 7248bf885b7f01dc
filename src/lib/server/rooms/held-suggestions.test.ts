import { expect, it } from 'vitest';
import { comparisons } from '../articles';
import { createComparison, TEXT_A, TEXT_B } from '../test-support/annotation-fixtures';
import { describeEachDatabase } from '../test-support/databases';
import { articles } from '../articles';
import { heldReason, holdingOn, listHoldingClasses, roomTokenHashes } from './held-suggestions';
import * as rooms from './rooms';
import { roomCookieName } from './tokens';
import { getSecret } from './workspaces';

describeEachDatabase('suggestions held back by a class, across the browser', (current) => {
	const db = () => current().database.db;

	/** A class on a fresh comparison (suggestions after the reveal) and a student's room cookie. */
	const lesson = async (tag: string) => {
		const secret = await getSecret(db());
		const comparison = await createComparison(db(), tag);
		const made = await rooms.create(db(), secret, comparison.id, `Class ${tag}`);
		const ana = await rooms.addMember(db(), secret, made.room.id, 'student', 'Ana');
		const cookie = { name: roomCookieName(made.room.id), value: ana.cookie };
		const teacherCookie = { name: roomCookieName(made.room.id), value: made.cookie };
		const held = (cookies = [cookie]) => listHoldingClasses(db(), secret, cookies);
		return { secret, comparison, room: made.room, ana, cookie, teacherCookie, held };
	};

	it('holds a student’s browser back as the teacher chose, phase by phase', async () => {
		const { comparison, room, held } = await lesson('phases');
		const [during] = await held();
		expect(during).toEqual({
			roomId: room.id,
			title: 'Class phases',
			mode: 'after-reveal',
			versions: [comparison.a.version, comparison.b.version]
		});
		expect(holdingOn([during], comparison)).toBe(during);
		await rooms.update(db(), room.id, { phase: 'reveal' });
		expect(await held()).toEqual([]);
		await rooms.update(db(), room.id, { suggestions: 'off' });
		expect((await held()).map((c) => c.mode)).toEqual(['off']);
		await rooms.update(db(), room.id, { suggestions: 'on', phase: 'individual' });
		expect(await held()).toEqual([]);
	});

	it('never holds back the teacher, a removed student, a deleted room or a forged cookie', async () => {
		const { secret, room, ana, cookie, teacherCookie, held } = await lesson('who');
		expect(await held([teacherCookie])).toEqual([]);
		expect(await held([{ ...cookie, value: `${ana.cookie.split('.')[0]}.forged` }])).toEqual([]);
		// a workspace cookie or any other cookie is not a room's
		expect(roomTokenHashes(secret, [{ name: 'parallax_workspace', value: ana.cookie }])).toEqual(
			[]
		);
		await rooms.removeMember(db(), room.id, ana.member.id);
		expect(await held()).toEqual([]);
		const again = await lesson('deleted');
		expect(await again.held()).toHaveLength(1);
		await rooms.remove(db(), again.room.id);
		expect(await again.held()).toEqual([]);
	});

	it('matches any comparison of the same two texts, in either order, and no other', async () => {
		const { comparison, held } = await lesson('copies');
		const classes = await held();
		const copyA = await articles.create(db(), {
			raw: TEXT_A,
			meta: { title: 'Copy A', genre: 'report' }
		});
		const copyB = await articles.create(db(), {
			raw: TEXT_B,
			meta: { title: 'Copy B', genre: 'report' }
		});
		const swapped = await comparisons.create(db(), {
			title: 'The same texts, B first',
			articleAId: copyB.id,
			articleBId: copyA.id
		});
		expect(swapped.id).not.toBe(comparison.id);
		expect(holdingOn(classes, swapped)?.title).toBe('Class copies');
		const edited = await articles.create(db(), {
			raw: `${TEXT_A} The library opened in 1921.`,
			meta: { title: 'Edited A', genre: 'report' }
		});
		const other = await comparisons.create(db(), {
			title: 'Other texts',
			articleAId: edited.id,
			articleBId: copyB.id
		});
		expect(holdingOn(classes, other)).toBeUndefined();
	});

	it('reads every room cookie a browser carries and names the class that holds', async () => {
		const first = await lesson('two-a');
		const second = await lesson('two-b');
		await rooms.update(db(), second.room.id, { suggestions: 'off' });
		const both = await first.held([first.cookie, second.cookie]);
		expect(both.map((c) => c.title).sort()).toEqual(['Class two-a', 'Class two-b']);
		expect(heldReason(both.find((c) => c.mode === 'off')!)).toMatch(
			/“Class two-b” works without the machine’s suggestions/
		);
		expect(heldReason(both.find((c) => c.mode === 'after-reveal')!)).toMatch(
			/“Class two-a” is working alone/
		);
	});
});

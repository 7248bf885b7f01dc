import { describe, expect, it } from 'vitest';
import { Classroom, firstWords, listing, targetOn } from '$lib/test-support/api-setup';
import { BUILT, Browser } from '$lib/test-support/browser-transport';
import { drivers, requireBuildOnCi, useSeedServer } from '../test-support/built-seed-server';

// A caller's second create in a room is one statement from their remembered membership, which
// the statement checks itself. Against the real `node build`, on PGlite and (with
// TEST_DATABASE_URL) PostgreSQL: whatever changed since the first write (the room locked, the
// student removed), the answer is the one the first path gives, nothing is stored, and every
// stored create records exactly one event.

requireBuildOnCi();

/** The status and body of a create. */
async function create(browser: Browser, path: string, body: unknown) {
	const response = await browser.fetch(path, {
		method: 'POST',
		headers: { origin: browser.origin, 'content-type': 'application/json' },
		body: JSON.stringify(body)
	});
	return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe.skipIf(!BUILT).each(drivers)('a remembered create ($name)', ({ postgres }) => {
	const running = useSeedServer(postgres);

	const note = (text: string, id: string = crypto.randomUUID()) => ({
		id,
		kind: 'note',
		targets: [targetOn(running.seed.articles, 'a', firstWords(running.seed.articles.a))],
		note: text
	});

	it('is refused as the first path refuses it once the room is locked or the student removed', async () => {
		const room = await Classroom.open(running.server.origin, running.seed.comparisonId);
		await room.change({ phase: 'reveal' });
		const ana = await room.join('Ana');
		const path = `/api/rooms/${room.id}/annotations`;
		const before = await room.lastEventId();
		expect((await create(ana.browser, path, note('first'))).status).toBe(201);
		const second = await create(ana.browser, path, note('second'));
		expect(second.status).toBe(201);
		expect(second.body).toMatchObject({
			note: 'second',
			author: { id: ana.member.id, name: 'Ana' }
		});
		expect(await room.lastEventId()).toBeGreaterThanOrEqual(before + 2);

		// a retry of the same id answers with the stored annotation; other content is a conflict
		const retry = await create(ana.browser, path, note('second', second.body.id as string));
		expect(retry).toMatchObject({ status: 200, body: { id: second.body.id, note: 'second' } });
		const clash = await create(ana.browser, path, note('other', second.body.id as string));
		expect(clash.status).toBe(409);

		await room.change({ locked: true });
		const locked = await create(ana.browser, path, note('while locked'));
		expect(locked.status).toBe(403);
		expect(JSON.stringify(locked.body)).toContain('locked this room');
		// the teacher still writes in a locked room
		expect((await create(room.teacher.browser, path, note('teacher'))).status).toBe(201);
		await room.change({ locked: false });
		expect((await create(ana.browser, path, note('unlocked'))).status).toBe(201);

		await room.teacher.browser.send('DELETE', `/api/rooms/${room.id}/members/${ana.member.id}`);
		const removed = await create(ana.browser, path, note('after removal'));
		expect(removed.status).toBe(404);

		const notes = (await listing(room.teacher.browser, room.scope)).annotations.map((a) => a.note);
		expect(notes.sort()).toEqual(['first', 'second', 'teacher', 'unlocked']);
	}, 60_000);

	it('stores each create with exactly one event, for a class and a personal room', async () => {
		const room = await Classroom.open(running.server.origin, running.seed.comparisonId);
		const ben = await room.join('Ben');
		const before = await room.lastEventId();
		for (let i = 0; i < 3; i++)
			expect(
				(await create(ben.browser, `/api/rooms/${room.id}/annotations`, note(`n${i}`))).status
			).toBe(201);
		expect(await room.lastEventId()).toBe(before + 3);

		const reader = new Browser(running.server.origin);
		const personal = `/api/comparisons/seed/annotations`;
		for (let i = 0; i < 3; i++)
			expect((await create(reader, personal, note(`p${i}`))).status).toBe(201);
		const mine = await reader.send<{
			annotations: { note: string }[];
			stream: { lastEventId: number };
		}>('GET', personal);
		expect(mine.annotations.map((a) => a.note)).toEqual(['p0', 'p1', 'p2']);
		// another reader's remembered workspace never reaches this one's room
		const other = new Browser(running.server.origin);
		expect((await create(other, personal, note('other'))).status).toBe(201);
		expect((await create(other, personal, note('other 2'))).status).toBe(201);
		const again = await reader.send<{ annotations: { note: string }[] }>('GET', personal);
		expect(again.annotations.map((a) => a.note)).toEqual(['p0', 'p1', 'p2']);
	}, 60_000);
});

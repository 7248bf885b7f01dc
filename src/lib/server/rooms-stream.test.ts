import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { RoomStreamEvent } from '../live/events';
import { createComparison, targetOf } from './annotation-fixtures';
import { describeEachDatabase } from './db/test-databases';
import { createBus } from './live';
import * as roomAnnotations from './rooms-annotations';
import * as events from './rooms-events';
import { createRoomStream, formatEvent, resumeId } from './rooms-stream';
import * as teacher from './rooms-teacher';
import * as rooms from './rooms';
import { getSecret } from './workspaces';

/** Reads SSE frames off a stream as they arrive. */
function reader(stream: ReadableStream<Uint8Array>) {
	const frames: string[] = [];
	let ended = false;
	let text = '';
	const decoder = new TextDecoder();
	void (async () => {
		const r = stream.getReader();
		for (;;) {
			const { done, value } = await r.read();
			if (done) break;
			text += decoder.decode(value, { stream: true });
			const parts = text.split('\n\n');
			text = parts.pop() ?? '';
			frames.push(...parts);
		}
		ended = true;
	})();
	const events = () =>
		frames
			.filter((f) => f.includes('data: '))
			.map((f) => JSON.parse(f.slice(f.indexOf('data: ') + 6)) as RoomStreamEvent);
	return { frames, events, ended: () => ended };
}

it.each([
	['no header', {}, '', 0],
	['Last-Event-ID wins over ?after', { 'last-event-id': '12' }, '?after=3', 12],
	['?after on first connect', {}, '?after=7', 7],
	['garbage', { 'last-event-id': 'x' }, '', 0],
	['negative', {}, '?after=-4', 0]
])('resumeId: %s', (_name, headers, query, expected) => {
	expect(resumeId(new Headers(headers), new URL(`http://x/e${query}`))).toBe(expected);
});

it('keeps a note with CR LF and "data:" inside one SSE event', () => {
	const frame = formatEvent({
		id: 5,
		type: 'annotation.deleted',
		scope: { kind: 'room', id: 'r' },
		comparisonId: 'c',
		data: { id: 'x\r\n\r\ndata: {"forged":true}\n\n' }
	});
	expect(frame.split('\n\n')).toEqual([expect.stringMatching(/^id: 5\ndata: \{.*\}$/), '']);
	expect(frame.match(/\r|\n(?!\n|data)/g)).toEqual(['\n']);
});

describeEachDatabase('room stream', (current) => {
	const db = () => current().database.db;

	it('catches up after Last-Event-ID, then goes live, and ends when the student is removed', async () => {
		const secret = await getSecret(db());
		const bus = createBus(current().database);
		const deps = { db: db(), bus };
		const comparison = await createComparison(db(), 'stream');
		const made = await rooms.create(db(), secret, comparison.id, 'Stream');
		const t = (await rooms.membershipOf(db(), secret, made.room.id, made.cookie))!;
		const joined = await rooms.addMember(db(), secret, made.room.id, 'student', 'Ana');
		const ana = (await rooms.membershipOf(db(), secret, made.room.id, joined.cookie))!;
		const other = await rooms.addMember(db(), secret, made.room.id, 'student', 'Ben');
		const ben = (await rooms.membershipOf(db(), secret, made.room.id, other.cookie))!;
		const note = (text: string) => ({
			id: randomUUID(),
			kind: 'note',
			targets: [targetOf(comparison, 'a', 'close the Main Street library')],
			note: text
		});
		const first = await roomAnnotations.create(deps, ana, note('before the drop'));
		await roomAnnotations.create(deps, ben, note('Ben, individual'));
		// Ana reconnects having seen nothing: she gets her own note only (individual phase)
		const abort = new AbortController();
		const s = reader(createRoomStream(deps, ana, 0, abort.signal));
		await expect.poll(() => s.events().length, { timeout: 3000 }).toBe(1);
		expect(s.events()[0]).toMatchObject({
			type: 'annotation.created',
			data: { annotation: { id: first.value.id } }
		});
		expect(s.frames[0]).toBe('retry: 500');
		// live: the reveal, then Ben's next note reaches her
		await teacher.change(deps, t, { phase: 'reveal' });
		const later = await roomAnnotations.create(deps, ben, note('Ben, revealed'));
		await expect
			.poll(() => s.events().map((e) => e.type), { timeout: 3000 })
			.toEqual(['annotation.created', 'room.phase', 'annotation.created']);
		expect(s.events()[2]).toMatchObject({ data: { annotation: { id: later.value.id } } });
		const ids = s.events().map((e) => e.id);
		expect([...ids].sort((x, y) => x - y)).toEqual(ids);
		// hidden: students get the moderation event without content
		await roomAnnotations.setHidden(deps, t, later.value.id, true);
		await expect
			.poll(() => s.events().at(-1)?.type, { timeout: 3000 })
			.toBe('annotation.moderated');
		await teacher.removeStudent(deps, t, ana.member.id);
		await expect.poll(() => s.ended(), { timeout: 3000 }).toBe(true);
		expect(s.events().at(-1)).toMatchObject({
			type: 'member.removed',
			data: { id: ana.member.id }
		});
		abort.abort();
		await bus.close();
	});

	it('delivers live events that arrive out of id order (NOTIFYs of two instances)', async () => {
		const secret = await getSecret(db());
		const bus = createBus(current().database);
		const comparison = await createComparison(db(), 'order');
		const made = await rooms.create(db(), secret, comparison.id, 'Order');
		const t = (await rooms.membershipOf(db(), secret, made.room.id, made.cookie))!;
		const abort = new AbortController();
		const s = reader(createRoomStream({ db: db(), bus }, t, 0, abort.signal));
		await expect.poll(() => s.frames.length, { timeout: 3000 }).toBe(1); // retry: only
		const envelope = {
			scope: { kind: 'room' as const, id: made.room.id },
			comparisonId: comparison.id
		};
		// recorded in order 1, 2 but published 2, 1, as two instances' NOTIFYs may arrive
		const first = await events.record(db(), made.room.id, {
			type: 'room.locked',
			...envelope,
			data: { locked: true }
		});
		const second = await events.record(db(), made.room.id, {
			type: 'room.locked',
			...envelope,
			data: { locked: false }
		});
		await bus.publish(made.room.id, second);
		await bus.publish(made.room.id, first);
		await expect
			.poll(() => s.events().map((e) => e.id), { timeout: 3000 })
			.toEqual([second.event.id, first.event.id]);
		abort.abort();
		await bus.close();
	});
});

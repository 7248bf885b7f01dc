import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { RoomStreamEvent } from '../../live/events';
import { createComparison, targetOf } from '../test-support/annotation-fixtures';
import { describeEachDatabase } from '../test-support/databases';
import { createBus } from '../live';
import * as roomAnnotations from './annotation-verbs';
import * as events from './events';
import type { LiveEvent } from '../../live/events';
import { createRoomStream, formatEvent, LAGGING_BYTES, QueueBudget, resumeId } from './stream';
import * as teacher from './teacher-verbs';
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

it('QueueBudget sums what each stream holds and forgets a stream that ended', () => {
	const budget = new QueueBudget(100);
	const [one, two] = [{}, {}];
	expect(budget.set(one, 60)).toBe(false);
	expect(budget.set(two, 50)).toBe(true);
	expect(budget.set(one, 10)).toBe(false);
	expect(budget.total).toBe(60);
	budget.release(two);
	budget.release(two);
	expect(budget.total).toBe(10);
});

describeEachDatabase('room stream', (current) => {
	const db = () => current().database.db;

	/** A class room with its teacher, and an event of about `bytes` for it (as a large note makes). */
	async function bigRoom(tag: string) {
		const secret = await getSecret(db());
		const comparison = await createComparison(db(), tag);
		const made = await rooms.create(db(), secret, comparison.id, tag);
		const t = (await rooms.membershipOf(db(), secret, made.room.id, made.cookie))!;
		const big = (bytes: number): LiveEvent => ({
			type: 'annotation.deleted',
			scope: { kind: 'room', id: made.room.id },
			comparisonId: comparison.id,
			data: { id: 'x'.repeat(bytes) }
		});
		/** record and publish `n` events of `bytes` each; their ids */
		const publish = async (bus: ReturnType<typeof createBus>, n: number, bytes: number) => {
			const ids: number[] = [];
			for (let i = 0; i < n; i++) {
				const message = await events.record(db(), made.room.id, big(bytes));
				await bus.publish(made.room.id, message);
				ids.push(message.event.id);
			}
			return ids;
		};
		return { t, roomId: made.room.id, big, publish };
	}

	it('drops a stream whose client does not read beyond its bound, and frees its place', async () => {
		const bus = createBus(current().database);
		const { t, publish } = await bigRoom('unread');
		const budget = new QueueBudget(1e9);
		let ended = 0;
		let dropped = 0;
		const stream = createRoomStream(
			{ db: db(), bus },
			t,
			await events.lastId(db(), t.room.id),
			new AbortController().signal,
			{
				maxQueuedBytes: 64 * 1024,
				budget,
				onEnd: () => ended++,
				onDrop: () => dropped++
			}
		);
		// nobody reads: the stream starts (retry line) and waits
		await expect.poll(() => budget.total, { timeout: 3000 }).toBeGreaterThan(0);
		await publish(bus, 3, 10_000);
		await expect.poll(() => budget.total, { timeout: 3000 }).toBeGreaterThan(30_000);
		expect(dropped).toBe(0);
		await publish(bus, 6, 10_000);
		await expect.poll(() => dropped, { timeout: 3000 }).toBe(1);
		expect(ended).toBe(1);
		expect(budget.total).toBe(0);
		// the queue is gone with the stream: a late reader gets the error, not 90 KB
		await expect(stream.getReader().read()).rejects.toThrow(/did not read/);
		await publish(bus, 2, 10_000); // nothing is held for it any more
		expect(budget.total).toBe(0);
		await bus.close();
	});

	it('never drops a client that reads, and delivers every event in order', async () => {
		const bus = createBus(current().database);
		const { t, publish } = await bigRoom('reading');
		let dropped = 0;
		const abort = new AbortController();
		const s = reader(
			createRoomStream({ db: db(), bus }, t, await events.lastId(db(), t.room.id), abort.signal, {
				maxQueuedBytes: 64 * 1024,
				budget: new QueueBudget(1e9),
				onDrop: () => dropped++
			})
		);
		await expect.poll(() => s.frames.length, { timeout: 3000 }).toBe(1);
		const ids: number[] = [];
		// a burst of 20 × 20 KB, more than the bound, to a client that keeps reading
		for (let i = 0; i < 20; i++) {
			ids.push(...(await publish(bus, 1, 20_000)));
			await new Promise((r) => setTimeout(r, 1));
		}
		await expect.poll(() => s.events().length, { timeout: 5000 }).toBe(20);
		expect(s.events().map((e) => e.id)).toEqual(ids);
		expect(dropped).toBe(0);
		abort.abort();
		await bus.close();
	});

	it('drops lagging streams once all streams together hold more than the process budget', async () => {
		const bus = createBus(current().database);
		const { t, publish } = await bigRoom('budget');
		const budget = new QueueBudget(2 * LAGGING_BYTES);
		const after = await events.lastId(db(), t.room.id);
		let dropped = 0;
		for (let i = 0; i < 2; i++)
			createRoomStream({ db: db(), bus }, t, after, new AbortController().signal, {
				maxQueuedBytes: 10 * 1024 * 1024,
				budget,
				onDrop: () => dropped++
			});
		await expect.poll(() => budget.total, { timeout: 3000 }).toBeGreaterThan(0);
		// 2 streams × 160 KB: each alone far below its own bound, together above the budget
		await publish(bus, 3, 40_000);
		await expect.poll(() => budget.total, { timeout: 3000 }).toBeGreaterThan(240_000);
		expect(dropped).toBe(0);
		await publish(bus, 1, 40_000);
		await expect.poll(() => dropped, { timeout: 3000 }).toBe(1);
		await publish(bus, 3, 40_000); // the other one alone, now above the budget
		await expect.poll(() => dropped, { timeout: 3000 }).toBe(2);
		expect(budget.total).toBe(0);
		await bus.close();
	});

	it('bounds catch-up by bytes: too far behind gets room.resync at the newest id, not a replay', async () => {
		const bus = createBus(current().database);
		const { t, roomId, big } = await bigRoom('catch-up');
		const start = await events.lastId(db(), roomId);
		// 5 × 2 MB: 10 MB missed, more than any page should be sent again
		for (let i = 0; i < 5; i++) await events.record(db(), roomId, big(2_000_000));
		const viewer = { memberId: t.member.id, role: t.member.role };
		const head = await events.lastId(db(), roomId);
		const missed = await events.since(db(), roomId, start, viewer, t.room.phase);
		expect(missed).toEqual({ overflow: true, messages: [], upTo: head });
		// two of them fit
		const fits = await events.since(db(), roomId, head - 2, viewer, t.room.phase);
		expect(fits.overflow).toBe(false);
		expect(fits.messages.map((m) => m.event.id)).toEqual([head - 1, head]);
		// the stream tells the page to reload and resumes after the newest id
		await teacher.change({ db: db(), bus }, t, { locked: true });
		const abort = new AbortController();
		const s = reader(createRoomStream({ db: db(), bus }, t, start, abort.signal));
		await expect.poll(() => s.events().length, { timeout: 3000 }).toBe(1);
		const [resync] = s.events();
		expect(resync).toMatchObject({
			type: 'room.resync',
			id: head + 1,
			data: { phase: 'individual', locked: true, members: [{ id: t.member.id }] }
		});
		expect(s.frames[1]).toMatch(new RegExp(`^id: ${head + 1}\n`));
		expect(s.frames.join('').length).toBeLessThan(10_000);
		// what comes after is live as usual
		await teacher.change({ db: db(), bus }, t, { phase: 'reveal' });
		await expect
			.poll(() => s.events().map((e) => e.type), { timeout: 3000 })
			.toContain('room.phase');
		expect(s.events()[0].type).toBe('room.resync');
		abort.abort();
		await bus.close();
	});

	it('bounds catch-up by count too', async () => {
		const { t, roomId } = await bigRoom('count');
		const start = await events.lastId(db(), roomId);
		const viewer = { memberId: t.member.id, role: t.member.role };
		const envelope = {
			scope: { kind: 'room' as const, id: roomId },
			comparisonId: t.room.comparisonId
		};
		const ids: number[] = [];
		for (let i = 0; i < 4; i++) {
			const event = { type: 'room.locked' as const, ...envelope, data: { locked: i % 2 === 0 } };
			ids.push((await events.record(db(), roomId, event)).event.id);
		}
		const limits = { maxEvents: 3, maxBytes: 1e9, pageBytes: 1e9 };
		const over = await events.since(db(), roomId, start, viewer, 'individual', limits);
		expect(over).toEqual({ overflow: true, messages: [], upTo: ids[3] });
		const under = await events.since(db(), roomId, ids[0], viewer, 'individual', limits);
		expect(under.messages.map((m) => m.event.id)).toEqual(ids.slice(1));
		const none = await events.since(db(), roomId, ids[3], viewer, 'individual', limits);
		expect(none).toEqual({ overflow: false, messages: [], upTo: ids[3] });
	});

	it('sends a long catch-up page by page as a slow client reads, in order', async () => {
		const bus = createBus(current().database);
		const { t, roomId, big } = await bigRoom('paced');
		const start = await events.lastId(db(), roomId);
		const ids: number[] = [];
		for (let i = 0; i < 20; i++)
			ids.push((await events.record(db(), roomId, big(20_000))).event.id);
		// a budget that remembers the most any stream ever held unread
		let most = 0;
		const budget = new (class extends QueueBudget {
			override set(stream: object, bytes: number) {
				most = Math.max(most, bytes);
				return super.set(stream, bytes);
			}
		})(1e9);
		const stream = createRoomStream({ db: db(), bus }, t, start, new AbortController().signal, {
			budget,
			catchUp: { maxEvents: 100, maxBytes: 1e9, pageBytes: 50_000 }
		});
		// the client reads one chunk every 20 ms, while a live event arrives mid-way
		const r = stream.getReader();
		const decoder = new TextDecoder();
		let text = '';
		let liveId = 0;
		for (let i = 0; !text.includes(`"id":${liveId}`) || !liveId; i++) {
			const { value } = await r.read();
			text += decoder.decode(value, { stream: true });
			if (i === 3) {
				const message = await events.record(db(), roomId, big(100));
				await bus.publish(roomId, message);
				liveId = message.event.id;
			}
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
		const got = [...text.matchAll(/^id: (\d+)$/gm)].map((x) => Number(x[1]));
		expect(got).toEqual([...ids, liveId]);
		// never more than the pace (and one event) waited in memory for the client
		expect(most).toBeLessThan(64 * 1024 + 25_000);
		await r.cancel();
		await bus.close();
	});

	it('drops a client that reads nothing of its catch-up', async () => {
		const bus = createBus(current().database);
		const { t, roomId, big } = await bigRoom('stalled');
		const start = await events.lastId(db(), roomId);
		for (let i = 0; i < 10; i++) await events.record(db(), roomId, big(20_000));
		let dropped = 0;
		let ended = 0;
		createRoomStream({ db: db(), bus }, t, start, new AbortController().signal, {
			stallMs: 200,
			budget: new QueueBudget(1e9),
			onDrop: () => dropped++,
			onEnd: () => ended++
		});
		await expect.poll(() => dropped, { timeout: 3000 }).toBe(1);
		expect(ended).toBe(1);
		await bus.close();
	});

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

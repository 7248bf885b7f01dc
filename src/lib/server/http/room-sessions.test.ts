import type { RequestEvent } from '@sveltejs/kit';
import { expect, it } from 'vitest';
import { createComparison } from '../test-support/annotation-fixtures';
import { describeEachDatabase } from '../test-support/databases';
import { createRateLimit, createSessionKey } from './handles';
import { RateLimiter } from './rate-limit';
import { roomCookieName, rooms, workspaces } from '../rooms';

/** A write to `path` with these cookies, all from one school address. */
function write(path: string, cookies: Record<string, string>): RequestEvent {
	const url = `http://app.test${path}`;
	return {
		request: new Request(url, { method: 'POST' }),
		url: new URL(url),
		locals: {},
		cookies: { get: (name: string) => cookies[name] },
		getClientAddress: () => '10.0.0.1'
	} as unknown as RequestEvent;
}

describeEachDatabase('room sessions in the hooks', (current) => {
	it('keys writes on a room’s paths by the member, so a class on one IP is limited per student', async () => {
		const db = current().database.db;
		const secret = await workspaces.getSecret(db);
		const comparison = await createComparison(db, 'session');
		const made = await rooms.create(db, secret, comparison.id, 'Rate');
		const cookieName = roomCookieName(made.room.id);
		const students = await Promise.all(
			['Ana', 'Ben'].map((n) => rooms.addMember(db, secret, made.room.id, 'student', n))
		);
		const key = createSessionKey({ db: async () => db });
		const limit = createRateLimit({
			session: new RateLimiter({ capacity: 2, refillPerSecond: 0.001 }),
			anonymous: new RateLimiter({ capacity: 1, refillPerSecond: 0.001 }),
			now: () => 1000
		});
		const ok = async () => new Response('ok');
		const post = async (path: string, cookies: Record<string, string>) => {
			const event = write(path, cookies);
			const response = await key({ event, resolve: (e) => limit({ event: e, resolve: ok }) });
			return { status: response.status, key: event.locals.sessionKey };
		};
		const path = `/api/rooms/${made.room.id}/annotations`;
		const [ana, ben] = students.map((s) => ({ [cookieName]: s.cookie }));
		const a1 = await post(path, ana);
		expect(a1).toEqual({ status: 200, key: expect.stringMatching(/^room:[0-9a-f]{64}$/) });
		expect((await post(path, ana)).status).toBe(200);
		const refused = await post(path, ana);
		expect(refused.status).toBe(429);
		expect((await post(path, ben)).status).toBe(200);
		// the cookie only counts on its own room's paths; elsewhere the write is anonymous
		expect((await post('/api/comparisons/x/annotations', ana)).key).toBeNull();
		expect(
			(await post(`/api/rooms/${made.room.id}/x`, { [cookieName]: 'forged.x' })).key
		).toBeNull();
	});
});

import { describe, expect, it } from 'vitest';
import {
	Classroom,
	firstWords,
	listing,
	seedComparison,
	type Participant,
	targetOn,
	type StoredComparison
} from '$lib/test-support/api-setup';
import { BUILT, Browser } from '$lib/test-support/browser-transport';
import { drivers, requireBuildOnCi, useSeedServer } from '../test-support/built-seed-server';
import { LANE_TIMING } from './fast-lane';

// The fast lane (server.js in front of SvelteKit) answers as the SvelteKit route does. Against
// the real server, on PGlite and (with TEST_DATABASE_URL) PostgreSQL, the same requests are
// posted twice by the same remembered caller: once as a browser sends them (Origin set: the
// lane may take them) and once with Sec-Fetch-Site instead of Origin (which the lane never
// takes: SvelteKit's route answers). Status, body and headers must agree byte for byte (the ids
// and times of two new annotations aside), and the lane must have served the creates.

requireBuildOnCi();

/** Which path a request is sent for: the lane may take it, or only SvelteKit may. */
type Via = 'lane' | 'kit';

/** Headers that differ between any two answers (or name the path that served). */
const UNCOMPARED = new Set(['date', 'server-timing', 'connection', 'keep-alive']);

/** An answer as compared: status, headers (sorted), body text. */
interface Answer {
	status: number;
	headers: string[];
	body: string;
	byLane: boolean;
}

/** POST `body` (bytes or text, as sent) with the caller's cookie, for one path or the other. */
async function post(
	origin: string,
	cookie: string,
	path: string,
	body: string | Uint8Array<ArrayBuffer>,
	via: Via,
	extra: Record<string, string> = {}
): Promise<Answer> {
	const headers: Record<string, string> = {
		'content-type': 'application/json',
		cookie,
		...extra,
		...(via === 'lane' ? { origin } : { 'sec-fetch-site': 'same-origin' })
	};
	const response = await fetch(`${origin}${path}`, { method: 'POST', headers, body });
	const timing = response.headers.get('server-timing') ?? '';
	return {
		status: response.status,
		headers: [...response.headers]
			.filter(([name]) => !UNCOMPARED.has(name))
			.map(([name, value]) => `${name}: ${value}`)
			.sort(),
		body: await response.text(),
		byLane: timing.split(',').some((t) => t.trim() === LANE_TIMING)
	};
}

/** A new annotation's answer with its id and times replaced, so two creates compare. */
function withoutIdentity(answer: Answer, id: string): Answer {
	const body = answer.body
		.replaceAll(id, '<id>')
		.replace(/"(createdAt|updatedAt)":"[^"]+"/g, '"$1":"<time>"');
	return { ...answer, body };
}

/** A note on the seed's first words. */
const noteOn = (seed: StoredComparison, text: string, id: string = crypto.randomUUID()) => ({
	id,
	kind: 'note',
	targets: [targetOn(seed.articles, 'a', firstWords(seed.articles.a))],
	note: text
});

describe.skipIf(!BUILT).each(drivers)('the fast lane ($name)', ({ postgres }) => {
	const running = useSeedServer(postgres);

	/** A caller of a create route: their cookie, and a good create through SvelteKit. */
	async function caller(kind: 'personal' | 'room') {
		const { origin } = running.server;
		if (kind === 'personal') {
			const browser = new Browser(origin);
			const path = '/api/comparisons/seed/annotations';
			await browser.send('POST', path, noteOn(running.seed, 'first'));
			return { browser, path, room: undefined };
		}
		const room = await Classroom.open(origin, running.seed.comparisonId);
		await room.change({ phase: 'reveal' });
		const student = await room.join('Ana');
		const path = `/api/rooms/${room.id}/annotations`;
		await student.browser.send('POST', path, noteOn(running.seed, 'first'));
		return { browser: student.browser, path, room };
	}

	it.each(['personal', 'room'] as const)(
		'serves a %s create as the route does, and publishes it',
		async (kind) => {
			const { origin } = running.server;
			const { browser, path, room } = await caller(kind);
			const after = room ? await room.lastEventId() : 0;
			const fast = noteOn(running.seed, 'same words');
			const slow = noteOn(running.seed, 'same words');
			const viaLane = await post(origin, browser.cookie, path, JSON.stringify(fast), 'lane');
			const viaKit = await post(origin, browser.cookie, path, JSON.stringify(slow), 'kit');
			expect(viaLane.status).toBe(201);
			expect(viaLane.byLane).toBe(true);
			expect(viaKit.byLane).toBe(false);
			expect(withoutIdentity(viaLane, fast.id)).toEqual({
				...withoutIdentity(viaKit, slow.id),
				byLane: true
			});
			// an answer past 1 KB is gzipped for a client that asks, and sent plain to one that does not
			for (const encoding of ['gzip', 'identity']) {
				const long = 'a longer note. '.repeat(100);
				const [a, b] = [noteOn(running.seed, long), noteOn(running.seed, long)];
				const extra = { 'accept-encoding': encoding };
				const laneLong = await post(origin, browser.cookie, path, JSON.stringify(a), 'lane', extra);
				const kitLong = await post(origin, browser.cookie, path, JSON.stringify(b), 'kit', extra);
				expect(laneLong).toMatchObject({ status: 201, byLane: true });
				expect(laneLong.headers.includes('content-encoding: gzip')).toBe(encoding === 'gzip');
				expect(withoutIdentity(laneLong, a.id)).toEqual({
					...withoutIdentity(kitLong, b.id),
					byLane: true
				});
			}
			// the lane's create is stored, listed and sent live like any other
			const scope = room?.scope ?? { comparisonId: running.seed.comparisonId, roomId: null };
			const ids = (await listing(browser, scope)).annotations.map((a) => a.id);
			expect(ids).toEqual(expect.arrayContaining([fast.id, slow.id]));
			if (room) {
				const events = await room.teacher.browser.events(room.id, after, 2);
				expect(
					events.map((e) => [e.type, 'annotation' in e.data ? e.data.annotation.id : null])
				).toEqual([
					['annotation.created', fast.id],
					['annotation.created', slow.id]
				]);
			}
		},
		60_000
	);

	it("serves a class member's first create too, as the route does", async () => {
		const { origin } = running.server;
		const room = await Classroom.open(origin, running.seed.comparisonId);
		await room.change({ phase: 'reveal' });
		const [ana, ben] = [await room.join('Ana'), await room.join('Ben')];
		const path = `/api/rooms/${room.id}/annotations`;
		const fast = noteOn(running.seed, 'first words');
		const slow = noteOn(running.seed, 'first words');
		const viaLane = await post(origin, ana.browser.cookie, path, JSON.stringify(fast), 'lane');
		const viaKit = await post(origin, ben.browser.cookie, path, JSON.stringify(slow), 'kit');
		expect(viaLane).toMatchObject({ status: 201, byLane: true });
		// the two answers differ only in the annotation's id and times and its author
		const anonymous = (answer: Answer, id: string, member: Participant['member']) => ({
			...withoutIdentity(answer, id),
			body: withoutIdentity(answer, id)
				.body.replaceAll(member.id, '<member>')
				.replace(`"name":"${member.displayName}"`, '"name":"<name>"'),
			byLane: undefined
		});
		expect(anonymous(viaLane, fast.id, ana.member)).toEqual(anonymous(viaKit, slow.id, ben.member));
		// a retry of the same id is a 200 with the stored annotation, from either path
		const retried = await post(origin, ana.browser.cookie, path, JSON.stringify(fast), 'lane');
		const retriedKit = await post(origin, ana.browser.cookie, path, JSON.stringify(fast), 'kit');
		expect(retried).toMatchObject({ status: 200, byLane: true });
		expect({ ...retried, byLane: false }).toEqual(retriedKit);
		// a locked room refuses a student's first create through SvelteKit, nothing stored
		const cleo = await room.join('Cleo');
		await room.change({ locked: true });
		const locked = noteOn(running.seed, 'while locked');
		const refusedLane = await post(
			origin,
			cleo.browser.cookie,
			path,
			JSON.stringify(locked),
			'lane'
		);
		const refusedKit = await post(origin, cleo.browser.cookie, path, JSON.stringify(locked), 'kit');
		expect(refusedLane).toMatchObject({ status: 403, byLane: false });
		expect(refusedLane).toEqual(refusedKit);
	}, 60_000);

	/** Requests the lane must leave to SvelteKit, or answer exactly as it does. */
	const cases = (
		seed: StoredComparison
	): { name: string; body: () => string | Uint8Array<ArrayBuffer> }[] => {
		const retried = noteOn(seed, 'retried');
		const deep = '['.repeat(70) + ']'.repeat(70);
		return [
			{ name: 'a retry of a stored create (200)', body: () => JSON.stringify(retried) },
			{
				name: 'a stored id with other content (409)',
				body: () => JSON.stringify({ ...retried, note: 'changed' })
			},
			{ name: 'an empty note', body: () => JSON.stringify({ ...noteOn(seed, 'x'), note: '' }) },
			{ name: 'an unknown kind', body: () => JSON.stringify({ ...noteOn(seed, 'x'), kind: 'x' }) },
			{
				name: 'a quote of another version',
				body: () => {
					const note = noteOn(seed, 'x');
					return JSON.stringify({
						...note,
						targets: [{ ...note.targets[0], articleVersion: 'f'.repeat(64) }]
					});
				}
			},
			{ name: 'broken JSON', body: () => '{"id": ' },
			{ name: 'an array', body: () => '[]' },
			{ name: 'JSON nested too deeply', body: () => deep },
			{ name: 'bytes that are not UTF-8', body: () => new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) },
			{
				name: 'a body past the lane (100 KB)',
				body: () => JSON.stringify({ ...noteOn(seed, 'x'), note: 'x'.repeat(100_000) })
			}
		];
	};

	it.each(['personal', 'room'] as const)(
		'answers every refusal of a %s create as the route does',
		async (kind) => {
			const { origin } = running.server;
			const { browser, path } = await caller(kind);
			const all = cases(running.seed);
			// the retried note exists before the retries
			await post(origin, browser.cookie, path, all[0].body(), 'kit');
			for (const { name, body } of all) {
				// a good create first each time: the caller is remembered when the lane sees the request
				await post(origin, browser.cookie, path, JSON.stringify(noteOn(running.seed, 'ok')), 'kit');
				const viaLane = await post(origin, browser.cookie, path, body(), 'lane');
				const viaKit = await post(origin, browser.cookie, path, body(), 'kit');
				// refusals are SvelteKit's; a class member's retry (200) the lane may serve itself
				expect(viaLane.byLane, name).toBe(viaLane.status === 200 && kind === 'room');
				expect({ ...viaLane, byLane: false }, name).toEqual(viaKit);
				// three writes a case: wait for the session's bucket to refill them (6 a second)
				await new Promise((r) => setTimeout(r, 500));
			}
		},
		120_000
	);

	it('spends one rate-limit token per create, whichever path serves it', async () => {
		const { origin } = running.server;
		const { browser, path } = await caller('personal');
		const started = performance.now();
		// a session's bucket holds 30 (refilled 6 a second): a burst of 45 from one session
		const answers = await Promise.all(
			Array.from({ length: 45 }, (_, i) =>
				post(
					origin,
					browser.cookie,
					path,
					JSON.stringify(noteOn(running.seed, `burst ${i}`)),
					i % 3 ? 'lane' : 'kit'
				)
			)
		);
		const seconds = (performance.now() - started) / 1000;
		const made = answers.filter((a) => a.status === 201);
		const refused = answers.filter((a) => a.status === 429);
		expect(made.length + refused.length).toBe(45);
		// the first create spent one; tokens given back by the lane are taken once by SvelteKit
		expect(made.length).toBeGreaterThanOrEqual(29);
		expect(made.length).toBeLessThanOrEqual(29 + Math.ceil(seconds * 6));
		expect(made.some((a) => a.byLane)).toBe(true);
		expect(refused.every((a) => !a.byLane)).toBe(true);
		expect(JSON.parse(refused[0].body)).toEqual({
			error: { code: 'rate_limited', message: 'Too many changes at once. Wait a moment.' }
		});
		const scope = { comparisonId: running.seed.comparisonId, roomId: null };
		const notes = (await listing(browser, scope)).annotations;
		expect(notes).toHaveLength(1 + made.length);
	}, 60_000);

	it('leaves first writes, other origins and other routes to SvelteKit', async () => {
		const { origin } = running.server;
		const path = '/api/comparisons/seed/annotations';
		const first = await post(origin, '', path, JSON.stringify(noteOn(running.seed, 'x')), 'lane');
		expect(first).toMatchObject({ status: 201, byLane: false });
		expect(first.headers.some((h) => h.startsWith('set-cookie: parallax_ws='))).toBe(true);
		const cookie = first.headers.find((h) => h.startsWith('set-cookie: '))!;
		const session = cookie.slice('set-cookie: '.length).split(';')[0];
		const second = await post(
			origin,
			session,
			path,
			JSON.stringify(noteOn(running.seed, 'x')),
			'lane'
		);
		expect(second).toMatchObject({ status: 201, byLane: true }); // the same caller, now remembered
		const crossOrigin = await fetch(`${origin}${path}`, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				cookie: session,
				origin: 'http://evil.example'
			},
			body: JSON.stringify(noteOn(running.seed, 'x'))
		});
		expect(crossOrigin.status).toBe(403);
		expect(crossOrigin.headers.get('server-timing')).toBeNull();
		// a forged cookie is no caller: SvelteKit makes a new workspace for the write
		const forged = await post(
			origin,
			'parallax_ws=abc.def',
			path,
			JSON.stringify(noteOn(running.seed, 'x')),
			'lane'
		);
		expect(forged).toMatchObject({ status: 201, byLane: false });
		// the seed is untouched by all of it
		expect((await seedComparison(origin)).comparisonId).toBe(running.seed.comparisonId);
	}, 60_000);
});

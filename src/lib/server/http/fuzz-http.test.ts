import { randomUUID } from 'node:crypto';
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { freshPostgres, startBuild, type BuiltServer } from '../test-support/built-server';
import {
	enumerateRoutes,
	fieldBodies,
	formBodies,
	harvestNames,
	HOSTILE_DATES,
	HOSTILE_QUERY_VALUES,
	HOSTILE_SEGMENTS,
	HOSTILE_VALUES,
	rawBodies,
	sample,
	seeded,
	describe as show,
	type BodyVariant,
	type RouteTarget
} from '../test-support/fuzz-corpus';
import { BUILT } from '$lib/test-support/browser-transport';
import { requireBuildOnCi } from '../test-support/built-seed-server';

// Every route of a real `node build`, fuzzed: hostile path parameters, queries, headers and
// bodies (NUL, lone surrogates, huge and deep values, wrong types and content types, years 0
// and 10000, prototype keys, broken JSON, hostile comparison and annotation files). Asserts no
// answer is a 5xx and nothing stored changed (each table's rows, by count and checksum), on
// PGlite and, with TEST_DATABASE_URL, on PostgreSQL. Routes are read from src/routes, so a new
// route is fuzzed without being listed here. Seeded: the same requests on every run.

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
requireBuildOnCi();

const SEED = 13;
const ROUTES = enumerateRoutes(join(ROOT, 'src/routes'));
const NAMES = harvestNames(
	['src/routes', 'src/lib/server', 'src/lib/domain/annotation', 'src/lib/domain/framing'].map((d) =>
		join(ROOT, d)
	)
);
/** Requests in flight at once (the machine is shared: a few are enough to find races). */
const CONCURRENCY = 4;
/** Hostile values per path parameter, raw bodies and hostile-field bodies per write route. */
const PER_PARAM = 6;
const RAW_PER_ROUTE = 6;
const FIELDS_PER_ROUTE = 12;
const FORMS_PER_ACTION = 10;

/** Where the fixtures live: the real ids the hostile values are mixed with. */
interface Fixtures {
	cookie: string;
	params: Record<string, string>;
	/** JSON-LD export of the workspace's annotations, and a comparison file */
	jsonld: Record<string, unknown>;
	bundle: Record<string, unknown>;
}

/** One fuzz request and what the server answered. */
interface Probe {
	method: string;
	path: string;
	label: string;
	body?: BodyVariant;
	headers?: Record<string, string>;
	/** sent without cookies: a stranger, whose refused write must not make a workspace */
	anonymous?: boolean;
}

const TABLES_SQL = `select tablename from pg_tables where schemaname = 'public' order by tablename`;
const tableSql = (t: string) =>
	`select count(*)::int as n, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as sum from "${t}" x`;

/** Every table's row count and checksum (the server is stopped, or PostgreSQL is shared). */
async function snapshot(where: { dataDir: string } | { url: string }) {
	const out: Record<string, string> = {};
	if ('url' in where) {
		const { default: pg } = await import('pg');
		const c = new pg.Client({ connectionString: where.url });
		await c.connect();
		try {
			const tables = (await c.query(TABLES_SQL)).rows.map((r) => r.tablename as string);
			for (const t of tables) {
				const { n, sum } = (await c.query(tableSql(t))).rows[0];
				out[t] = `${n} rows ${sum}`;
			}
		} finally {
			await c.end();
		}
		return out;
	}
	const { PGlite } = await import('@electric-sql/pglite');
	// the server keeps its PGlite files in PARALLAX_DATA_DIR/pglite (src/lib/server/db)
	const db = new PGlite(join(where.dataDir, 'pglite'));
	try {
		const tables = (await db.query<{ tablename: string }>(TABLES_SQL)).rows.map((r) => r.tablename);
		for (const t of tables) {
			const { n, sum } = (await db.query<{ n: number; sum: string }>(tableSql(t))).rows[0];
			out[t] = `${n} rows ${sum}`;
		}
	} finally {
		await db.close();
	}
	return out;
}

/** The `name=value` pairs of a response's Set-Cookie headers. */
const cookiesOf = (r: Response) => r.headers.getSetCookie().map((c) => c.split(';')[0]);

/** Real data to aim at: a workspace with annotations and a reply, a comparison, a class room. */
async function makeFixtures(origin: string): Promise<Fixtures> {
	const jar = new Map<string, string>();
	const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
	const send = async (method: string, path: string, body?: unknown, form?: URLSearchParams) => {
		const r = await fetch(origin + path, {
			method,
			redirect: 'manual',
			headers: {
				origin,
				cookie: cookie(),
				accept: form ? 'text/html' : 'application/json',
				...(body !== undefined ? { 'content-type': 'application/json' } : {})
			},
			body: body !== undefined ? JSON.stringify(body) : form
		});
		for (const c of cookiesOf(r)) {
			const at = c.indexOf('=');
			jar.set(c.slice(0, at), c.slice(at + 1));
		}
		expect(r.status, `${method} ${path}`).toBeLessThan(400);
		return r;
	};
	// a comparison of its own (the seed cannot be edited)
	const form = new URLSearchParams({
		title: 'Fuzz target',
		'a.text': 'Prices rose sharply last week across the whole country. The council met on Monday.',
		'a.title': 'A',
		'a.genre': 'report',
		'b.text': 'Across the country, prices rose sharply last week. The mayor spoke on Tuesday.',
		'b.title': 'B',
		'b.genre': 'opinion'
	});
	const made = await send('POST', '/new?/create', undefined, form);
	const comparisonId = /\/compare\/([0-9a-f-]{36})/.exec(made.headers.get('location') ?? '')![1];
	const jsonld0 = await (
		await send('GET', `/api/comparisons/${comparisonId}/export.jsonld`)
	).json();
	const [articleA, articleB] = await Promise.all(
		(jsonld0['parallax:articles'] as { id: string }[]).map((x) => fetch(x.id).then((r) => r.json()))
	);
	const target = (side: 'a' | 'b', article: { text: string; version: string }, quote: string) => {
		const start = article.text.indexOf(quote);
		return {
			side,
			articleVersion: article.version,
			start,
			end: start + quote.length,
			exact: quote
		};
	};
	const factId = randomUUID();
	const noteId = randomUUID();
	await send('POST', `/api/comparisons/${comparisonId}/annotations`, {
		id: factId,
		kind: 'shared-fact',
		relation: 'same',
		targets: [
			target('a', articleA, 'Prices rose sharply last week'),
			target('b', articleB, 'prices rose sharply last week')
		]
	});
	await send('POST', `/api/comparisons/${comparisonId}/annotations`, {
		id: noteId,
		kind: 'note',
		targets: [target('a', articleA, 'The council met on Monday.')],
		note: 'Which council?'
	});
	await send('POST', `/api/comparisons/${comparisonId}/annotations`, {
		id: randomUUID(),
		kind: 'framing',
		frame: 'economic',
		attachedTo: factId,
		targets: [target('b', articleB, 'The mayor spoke on Tuesday.')]
	});
	const reply = await (
		await send('POST', `/api/annotations/${noteId}/replies`, {
			id: randomUUID(),
			note: 'The city’s.'
		})
	).json();
	// a class room on it: the teacher (this browser) and a student who wrote a note and a reply
	const room = await (
		await send('POST', '/api/rooms', { comparisonId, title: 'Fuzz class' })
	).json();
	const roomId = room.room.id as string;
	const student = await fetch(`${origin}/api/rooms/join`, {
		method: 'POST',
		headers: { origin, 'content-type': 'application/json' },
		body: JSON.stringify({ code: room.joinCode, displayName: 'Ada' })
	});
	expect(student.status).toBe(201);
	const studentCookie = cookiesOf(student).join('; ');
	const memberId = (await student.json()).member.id as string;
	const roomNoteId = randomUUID();
	const studentSend = (path: string, body: unknown) =>
		fetch(origin + path, {
			method: 'POST',
			headers: { origin, cookie: studentCookie, 'content-type': 'application/json' },
			body: JSON.stringify(body)
		});
	expect(
		(
			await studentSend(`/api/rooms/${roomId}/annotations`, {
				id: roomNoteId,
				kind: 'note',
				targets: [target('b', articleB, 'The mayor spoke on Tuesday.')],
				note: 'Which mayor?'
			})
		).status
	).toBe(201);
	const roomReply = await studentSend(`/api/rooms/${roomId}/annotations/${roomNoteId}/replies`, {
		id: randomUUID(),
		note: 'Ours.'
	});
	expect(roomReply.status).toBe(201);
	const teacherToken = /\/rooms\/teach\/([\w-]+)/.exec(room.teacherUrl)![1];
	const suggestion = await (
		await send('GET', `/api/comparisons/${comparisonId}/annotations`)
	).json();
	const jsonld = await (await send('GET', `/api/comparisons/${comparisonId}/export.jsonld`)).json();
	const bundle = await (await send('GET', `/compare/${comparisonId}/bundle`)).json();
	void suggestion;
	return {
		cookie: cookie(),
		jsonld,
		bundle,
		params: {
			'compare/id': comparisonId,
			'comparisons/id': comparisonId,
			'annotations/id': noteId,
			'articles/id': /\/api\/articles\/([0-9a-f-]{36})/.exec(
				jsonld0['parallax:articles'][0].id
			)![1],
			'replies/id': reply.id,
			'rooms/roomId': roomId,
			annotationId: roomNoteId,
			memberId,
			replyId: (await roomReply.json()).id,
			suggestionId: 'a0-b0',
			token: teacherToken
		}
	};
}

/** The real value of a route's parameter (by the segment before it, then by name). */
function realParam(f: Fixtures, pattern: string, name: string): string {
	const before = new RegExp(`/(\\w+)/\\[${name}\\]`).exec(pattern)?.[1];
	return f.params[`${before}/${name}`] ?? f.params[name] ?? '00000000-0000-4000-8000-000000000000';
}

/** A route's path with the given (already encoded) value per parameter. */
function pathOf(t: RouteTarget, values: Record<string, string>): string {
	let path = t.pattern;
	for (const p of t.params) path = path.replace(`[${p}]`, values[p]);
	return t.kind === 'action' ? `${path}?/${t.action}` : path;
}

/** A comparison file as the fuzz edits it. */
interface BundleDoc {
	version: unknown;
	comparison: Record<string, unknown>;
	articles: Record<'a' | 'b', { raw: unknown; meta: Record<string, unknown> }>;
	annotations: Record<string, unknown>;
}

/** Hostile files, made from real exports by one refused change each. */
function hostileDocuments(f: Fixtures): { label: string; json: unknown }[] {
	const out: { label: string; json: unknown }[] = [];
	const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x));
	const items = (doc: Record<string, unknown>) =>
		((doc.first as { items: Record<string, unknown>[] }) ?? { items: [] }).items;
	for (const date of HOSTILE_DATES)
		for (const key of ['created', 'modified']) {
			const doc = copy(f.jsonld);
			items(doc)[0][key] = date;
			out.push({ label: `JSON-LD ${key} ${show(date)}`, json: doc });
		}
	for (const value of HOSTILE_VALUES.slice(0, 6)) {
		const doc = copy(f.jsonld);
		const item = items(doc)[1] ?? items(doc)[0];
		item.creator = { ...(item.creator as object), name: value };
		out.push({ label: `JSON-LD creator name ${show(value)}`, json: doc });
		const idDoc = copy(f.jsonld);
		items(idDoc)[0].id = `urn:uuid:${value}`;
		out.push({ label: `JSON-LD id ${show(value)}`, json: idDoc });
	}
	const bundles: [string, (b: BundleDoc) => void][] = [
		['title NUL', (b) => (b.comparison.title = 'Fuzz\u0000')],
		['title lone surrogate', (b) => (b.comparison.title = 'Fuzz \ud800')],
		['title a number', (b) => (b.comparison.title = 7)],
		['article text NUL', (b) => (b.articles.a.raw = 'a\u0000b')],
		['article author lone surrogate', (b) => (b.articles.b.meta.author = '\udc00')],
		['article title control', (b) => (b.articles.b.meta.title = 'x\u0007')],
		[
			'annotation created year 0',
			(b) => (items(b.annotations)[0].created = '0000-01-01T00:00:00Z')
		],
		[
			'annotation created year 10000',
			(b) => (items(b.annotations)[0].created = '10000-01-01T00:00:00Z')
		],
		['version 2', (b) => (b.version = 2)],
		['__proto__ comparison', (b) => (b.comparison = JSON.parse('{"__proto__":{"title":"x"}}'))]
	];
	for (const [label, change] of bundles) {
		const b = copy(f.bundle) as unknown as BundleDoc;
		change(b);
		out.push({ label: `bundle ${label}`, json: b });
	}
	return out;
}

/** Every probe for every route, drawn from the seeded corpus. */
function probes(f: Fixtures): Probe[] {
	const random = seeded(SEED);
	const out: Probe[] = [];
	const documents = hostileDocuments(f);
	const raw = rawBodies();
	let turn = 0;
	for (const t of ROUTES) {
		turn++;
		const real = Object.fromEntries(t.params.map((p) => [p, realParam(f, t.pattern, p)]));
		// 1. each parameter hostile in turn (the others real): the NUL forms always, then a draw
		const [always, rest] = [HOSTILE_SEGMENTS.slice(0, 5), HOSTILE_SEGMENTS.slice(5)];
		for (const p of t.params)
			for (const seg of [...always, ...sample(random, rest, PER_PARAM - always.length)])
				out.push({
					method: t.method,
					path: pathOf(t, { ...real, [p]: seg }),
					label: `${p}=${seg.slice(0, 30)}`,
					body:
						t.method === 'GET'
							? undefined
							: { label: '{}', contentType: 'application/json', body: '{}' }
				});
		// deleting is never aimed at real data
		if (t.method === 'DELETE') continue;
		const path = pathOf(t, real);
		// 2. hostile queries and headers on reads (pages render a lot: fewer of them)
		if (t.method === 'GET') {
			const keys = [...NAMES.queries, 'id', '__proto__', 'x[]'];
			for (let i = 0; i < (t.kind === 'page' ? 1 : 4); i++) {
				const q = new URLSearchParams();
				for (const k of sample(random, keys, 2))
					q.append(k, HOSTILE_QUERY_VALUES[Math.floor(random() * HOSTILE_QUERY_VALUES.length)]);
				out.push({
					method: 'GET',
					path: `${path}${path.includes('?') ? '&' : '?'}${q}`,
					label: `query ${show(q.toString())}`
				});
			}
			if (t.kind === 'page') continue;
			const value = ['-1', '1e309', 'x', '9'.repeat(30), '\u00ff'][turn % 5];
			out.push({
				method: 'GET',
				path,
				label: `last-event-id ${value}`,
				headers: { 'last-event-id': value }
			});
			continue;
		}
		// 3. hostile bodies on writes: raw ones in rotation (each route gets a few, every one is
		// sent somewhere), then hostile fields
		const rotated = Array.from(
			{ length: RAW_PER_ROUTE },
			(_, k) => raw[(turn * RAW_PER_ROUTE + k) % raw.length]
		);
		const bodies =
			t.kind === 'action'
				? [...formBodies(random, NAMES.fields, FORMS_PER_ACTION), ...rotated]
				: [...rotated, ...fieldBodies(random, NAMES.fields, FIELDS_PER_ROUTE)];
		for (const body of bodies) out.push({ method: t.method, path, label: body.label, body });
		// 4. hostile files where files are read
		if (/import/.test(t.pattern))
			for (const doc of documents) {
				const text = JSON.stringify(doc.json);
				if (t.kind === 'action') {
					const form = new FormData();
					form.append('bundle', new Blob([text]), 'hostile.json');
					out.push({
						method: 'POST',
						path,
						label: doc.label,
						body: { label: doc.label, contentType: null, body: form }
					});
				} else
					out.push({
						method: t.method,
						path,
						label: doc.label,
						body: { label: doc.label, contentType: 'application/ld+json', body: text }
					});
			}
	}
	// every fifth probe comes from a stranger (no cookies); not the hostile files, whose other
	// items are valid: a stranger importing them gets those in a workspace of their own; nor the
	// real teacher link, which makes any browser opening it a teacher (what the link is for)
	const teacherLink = `/rooms/teach/${f.params.token}`;
	const strangerMay = (p: Probe) =>
		!/^(JSON-LD|bundle) /.test(p.label) &&
		p.path !== teacherLink &&
		!p.path.startsWith(`${teacherLink}?`);
	return out.map((p, i) => (i % 5 === 4 && strangerMay(p) ? { ...p, anonymous: true } : p));
}

/** Send one probe; the status (a stream is closed as soon as its headers are in). */
async function send(origin: string, cookie: string, p: Probe, retried = false): Promise<number> {
	const controller = new AbortController();
	const timer = setTimeout(() => controller.abort(), 20_000);
	try {
		const headers: Record<string, string> = {
			origin,
			...(p.anonymous ? {} : { cookie }),
			...p.headers
		};
		if (p.body?.contentType) headers['content-type'] = p.body.contentType;
		const r = await fetch(origin + p.path, {
			method: p.method,
			headers,
			body: p.body?.body as BodyInit | undefined,
			redirect: 'manual',
			signal: controller.signal
		});
		if (r.headers.get('content-type')?.startsWith('text/event-stream')) controller.abort();
		else await r.arrayBuffer();
		return r.status;
	} catch (e) {
		// the server may answer 413 and close while a huge body is still being sent
		if (p.body && typeof p.body.body === 'string' && p.body.body.length > 2_000_000) return 413;
		// a kept-alive connection the server closed after such a 413: once more on a fresh one
		if (!retried && !controller.signal.aborted) return send(origin, cookie, p, true);
		const cause = (e as { cause?: { message?: string } }).cause?.message ?? '';
		throw new Error(
			`${p.method} ${p.path.slice(0, 120)} (${p.label}): ${(e as Error).message} ${cause}`,
			{ cause: e }
		);
	} finally {
		clearTimeout(timer);
	}
}

/** FUZZ_DEBUG=1: every slow probe and the progress, on stderr. */
function debug(done: number, ms: number, p: Probe) {
	if (!process.env.FUZZ_DEBUG) return;
	if (ms > 2000 || done % 100 === 0)
		process.stderr.write(
			`${done} ${Math.round(ms)} ms ${p.method} ${p.path.slice(0, 80)} (${p.label})\n`
		);
}

/** SIGTERM, and SIGKILL when the server has not exited 15 s later (a test must not hang on it). */
async function stopOrKill(server: BuiltServer): Promise<void> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const late = new Promise<'late'>(
		(resolve) => (timer = setTimeout(() => resolve('late'), 15_000))
	);
	if ((await Promise.race([server.stop(), late])) === 'late') await server.crash();
	clearTimeout(timer);
}

/** Servers still running when a test times out are stopped here. */
const running = new Set<BuiltServer>();
afterAll(async () => {
	for (const s of running) {
		await stopOrKill(s);
		s.cleanUp();
	}
});

const drivers = [
	{ name: 'PGlite', postgres: false },
	...(process.env.TEST_DATABASE_URL ? [{ name: 'PostgreSQL', postgres: true }] : [])
];

describe.skipIf(!BUILT).each(drivers)('every route, fuzzed ($name)', ({ postgres }) => {
	it(
		'answers no hostile request with a 5xx and changes nothing stored',
		{ timeout: 240_000 },
		async () => {
			const started = performance.now();
			const phase = (name: string) =>
				debug(0, performance.now() - started, { method: name, path: '', label: 'done' });
			const database = postgres ? await freshPostgres() : undefined;
			// limits off: every probe reaches its route instead of a 429
			const env: Record<string, string> = {
				PARALLAX_RATE_LIMIT_SCALE: '0',
				...(database ? { DATABASE_URL: database.url } : {})
			};
			const server = await startBuild(ROOT, { env });
			phase('start');
			running.add(server);
			const where = () => (database ? { url: database.url } : { dataDir: server.dataDir });
			try {
				const fixtures = await makeFixtures(server.origin);
				phase('fixtures');
				// every read once with real ids, so caches filled on first read are in the snapshot
				for (const t of ROUTES.filter((r) => r.method === 'GET')) {
					const real = Object.fromEntries(
						t.params.map((p) => [p, realParam(fixtures, t.pattern, p)])
					);
					await send(server.origin, fixtures.cookie, {
						method: 'GET',
						path: pathOf(t, real),
						label: 'warm-up'
					});
				}
				phase('warm-up');
				// PostgreSQL is read beside the server; the embedded database is copied while the
				// server is idle (a crash-consistent image, as after kill -9) and read afterwards
				const copy = database ? undefined : `${server.dataDir}-before`;
				if (copy) cpSync(server.dataDir, copy, { recursive: true });
				const before = database ? await snapshot({ url: database.url }) : undefined;
				// the fixtures are there: a check of an empty or wrong database proves nothing
				if (before) expect(before.annotation).toMatch(/^[1-9]\d* rows/);
				phase('snapshot');
				let stderr = '';
				server.process.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
				const all = probes(fixtures);
				const failures: string[] = [];
				let next = 0;
				const worker = async () => {
					while (next < all.length) {
						const p = all[next++];
						const t0 = performance.now();
						const status = await send(server.origin, fixtures.cookie, p);
						debug(next, performance.now() - t0, p);
						if (status >= 500)
							failures.push(
								`${status} ${p.method} ${p.path.slice(0, 100)} (${p.label}${p.anonymous ? ', no cookie' : ''})`
							);
					}
				};
				debug(0, performance.now() - started, {
					method: 'fixtures',
					path: '',
					label: `${all.length} probes`
				});
				await Promise.all(Array.from({ length: CONCURRENCY }, worker));
				expect(failures).toEqual([]);
				// the error log stays quiet: nothing failed, and a failure would be rate-limited anyway
				expect(stderr.split('\n').filter(Boolean).length).toBeLessThan(40);
				await stopOrKill(server);
				const after = await snapshot(where());
				if (copy) {
					const image = await snapshot({ dataDir: copy });
					if (process.env.FUZZ_DEBUG)
						process.stderr.write(
							`before ${JSON.stringify(image)}\nafter ${JSON.stringify(after)}\n`
						);
					expect(image.annotation).toMatch(/^[1-9]\d* rows/);
					expect(after).toEqual(image);
					rmSync(copy, { recursive: true, force: true });
				} else expect(after).toEqual(before);
				const seconds = (performance.now() - started) / 1000;
				console.log(
					`fuzz: ${all.length} requests over ${ROUTES.length} routes in ${seconds.toFixed(1)} s`
				);
				expect(all.length).toBeGreaterThan(ROUTES.length * 10);
			} finally {
				await stopOrKill(server);
				running.delete(server);
				server.cleanUp();
				rmSync(`${server.dataDir}-before`, { recursive: true, force: true });
				await database?.drop();
			}
		}
	);
});

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

// A hostile-request corpus for every route (test-only, never used by the app): the routes are
// read from src/routes, so a new route is fuzzed without anyone listing it; field and query
// names are harvested from the sources that read them. Everything is drawn from a seeded
// generator, so a run is repeatable and a failure names the request that caused it.

/** An HTTP method a route file exports. */
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One thing a route answers: a method on a path pattern, and how it reads a body. */
export interface RouteTarget {
	/** the route's path with its parameters, e.g. /api/rooms/[roomId]/annotations */
	pattern: string;
	/** the parameter names in order */
	params: string[];
	method: Method;
	/** a JSON endpoint (+server.ts) or a form action of a page (`?/name`, '' for default) */
	kind: 'endpoint' | 'page' | 'action';
	action?: string;
}

/** The routes under `routesDir`: endpoints with their methods, pages (GET) and form actions. */
export function enumerateRoutes(routesDir: string): RouteTarget[] {
	const targets: RouteTarget[] = [];
	const walk = (dir: string) => {
		const names = readdirSync(dir).sort();
		const rel = relative(routesDir, dir).split(sep).filter(Boolean);
		// (group) folders are not part of the path
		const segments = rel.filter((s) => !/^\(.*\)$/.test(s));
		const pattern = `/${segments.join('/')}`;
		const params = segments.flatMap((s) =>
			[...s.matchAll(/\[(?:\.\.\.)?(\w+)(?:=\w+)?\]/g)].map((m) => m[1])
		);
		if (names.includes('+server.ts')) {
			const source = readFileSync(join(dir, '+server.ts'), 'utf8');
			const methods = [
				...source.matchAll(
					/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g
				)
			].map((m) => m[1] as Method);
			for (const method of new Set(methods))
				targets.push({ pattern, params, method, kind: 'endpoint' });
		}
		if (names.includes('+page.svelte') || names.includes('+page.server.ts'))
			targets.push({ pattern, params, method: 'GET', kind: 'page' });
		if (names.includes('+page.server.ts')) {
			const source = readFileSync(join(dir, '+page.server.ts'), 'utf8');
			const at = source.indexOf('export const actions');
			if (at >= 0)
				for (const m of source.slice(at).matchAll(/^\t(\w+): (?:async )?\(/gm))
					targets.push({
						pattern,
						params,
						method: 'POST',
						kind: 'action',
						action: m[1] === 'default' ? '' : m[1]
					});
		}
		for (const name of names) {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) walk(path);
		}
	};
	walk(routesDir);
	return targets;
}

/** All .ts files below the given folders. */
function sources(dirs: string[]): string[] {
	const out: string[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir).sort()) {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) walk(path);
			else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) out.push(path);
		}
	};
	dirs.forEach(walk);
	return out;
}

/** Field names the server reads from bodies and forms, and query names it reads from URLs. */
export function harvestNames(dirs: string[]): { fields: string[]; queries: string[] } {
	const fields = new Set<string>();
	const queries = new Set<string>();
	for (const file of sources(dirs)) {
		const text = readFileSync(file, 'utf8');
		for (const m of text.matchAll(/searchParams\.get\('([\w.-]+)'\)/g)) queries.add(m[1]);
		for (const m of text.matchAll(/(?:form|data)\.get\('([\w.-]+)'\)/g)) fields.add(m[1]);
		for (const m of text.matchAll(/own\(\w+, '(\w+)'\)/g)) fields.add(m[1]);
		for (const m of text.matchAll(/\b(?:raw|body|input|json|item|v)\.(\w+)\b(?!\s*\()/g))
			if (!['length', 'then', 'toString'].includes(m[1])) fields.add(m[1]);
		// per-side form fields: `${side}.text`, and META_FIELDS of each side
		const perSide = [...text.matchAll(/`\$\{(?:side|s)\}\.(\w+)`/g)].map((m) => m[1]);
		const meta = /META_FIELDS = \[([^\]]+)\]/.exec(text)?.[1];
		if (meta) perSide.push(...[...meta.matchAll(/'(\w+)'/g)].map((m) => m[1]));
		for (const f of perSide) for (const side of ['a', 'b']) fields.add(`${side}.${f}`);
	}
	return { fields: [...fields].sort(), queries: [...queries].sort() };
}

/** mulberry32: a small seeded generator, so the corpus is the same on every run. */
export function seeded(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** `count` items of `list` drawn without repetition (all of them when there are fewer). */
export function sample<T>(random: () => number, list: readonly T[], count: number): T[] {
	const pool = [...list];
	for (let i = pool.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[pool[i], pool[j]] = [pool[j], pool[i]];
	}
	return pool.slice(0, count);
}

/** Path segments no route can answer with anything but a 4xx (already percent-encoded). */
export const HOSTILE_SEGMENTS: readonly string[] = [
	'%00',
	'seed%00',
	'%00seed',
	'1a1de008-b691-45ea-9e37-9c26924a6101%00',
	'%ED%A0%80', // a lone surrogate, as CESU-8 bytes
	'%ED%B0%80x',
	'%FF',
	'%C0%AE',
	'%0A',
	'%0D%0Aset-cookie:x=1',
	'%7F',
	'%01',
	'a'.repeat(4000),
	'9'.repeat(400),
	'__proto__',
	'constructor',
	'prototype',
	'%2e%2e',
	'..%2F..%2Fetc%2Fpasswd',
	'%25',
	'%2500',
	'-1',
	'NaN',
	'00000000-0000-0000-0000-000000000000',
	'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
	"'%20or%201=1--",
	'%F0%9F%97%B3',
	'%20',
	'SEED'
];

/** Query values for any name (raw, encoded by URLSearchParams). */
export const HOSTILE_QUERY_VALUES: readonly string[] = [
	'\u0000',
	'a\u0000b',
	'\ud800',
	'\udfff\ud800',
	'x'.repeat(5000),
	'-1',
	'1e309',
	'NaN',
	'9'.repeat(40),
	'__proto__',
	'%',
	'[object Object]',
	'0000-01-01T00:00:00Z',
	'10000-01-01T00:00:00Z',
	'\u202e\u0007'
];

/** JSON values that are wrong for every field they are given to (strings with NUL, lone halves…). */
export const HOSTILE_VALUES: readonly unknown[] = [
	'a\u0000b',
	'\u0000',
	'\ud800',
	'x\udc00y',
	'x'.repeat(200_001),
	'\r\n\u0000',
	-1,
	1e308,
	-0.5,
	Number.MAX_SAFE_INTEGER + 2,
	[],
	[null],
	{},
	{ __proto__: { polluted: true } },
	JSON.parse('{"__proto__":{"polluted":true}}'),
	{ constructor: { prototype: { polluted: true } } },
	nested(80)
];

/** Values for date-like fields: years PostgreSQL cannot store, and no dates at all. */
export const HOSTILE_DATES: readonly unknown[] = [
	'0000-01-01T00:00:00Z',
	'0000-12-31T23:59:59.999Z',
	'10000-01-01T00:00:00Z',
	'+010000-01-01T00:00:00.000Z',
	'-000001-01-01T00:00:00.000Z',
	'2024-02-30T00:00:00Z',
	'9999-99-99T99:99:99Z',
	1e20
];

/** `depth` arrays inside each other. */
export function nested(depth: number): unknown {
	let value: unknown = 'deep';
	for (let i = 0; i < depth; i++) value = [value];
	return value;
}

/** A request body as it goes over the wire. */
export interface BodyVariant {
	label: string;
	contentType: string | null;
	body: string | Uint8Array | FormData;
}

const JSON_TYPE = 'application/json';

/** Raw bodies: broken, deep, huge, the wrong type, prototype keys (each refused as a whole). */
export function rawBodies(): BodyVariant[] {
	const json = (label: string, body: string): BodyVariant => ({
		label,
		contentType: JSON_TYPE,
		body
	});
	return [
		json('empty JSON body', ''),
		json('broken JSON', '{"id": "x", '),
		json('a lone surrogate escape', '{"title": "\\ud800"}'),
		json('JSON null', 'null'),
		json('JSON string', '"x"'),
		json('JSON number', '1e309'),
		json('JSON array', '[{"id":"x"}]'),
		json(
			'prototype pollution',
			'{"__proto__": {"admin": true}, "constructor": {"prototype": {"admin": true}}}'
		),
		json('duplicate keys', '{"kind": "note", "kind": {"$ne": 1}}'),
		json('deep JSON (100,000 levels)', '['.repeat(100_000) + ']'.repeat(100_000)),
		json('deep objects', '{"a":'.repeat(5000) + '1' + '}'.repeat(5000)),
		json('a NUL byte in the JSON text', '{"title": "a\u0000b"}'),
		{
			label: 'bytes that are no UTF-8',
			contentType: JSON_TYPE,
			body: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])
		},
		{ label: 'UTF-16 JSON', contentType: 'application/json; charset=utf-16', body: '{}' },
		{
			label: 'a body over BODY_SIZE_LIMIT',
			contentType: JSON_TYPE,
			body: `"${'x'.repeat(2_200_000)}"`
		},
		{ label: 'text/plain', contentType: 'text/plain', body: '{}' },
		{ label: 'no content type', contentType: null, body: '{"a":1}' },
		{
			label: 'form-encoded',
			contentType: 'application/x-www-form-urlencoded',
			body: 'title=%00&__proto__[x]=1'
		},
		{
			label: 'broken multipart',
			contentType: 'multipart/form-data; boundary=zz',
			body: '--zz\r\nContent-Disposition: form-data; name="a"\r\n\r\nb'
		},
		{ label: 'multipart without boundary', contentType: 'multipart/form-data', body: 'x' },
		{
			label: 'XML',
			contentType: 'application/xml',
			body: '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'
		}
	];
}

/** Is this field name one that holds a time? */
const isDateField = (name: string) =>
	/(^|\.)(created|modified|createdAt|updatedAt|date|published)$/i.test(name);

/** JSON bodies built from harvested field names: one hostile field, or every field hostile. */
export function fieldBodies(
	random: () => number,
	fields: readonly string[],
	count: number
): BodyVariant[] {
	const out: BodyVariant[] = [];
	const values = (field: string) => (isDateField(field) ? HOSTILE_DATES : HOSTILE_VALUES);
	for (let i = 0; i < count; i++) {
		const body: Record<string, unknown> = {};
		let label: string;
		if (i % 4 === 3) {
			const value = HOSTILE_VALUES[Math.floor(random() * HOSTILE_VALUES.length)];
			for (const f of fields) body[f] = isDateField(f) ? HOSTILE_DATES[0] : value;
			label = `every field = ${describe(value)}`;
		} else {
			const field = fields[Math.floor(random() * fields.length)];
			const pool = values(field);
			const value = pool[Math.floor(random() * pool.length)];
			body[field] = value;
			label = `${field} = ${describe(value)}`;
		}
		out.push({ label, contentType: JSON_TYPE, body: JSON.stringify(body) });
	}
	return out;
}

/** Form bodies (urlencoded and multipart) with hostile values, files included. */
export function formBodies(
	random: () => number,
	fields: readonly string[],
	count: number
): BodyVariant[] {
	const strings = HOSTILE_VALUES.filter((v): v is string => typeof v === 'string');
	const out: BodyVariant[] = [];
	for (let i = 0; i < count; i++) {
		const value = strings[Math.floor(random() * strings.length)];
		const chosen = i % 3 === 2 ? fields : sample(random, fields, 1 + Math.floor(random() * 4));
		if (i % 2 === 0) {
			const params = new URLSearchParams();
			for (const f of chosen) params.append(f, value);
			out.push({
				label: `form ${chosen.length > 4 ? 'every field' : chosen.join(',')} = ${describe(value)}`,
				contentType: 'application/x-www-form-urlencoded',
				body: params.toString()
			});
		} else {
			const form = new FormData();
			for (const f of chosen)
				form.append(f, new Blob([value]), random() < 0.5 ? `x${value.slice(0, 3)}.json` : 'a.txt');
			out.push({
				label: `multipart files ${chosen.length > 4 ? 'every field' : chosen.join(',')} = ${describe(value)}`,
				contentType: null, // fetch sets the boundary
				body: form
			});
		}
	}
	return out;
}

/** A short, printable name for a value in a failure message. */
export function describe(value: unknown): string {
	const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
	const shown = JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}… (${text.length})` : text);
	return shown ?? String(value);
}

import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ARTICLES, IDS, createAnnotationSet } from './annotation-fixture';
import { fromAnnotationCollection, toAnnotationCollection, type JsonObject } from './jsonld';
import { ANNO_CONTEXT } from './jsonld-vocabulary';

const SAMPLES = new URL(
	'../../../../../shared/evaldata/w3c-web-annotation-tests/tools/samples/',
	import.meta.url
);

const meta = { title: 'T', genre: 'opinion' as const };
const OPTIONS = {
	comparison: { id: 'c', title: 'C', url: '/c' },
	articles: {
		a: { ...ARTICLES.a, id: 'a', meta, url: '/articles/a' },
		b: { ...ARTICLES.b, id: 'b', meta, url: '/articles/b' }
	},
	baseUrl: 'https://parallax.example.org'
};
const all = createAnnotationSet();
/** A fresh parsed export of the fixture annotations. */
const exported = (annotations = all): JsonObject =>
	JSON.parse(JSON.stringify(toAnnotationCollection(annotations, OPTIONS)));
const itemsOf = (c: JsonObject) => (c.first as JsonObject).items as JsonObject[];
/** A collection holding the given items. */
const withItems = (items: unknown[]) => ({
	'@context': ANNO_CONTEXT,
	type: 'AnnotationCollection',
	first: { type: 'AnnotationPage', items }
});

describe('fromAnnotationCollection refuses a whole file', () => {
	it.each<[string, unknown, RegExp]>([
		['null', null, /not an annotation collection/],
		['a number', 5, /not an annotation collection/],
		['an array', [], /not an annotation collection/],
		['no @context', { type: 'AnnotationCollection' }, /@context does not name/],
		[
			'an Annotation',
			{ '@context': ANNO_CONTEXT, type: 'Annotation' },
			/not an AnnotationCollection/
		],
		['a remote page', { ...withItems([]), first: 'https://x.org/p2' }, /separate pages/],
		['no items', { ...withItems([]), first: {} }, /no list of annotations/],
		['items as object', { ...withItems([]), first: { items: { 0: {} } } }, /no list/],
		['10,001 items', withItems(new Array(10_001).fill(null)), /holds 10,001 items; at most 10,000/],
		[
			'another article version',
			{ ...exported(), 'parallax:articles': [{ 'parallax:side': 'b', 'parallax:version': 'v0' }] },
			/another version of article B/
		]
	])('%s', (_name, json, message) => {
		const result = fromAnnotationCollection(json, ARTICLES);
		expect(result.annotations).toEqual([]);
		expect(result.errors).toHaveLength(1);
		expect(result.errors[0]).toMatchObject({ item: null });
		expect(result.errors[0].message).toMatch(message);
	});

	it('reads a bare AnnotationPage', () => {
		const page = { '@context': ANNO_CONTEXT, type: 'AnnotationPage', items: itemsOf(exported()) };
		expect(fromAnnotationCollection(page, ARTICLES).annotations).toStrictEqual(all);
	});
});

describe('fromAnnotationCollection reports bad items and keeps the good ones', () => {
	/** Replaces item `index` of a fresh export and imports it. */
	function importBroken(index: number, breakIt: (item: JsonObject) => unknown) {
		const json = exported();
		const items = itemsOf(json);
		const replaced = breakIt(items[index]);
		if (replaced !== undefined) items[index] = replaced as JsonObject;
		return fromAnnotationCollection(json, ARTICLES);
	}
	// item indexes of the export: 0 fact (1 reply at 1, 2 at 2), 3 fact2, 4 framingA, 5 framingB,
	// 6 framingLoose, 7 framingOverlap, 8 note, 9 noteB
	const target = (item: JsonObject) => item.target as JsonObject;
	const selectors = (item: JsonObject) => target(item).selector as JsonObject[];

	it.each<[string, number, (item: JsonObject) => unknown, string, RegExp]>([
		['null', 8, () => null, '', /not an annotation/],
		['a string', 8, () => 'urn:uuid:x', '', /not an annotation/],
		['an empty object', 8, () => ({}), 'id', /uuid/],
		['a target as string', 8, (i) => void (i.target = 'https://x.org'), 'targets[0]', /object/],
		[
			'100,000 targets',
			8,
			(i) => void (i.target = new Array(1e5).fill({})),
			'targets',
			/got 100000/
		],
		['selectors as number', 8, (i) => void (target(i).selector = 5), 'targets[0].start', /number/],
		[
			'a position past the end',
			8,
			(i) => void (selectors(i)[0].end = 1e6),
			'targets[0].end',
			/outside article A/
		],
		[
			'UTF-16 offsets given as code points',
			8,
			(i) => void (selectors(i)[0].start = 4),
			'targets[0].exact',
			/no longer matches/
		],
		[
			'a quote of another text',
			9,
			(i) => void (selectors(i)[1].exact = 'Let them in!'),
			'targets[0].exact',
			/no longer matches article B/
		],
		['two notes', 8, (i) => void (i.body = [i.body, i.body].flat()), 'note', /more than one note/],
		[
			'two frames',
			6,
			(i) => void (i.body = [...(i.body as JsonObject[]), (i.body as JsonObject[])[0]]),
			'frame',
			/more than one frame/
		],
		[
			'an unknown frame',
			6,
			(i) => void ((i.body as JsonObject[])[0]['parallax:frame'] = 'x'),
			'frame',
			/Unknown frame/
		],
		['creator as number', 8, (i) => void (i.creator = 9), 'author', /missing/],
		['no scope', 8, (i) => void delete i['parallax:scopeId'], 'scope.id', /text/],
		['created "yesterday"', 8, (i) => void (i.created = 'yesterday'), 'createdAt', /UTC time/],
		[
			'created in year 0',
			8,
			(i) => void (i.created = '0000-06-01T00:00:00Z'),
			'createdAt',
			/UTC time/
		],
		[
			'modified in year 10000',
			8,
			(i) => void (i.modified = '10000-06-01T00:00:00Z'),
			'updatedAt',
			/UTC time/
		],
		['an http id that is no uuid', 8, (i) => void (i.id = 'https://x.org/anno/1'), 'id', /uuid/],
		['a duplicate id', 9, (i) => void (i.id = `urn:uuid:${IDS.note}`), 'id', /same id/],
		[
			'a reply to nothing',
			1,
			(i) => void (i.target = `urn:uuid:${IDS.framingA.replace('3', 'f')}`),
			'annotationId',
			/not in the file/
		],
		['an empty reply', 1, (i) => void delete i.body, 'note', /text/]
	])('%s', (_name, index, breakIt, field, message) => {
		const result = importBroken(index, breakIt);
		const error = result.errors.find((e) => e.field === field);
		expect(error?.message).toMatch(message);
		expect(error?.item).toBe(index);
		// every other annotation still comes through
		expect(result.annotations.length).toBeGreaterThanOrEqual(all.length - 1);
	});

	it('refuses a framing whose shared fact is not in the file, keeps the rest', () => {
		const result = fromAnnotationCollection(exported(all.slice(2)), ARTICLES);
		expect(result.errors.map((e) => [e.field, e.id])).toEqual([
			['attachedTo', `urn:uuid:${IDS.framingA}`],
			['attachedTo', `urn:uuid:${IDS.framingB}`]
		]);
		expect(result.annotations.map((a) => a.id)).toEqual([
			IDS.framingLoose,
			IDS.framingOverlap,
			IDS.note,
			IDS.noteB
		]);
	});

	it('caps the error list', () => {
		const result = fromAnnotationCollection(withItems(new Array(500).fill(7)), ARTICLES);
		expect(result.errors).toHaveLength(201);
		expect(result.errors[200].message).toBe('300 more problems were not listed.');
	});
});

describe('fromAnnotationCollection survives anything', () => {
	const samples = ['correct', 'incorrect'].flatMap((dir) =>
		readdirSync(new URL(`${dir}/`, SAMPLES)).map(
			(f) => [`${dir}/${f}`, new URL(`${dir}/${f}`, SAMPLES)] as const
		)
	);

	it.each(samples)('the W3C suite sample %s, as file and as item', (_name, url) => {
		const text = readFileSync(url, 'utf8');
		let sample: unknown;
		try {
			sample = JSON.parse(text);
		} catch {
			sample = text; // several incorrect samples are not JSON at all
		}
		for (const json of [sample, withItems([sample])]) {
			const result = fromAnnotationCollection(json, ARTICLES);
			expect(result.annotations).toEqual([]);
			expect(result.errors.length).toBeGreaterThan(0);
		}
	});

	it('random JSON in place of any value of a real export', () => {
		const paths = fc.array(fc.oneof(fc.string({ maxLength: 3 }), fc.nat(12)), { maxLength: 6 });
		fc.assert(
			fc.property(paths, fc.jsonValue(), (path, value) => {
				const json = exported() as Record<string | number, unknown>;
				let node = json as Record<string | number, unknown>;
				for (const key of path.slice(0, -1)) {
					const next = node[key];
					if (typeof next !== 'object' || next === null) break;
					node = next as Record<string | number, unknown>;
				}
				node[path.at(-1) ?? 'first'] = value;
				const result = fromAnnotationCollection(json, ARTICLES);
				expect(result.annotations.length + result.errors.length).toBeGreaterThan(0);
			}),
			{ numRuns: 300, seed: 7 }
		);
	});
});

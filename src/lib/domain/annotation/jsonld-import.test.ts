import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ARTICLES, IDS, TEXT_A, createAnnotationSet, quoteTarget } from './annotation-fixture';
import {
	earlierVersions,
	fromAnnotationCollection,
	sameAsImported,
	toAnnotationCollection,
	type JsonObject
} from './jsonld';
import { unknownPosition, type Annotation, type ComparisonTexts, type Target } from './model';
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
			/not what article A says at this place \(was the file changed by hand\?\)/
		],
		[
			'a quote of another text',
			9,
			(i) => void (selectors(i)[1].exact = 'Let them in!'),
			'targets[0].exact',
			/not what article B says at this place/
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
		// advice for a reader's selection, not for a file
		expect(result.errors.map((e) => e.message).join('\n')).not.toMatch(/Select it again/);
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

describe('annotations an edit left unplaced come back unplaced', () => {
	// article A was edited where the pack was made: every passage in A is on its earlier version
	const EDITED: ComparisonTexts = {
		a: { text: `Updated.\n\n${TEXT_A.replace(' quietly', '')}`, version: 'sha256-edited' },
		b: ARTICLES.b
	};
	const editedOptions = {
		...OPTIONS,
		articles: { ...OPTIONS.articles, a: { ...OPTIONS.articles.a, ...EDITED.a } }
	};
	/** A fresh parsed export of the fixture, as the edited comparison's server writes it. */
	const editedPack = (): JsonObject =>
		JSON.parse(JSON.stringify(toAnnotationCollection(all, editedOptions)));
	const earlier = new Map([[ARTICLES.a.version, TEXT_A]]);

	it.each<[string, ReadonlyMap<string, string> | undefined, (t: Target) => Target]>([
		// only quotes travel: without that version's text the offsets stand in
		[
			'where the earlier text is unknown',
			undefined,
			(t) => ({ ...t, ...unknownPosition(t.exact) })
		],
		// with it, the quote and its context are found there: stored as on the source
		['where the earlier text is known', earlier, (t) => t]
	])('%s', (_name, texts, expected) => {
		const result = fromAnnotationCollection(editedPack(), EDITED, texts);
		expect(result.errors).toEqual([]);
		expect(result.annotations).toStrictEqual(
			all.map((a) => ({
				...a,
				targets: a.targets.map((t) => (t.side === 'a' ? expected(t) : t))
			}))
		);
	});

	it('names the earlier versions to look up', () => {
		expect(earlierVersions(editedPack(), EDITED)).toEqual([ARTICLES.a.version]);
		expect(earlierVersions(exported(), ARTICLES)).toEqual([]);
		expect(earlierVersions({ first: 'x' }, ARTICLES)).toEqual([]);
		// nothing to look up for what is refused anyway: three passages, a version of 300 characters
		const target = (version: string) => ({
			'parallax:side': 'a',
			'parallax:articleVersion': version
		});
		const hostile = withItems([
			{ target: [target('v1'), target('v2'), target('v3')] },
			{ target: target('x'.repeat(300)) },
			{ target: target('v4') }
		]);
		expect(earlierVersions(hostile, ARTICLES)).toEqual(['v4']);
	});

	// item 8 is the note, on A
	const quote = (item: JsonObject) =>
		((item.target as JsonObject).selector as JsonObject[]).find(
			(s) => s.type === 'TextQuoteSelector'
		)!;
	it.each<
		[string, (item: JsonObject) => void, ReadonlyMap<string, string> | undefined, string, RegExp]
	>([
		[
			'no quote',
			(i) => void ((i.target as JsonObject).selector = []),
			undefined,
			'targets[0].exact',
			/must be text/
		],
		['an empty quote', (i) => void (quote(i).exact = ''), undefined, 'targets[0].exact', /empty/],
		[
			'a quote not in the version it names',
			(i) => void (quote(i).exact = 'Deportations paused'),
			earlier,
			'targets[0].exact',
			/not in the version of article A it names \(was the file changed by hand\?\)/
		],
		[
			'an empty version',
			(i) => void ((i.target as JsonObject)['parallax:articleVersion'] = ''),
			undefined,
			'targets[0].articleVersion',
			/version of article A is empty/
		]
	])('refuses one with %s, naming its item', (_name, breakIt, texts, field, message) => {
		const pack = editedPack();
		breakIt(itemsOf(pack)[8]);
		const result = fromAnnotationCollection(pack, EDITED, texts);
		expect(result.errors).toEqual([expect.objectContaining({ item: 8, field })]);
		expect(result.errors[0].message).toMatch(message);
		expect(result.errors[0].message).not.toMatch(/Select it again/);
		expect(result.annotations).toHaveLength(all.length - 1);
	});
});

describe('itemOf and sameAsImported', () => {
	it('knows the item of every annotation and reply read', () => {
		const order = [
			IDS.fact,
			IDS.reply1,
			IDS.reply2,
			IDS.fact2,
			IDS.framingA,
			IDS.framingB,
			IDS.framingLoose,
			IDS.framingOverlap,
			IDS.note,
			IDS.noteB
		];
		const { itemOf } = fromAnnotationCollection(exported(), ARTICLES);
		expect([...itemOf]).toEqual(order.map((id, item) => [id, item]));
	});

	const note = all[6];
	const unplaced: Annotation = {
		...note,
		targets: [{ ...note.targets[0], articleVersion: 'sha256-earlier' }]
	};
	const standIn = (a: Annotation): Annotation => ({
		...a,
		targets: a.targets.map((t) => ({ ...t, ...unknownPosition(t.exact) }))
	});
	it.each<[string, Annotation, Annotation, boolean]>([
		['the same annotation', note, note, true],
		[
			'with other replies and times',
			note,
			{ ...note, replies: [], updatedAt: '2025-01-01T00:00:00Z' },
			true
		],
		['another note', note, { ...note, note: 'Why "quietly"?' }, false],
		['another frame', all[2], { ...all[2], frame: 'economic' }, false],
		[
			'another passage of the current text',
			note,
			{ ...note, targets: [quoteTarget('a', 'quietly')] },
			false
		],
		['the same passage on another version', note, unplaced, false],
		// a file carries no offsets for an unplaced passage: they are not compared
		['an unplaced passage with stand-in offsets', unplaced, standIn(unplaced), true],
		[
			'an unplaced passage with another quote',
			unplaced,
			{ ...unplaced, targets: [{ ...unplaced.targets[0], exact: 'quietly' }] },
			false
		],
		[
			'an unplaced passage with other context',
			unplaced,
			{ ...unplaced, targets: [{ ...unplaced.targets[0], prefix: '' }] },
			false
		]
	])('%s: %s', (_name, here, incoming, same) => {
		expect(sameAsImported(here, incoming, ARTICLES)).toBe(same);
	});
});

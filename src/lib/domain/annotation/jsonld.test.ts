import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Side } from '../types';
import { ARTICLES, IDS, createAnnotationSet } from './annotation-fixture';
import {
	ANNO_CONTEXT,
	fromAnnotationCollection,
	originJson,
	toAnnotationCollection,
	type ExportOptions,
	type JsonObject
} from './jsonld';
import { createTarget, type Annotation, type ComparisonTexts } from './model';
import { validateAnnotation } from './validate';

function optionsFor(articles: ComparisonTexts): ExportOptions {
	const article = (side: Side) => ({
		...articles[side],
		id: `article-${side}`,
		meta: { title: `Article ${side}`, genre: 'opinion' as const },
		url: `/articles/article-${side}`
	});
	return {
		comparison: { id: 'cmp-1', title: 'Deportations', url: '/comparisons/cmp-1' },
		articles: { a: article('a'), b: article('b') },
		baseUrl: 'https://parallax.example.org'
	};
}

const OPTIONS = optionsFor(ARTICLES);
/** Export, through JSON text, and import: what was read and what was refused. */
const roundTrip = (annotations: Annotation[], articles = ARTICLES, options = OPTIONS) => {
	const { annotations: read, errors } = fromAnnotationCollection(
		JSON.parse(JSON.stringify(toAnnotationCollection(annotations, options))),
		articles
	);
	return { annotations: read, errors };
};
const itemsOf = (collection: JsonObject) => (collection.first as JsonObject).items as JsonObject[];

describe('round trip: to → JSON text → from', () => {
	const all = createAnnotationSet();

	it('keeps every annotation of every kind, with replies, deep-equal', () => {
		const back = roundTrip(all);
		expect(back.errors).toEqual([]);
		expect(back.annotations).toStrictEqual(all);
	});

	it.each(all.map((a) => [a.kind, a.id, a] as const))('keeps the %s %s alone', (_k, _id, a) => {
		const alone = a.attachedTo ? [all.find((f) => f.id === a.attachedTo)!, a] : [a];
		expect(roundTrip(alone)).toStrictEqual({ annotations: alone, errors: [] });
	});

	it('keeps random annotations on random texts with astral characters', () => {
		const char = fc.constantFrom('a', 'b', ' ', '.', '\n', '😃', '🇺🇸', 'é', '’', '"');
		const text = fc.array(char, { minLength: 2, maxLength: 60 }).map((cs) => cs.join(''));
		const span = (t: string) =>
			fc
				.tuple(fc.nat(t.length), fc.nat(t.length))
				.map(([x, y]) => ({ start: Math.min(x, y), end: Math.max(x, y) }))
				.filter(
					({ start, end }) =>
						start < end &&
						[start, end].every((o) => !/[\uDC00-\uDFFF]/.test(t[o] ?? '') || o === t.length)
				);
		const arbitrary = fc.tuple(text, text).chain(([ta, tb]) =>
			fc.record({
				ta: fc.constant(ta),
				tb: fc.constant(tb),
				sa: span(ta),
				sb: span(tb),
				note: fc.string({ unit: 'grapheme', maxLength: 40 }),
				kind: fc.constantFrom('shared-fact', 'framing', 'note' as const),
				side: fc.constantFrom<Side>('a', 'b')
			})
		);
		fc.assert(
			fc.property(arbitrary, ({ ta, tb, sa, sb, note, kind, side }) => {
				const articles = { a: { text: ta, version: 'va' }, b: { text: tb, version: 'vb' } };
				const a = createTarget(ta, 'a', 'va', sa);
				const b = createTarget(tb, 'b', 'vb', sb);
				const annotation: Annotation = {
					id: IDS.note,
					kind,
					targets: kind === 'shared-fact' ? [a, b] : [side === 'a' ? a : b],
					...(kind === 'shared-fact' ? { relation: 'contradicts' as const } : {}),
					...(kind === 'framing' ? { entman: 'remedy' as const } : {}),
					note: kind === 'note' ? `${note}?` : note,
					author: { id: 'u', name: note },
					scope: { kind: 'workspace', id: 'w' },
					createdAt: '2024-01-01T00:00:00.000Z',
					updatedAt: '2024-01-01T00:00:00.000Z',
					replies: []
				};
				expect(validateAnnotation(annotation, articles)).toStrictEqual({
					ok: true,
					value: annotation
				});
				const back = roundTrip([annotation], articles, optionsFor(articles));
				expect(back).toStrictEqual({ annotations: [annotation], errors: [] });
			}),
			{ numRuns: 200, seed: 20240318 }
		);
	});
});

describe('toAnnotationCollection', () => {
	const all = createAnnotationSet();
	const collection = toAnnotationCollection(all, OPTIONS);
	const items = itemsOf(collection);
	const byId = (id: string) => items.find((i) => i.id === `urn:uuid:${id}`)!;

	it('is one collection with one embedded page, every item self-contained', () => {
		expect(collection).toMatchObject({
			type: 'AnnotationCollection',
			id: 'https://parallax.example.org/comparisons/cmp-1#annotations',
			label: 'Deportations',
			total: 10,
			first: { type: 'AnnotationPage', startIndex: 0 }
		});
		expect(items).toHaveLength(10);
		for (const item of items) expect((item['@context'] as unknown[])[0]).toBe(ANNO_CONTEXT);
	});

	it.each([
		[IDS.fact, 'linking'],
		[IDS.framingA, 'classifying'],
		[IDS.note, 'questioning'],
		[IDS.noteB, 'commenting'],
		[IDS.reply1, 'replying']
	])('gives %s the motivation %s', (id, motivation) => {
		expect(byId(id).motivation).toBe(motivation);
	});

	it('writes replies after their annotation, targeting it', () => {
		const ids = items.map((i) => i.id);
		expect(ids.indexOf(`urn:uuid:${IDS.reply1}`)).toBe(ids.indexOf(`urn:uuid:${IDS.fact}`) + 1);
		expect(byId(IDS.reply2)).toMatchObject({
			target: `urn:uuid:${IDS.fact}`,
			body: { type: 'TextualBody', format: 'text/plain', purpose: 'replying' }
		});
	});

	it('counts positions in code points, after the emoji and the flag', () => {
		const target = byId(IDS.fact).target as JsonObject[];
		const [position, quote] = target[0].selector as JsonObject[];
		const utf16 = all[0].targets[0].start;
		const cp = Array.from(ARTICLES.a.text.slice(0, utf16)).length;
		expect(cp).toBe(utf16 - 3); // 😃 is one pair, 🇺🇸 two
		expect(position).toStrictEqual({ type: 'TextPositionSelector', start: cp, end: cp + 36 });
		expect(quote.exact).toBe('In March 2023, the Guardian revealed');
		expect(target[0].source).toBe(
			'https://parallax.example.org/articles/article-a?version=sha256-aaaa'
		);
	});

	it('labels the frame body for other tools and keeps the value for Parallax', () => {
		expect(byId(IDS.framingB).body).toContainEqual({
			type: 'TextualBody',
			value: 'Fairness and equality: class war',
			format: 'text/plain',
			purpose: 'classifying',
			'parallax:frame': 'fairness-and-equality/class-war'
		});
	});

	it('says where each article came from beside it, and nothing when that is unknown', () => {
		const link = {
			kind: 'link',
			url: 'https://a.example/x',
			fetchedAt: '2026-12-06T21:14:09.000Z'
		};
		const options: ExportOptions = {
			...OPTIONS,
			articles: {
				a: { ...OPTIONS.articles.a, origin: { ...link, kind: 'link', edited: true } },
				b: { ...OPTIONS.articles.b, origin: null }
			}
		};
		const [a, b] = toAnnotationCollection([], options)['parallax:articles'] as JsonObject[];
		expect(a).toMatchObject({
			'parallax:origin': 'link',
			'parallax:fetchedFrom': 'https://a.example/x',
			'parallax:fetchedAt': '2026-12-06T21:14:09.000Z',
			'parallax:edited': true
		});
		expect(Object.keys(b).filter((k) => /origin|fetched|fileName|edited/.test(k))).toEqual([]);
	});

	it.each([
		[
			{ kind: 'file', name: 'course-pack.pdf' },
			{ 'parallax:origin': 'file', 'parallax:fileName': 'course-pack.pdf' }
		],
		[{ kind: 'pasted' }, { 'parallax:origin': 'pasted' }],
		[null, {}]
	] as const)('originJson(%j)', (origin, json) => {
		expect(originJson(origin)).toStrictEqual(json);
	});

	it('is deterministic', () => {
		expect(JSON.stringify(toAnnotationCollection(all, OPTIONS))).toBe(JSON.stringify(collection));
	});

	it('exports an empty comparison', () => {
		const empty = toAnnotationCollection([], OPTIONS);
		expect(empty.total).toBe(0);
		expect(fromAnnotationCollection(empty, ARTICLES)).toStrictEqual({
			annotations: [],
			errors: [],
			itemOf: new Map()
		});
	});

	it('keeps only the quote of a target on another article version, which import keeps unplaced', () => {
		const stale = { ...all[6], targets: [{ ...all[6].targets[0], articleVersion: 'sha256-old' }] };
		const item = itemsOf(toAnnotationCollection([stale], OPTIONS))[0];
		const target = item.target as JsonObject;
		expect((target.selector as JsonObject[]).map((s) => s.type)).toEqual(['TextQuoteSelector']);
		expect(target.source).toMatch(/version=sha256-old$/);
		// without that version's text its offsets cannot be known: they stand in
		const { exact } = stale.targets[0];
		expect(roundTrip([stale])).toStrictEqual({
			annotations: [{ ...stale, targets: [{ ...stale.targets[0], start: 0, end: exact.length }] }],
			errors: []
		});
	});
});

import { describe, expect, it } from 'vitest';
import { hasValue, list, readAnnotation, readReply, type Indexes } from './jsonld-items';
import { px, uuidIri } from './jsonld-vocabulary';
import type { ComparisonTexts } from './model';
import { createCodePointIndex } from './selectors';

// an emoji before the passage, so code points (W3C) and UTF-16 offsets (the model) differ by one
const ARTICLES: ComparisonTexts = {
	a: { text: '🙂 The council approved the plan.', version: 'va' },
	b: { text: 'Plain text on side B.', version: 'vb' }
};
const INDEXES: Indexes = {
	a: createCodePointIndex(ARTICLES.a.text),
	b: createCodePointIndex(ARTICLES.b.text)
};
const ID = '0b7e3f52-9d2a-4c4e-8f1a-3a5b6c7d8e9f';

/** A W3C target on side A at code points [start, end). */
const targetA = (start: number, end: number) => ({
	type: 'SpecificResource',
	[px('side')]: 'a',
	[px('articleVersion')]: 'va',
	selector: [
		{ type: 'TextPositionSelector', start, end },
		{ type: 'TextQuoteSelector', exact: 'council', prefix: 'The ', suffix: ' approved' }
	]
});

describe('list and hasValue read one-or-many JSON-LD values', () => {
	it.each<[unknown, unknown[]]>([
		[undefined, []],
		[null, []],
		['x', ['x']],
		[
			['x', 'y'],
			['x', 'y']
		],
		[Array.from({ length: 50 }, (_, i) => i), Array.from({ length: 20 }, (_, i) => i)]
	])('list(%j)', (raw, expected) => {
		expect(list(raw)).toEqual(expected);
	});

	it.each<[unknown, string, boolean]>([
		['AnnotationCollection', 'AnnotationCollection', true],
		[['x', 'AnnotationPage'], 'AnnotationPage', true],
		['AnnotationPage', 'AnnotationCollection', false],
		[undefined, 'x', false]
	])('hasValue(%j, %s) is %s', (raw, value, expected) => {
		expect(hasValue(raw, value)).toBe(expected);
	});
});

describe('readAnnotation', () => {
	it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
		[
			'code points become UTF-16 offsets, the quote keeps its context',
			{ id: uuidIri(ID), motivation: 'commenting', target: targetA(6, 13), bodyValue: 'n' },
			{
				id: ID,
				kind: 'note',
				note: 'n',
				targets: [
					{
						side: 'a',
						articleVersion: 'va',
						start: 7,
						end: 14,
						exact: 'council',
						prefix: 'The ',
						suffix: ' approved'
					}
				]
			}
		],
		[
			'an id at the end of a URL, the kind from the motivation',
			{ id: `https://x.example/a/${ID}`, motivation: ['tagging'], target: [] },
			{ id: ID, kind: 'framing', targets: [], note: '' }
		],
		[
			'parallax:kind wins over the motivation; terms come from the bodies',
			{
				id: uuidIri(ID),
				motivation: 'commenting',
				[px('kind')]: 'shared-fact',
				body: [
					{ type: 'TextualBody', [px('relation')]: 'same' },
					{ type: 'SpecificResource', purpose: 'assessing', source: 'https://e.example' }
				]
			},
			{ kind: 'shared-fact', relation: 'same', evidenceUrl: 'https://e.example' }
		],
		[
			'an offset past the end stays past it, for a clear message later',
			{ id: uuidIri(ID), target: targetA(40, 45) },
			{ targets: [expect.objectContaining({ start: 41, end: 46 })] }
		]
	])('%s', (_name, item, expected) => {
		const { candidate, pre } = readAnnotation(item, ARTICLES, INDEXES);
		expect(candidate).toMatchObject(expected);
		expect(pre).toEqual([]);
	});

	it.each<[string, Record<string, unknown>, string]>([
		[
			'two notes',
			{
				body: [
					{ type: 'TextualBody', value: 'one' },
					{ type: 'TextualBody', value: 'two' }
				]
			},
			'note'
		],
		[
			'two relations',
			{
				body: [
					{ type: 'TextualBody', [px('relation')]: 'same' },
					{ type: 'TextualBody', [px('relation')]: 'contradicts' }
				]
			},
			'relation'
		]
	])('reports %s against its field', (_name, item, field) => {
		const { pre } = readAnnotation({ id: uuidIri(ID), ...item }, ARTICLES, INDEXES);
		expect(pre.map((e) => e.field)).toEqual([field]);
	});
});

describe('readReply', () => {
	it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
		[
			'the answered annotation from the target id',
			{
				id: uuidIri(ID),
				motivation: 'replying',
				target: { id: uuidIri('1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f') },
				body: { type: 'TextualBody', value: 'I agree' },
				created: '2026-12-01T10:00:00Z'
			},
			{
				id: ID,
				annotationId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
				note: 'I agree',
				createdAt: '2026-12-01T10:00:00Z',
				updatedAt: '2026-12-01T10:00:00Z'
			}
		],
		[
			'a bare IRI target and a bodyValue',
			{ id: uuidIri(ID), target: uuidIri(ID), bodyValue: 'ok' },
			{ annotationId: ID, note: 'ok' }
		]
	])('%s', (_name, item, expected) => {
		expect(readReply(item)).toMatchObject(expected);
	});
});

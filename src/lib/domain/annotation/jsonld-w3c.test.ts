import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../text/normalize';
import type { Side } from '../types';
import { quoteTarget } from './annotation-fixture';
import { fromAnnotationCollection, toAnnotationCollection, type JsonObject } from './jsonld';
import type { Annotation, ComparisonTexts } from './model';

/*
 * The W3C Web Annotation data-model test suite (w3c/web-annotation-tests, W3C test-suite licence
 * or BSD-3-Clause; see ../shared/evaldata/w3c-web-annotation-tests/PROVENANCE.md). Its *.test
 * files list the JSON-Schema (draft-04) assertions a conforming object must pass; we run the three
 * MUST lists: annotationMusts (54 assertions, on every item), collectionMusts (10, on the
 * collection) and pageMusts (15, on the collection with its embedded first page).
 */
const SUITE = fileURLToPath(
	new URL('../../../../../shared/evaldata/w3c-web-annotation-tests/', import.meta.url)
);
const SEEDS = new URL('../../../../seeds/', import.meta.url);

function walk(dir: string): string[] {
	return readdirSync(dir).flatMap((f) => {
		const path = join(dir, f);
		return statSync(path).isDirectory() ? walk(path) : [path];
	});
}

/** Every schema of the suite in one ajv; the two ids used twice get their path as id. */
function loadSuite() {
	const ajv = new Ajv({ allErrors: true, strict: false });
	addFormats(ajv);
	const idOfPath = new Map<string, string>();
	const ids = new Set<string>();
	for (const dir of ['definitions', 'annotations', 'collections']) {
		for (const file of walk(join(SUITE, dir)).filter((f) => f.endsWith('.json'))) {
			const schema = JSON.parse(readFileSync(file, 'utf8'));
			const path = relative(SUITE, file);
			// annotations/bodiesTargets and annotations/specificResource both define these two;
			// the path is unique, and neither is referenced by another schema
			if (ids.has(schema.id)) schema.id = path.replaceAll('/', '--');
			ids.add(schema.id);
			idOfPath.set(path, schema.id);
			ajv.addSchema(schema);
		}
	}
	const musts = (list: string) =>
		(JSON.parse(readFileSync(join(SUITE, list), 'utf8')) as { assertions: string[] }).assertions;
	/** The assertions of a MUST list that `data` fails. */
	const failures = (list: string, data: unknown) =>
		musts(list).filter((path) => {
			const validate = ajv.getSchema(idOfPath.get(path)!);
			if (!validate) throw new Error(`no schema for ${path}`);
			return !validate(data);
		});
	return { idOfPath, musts, failures };
}

const suite = loadSuite();
const ANNOTATION_MUSTS = 'annotations/annotationMusts.test';
const COLLECTION_MUSTS = 'collections/collectionMusts.test';
const PAGE_MUSTS = 'collections/pages/pageMusts.test';

/** The seed comparison, annotated by hand the way a class would. */
function seedComparison() {
	const texts = ['000_22ed28cde7db5cf9.txt', '004_cb2015502c2df88f.txt'].map(
		(f) => normalizeText(readFileSync(new URL(f, SEEDS), 'utf8')).text
	);
	const articles: ComparisonTexts = {
		a: { text: texts[0], version: 'seed-a-v1' },
		b: { text: texts[1], version: 'seed-b-v1' }
	};
	const t = (side: Side, quote: string) => quoteTarget(side, quote, articles);
	const common = {
		author: { id: 'teacher-1', name: 'Teacher' },
		scope: { kind: 'room', id: 'room-1' } as const,
		createdAt: '2024-04-02T10:00:00.000Z',
		updatedAt: '2024-04-02T10:05:00.000Z',
		replies: []
	};
	const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
	const annotations: Annotation[] = [
		{
			...common,
			id: id(1),
			kind: 'shared-fact',
			targets: [
				t(
					'a',
					'the Guardian revealed that the Biden administration had discreetly resumed deportations to Russia'
				),
				t('b', 'The Guardian reported this on March 18')
			],
			relation: 'different-detail',
			evidence: 'verified',
			evidenceUrl: 'https://www.theguardian.com/us-news/2023/mar/18/',
			note: 'March 2023 or March 18?',
			replies: [
				{
					id: id(101),
					annotationId: id(1),
					author: { id: 's1', name: 'Sam' },
					note: 'A says "discreetly".',
					createdAt: '2024-04-02T10:06:00.000Z',
					updatedAt: '2024-04-02T10:06:00.000Z'
				}
			]
		},
		{
			...common,
			id: id(2),
			kind: 'shared-fact',
			targets: [t('a', 'to avoid being drafted'), t('b', 'escape Putin’s draft')],
			relation: 'same',
			note: ''
		},
		{
			...common,
			id: id(3),
			kind: 'framing',
			targets: [t('a', 'starve Putin’s war machine')],
			frame: 'security-and-defense',
			entman: 'remedy',
			attachedTo: id(2),
			note: 'Welcoming deserters as a weapon.'
		},
		{
			...common,
			id: id(4),
			kind: 'framing',
			targets: [t('b', 'a heinous attack on people refusing to fight in a brutal capitalist war')],
			frame: 'morality/class-war',
			entman: 'moral-evaluation',
			attachedTo: id(2),
			note: ''
		},
		{
			...common,
			id: id(5),
			kind: 'note',
			targets: [t('a', '26,580 Russians')],
			note: 'Where does this number come from?'
		},
		{
			...common,
			id: id(6),
			kind: 'note',
			targets: [t('b', 'Joe Biden')],
			note: 'Headline names him.'
		}
	];
	const meta = (title: string) => ({ title, genre: 'opinion' as const });
	const options = {
		comparison: { id: 'seed', title: 'Russians who fled the draft', url: '/comparisons/seed' },
		articles: {
			a: {
				...articles.a,
				id: 'inkstick',
				meta: meta('Sending Russians Back to Putin'),
				url: '/articles/inkstick'
			},
			b: {
				...articles.b,
				id: 'left-voice',
				meta: meta('Joe Biden Is Deporting Russians'),
				url: '/articles/left-voice'
			}
		},
		baseUrl: 'https://parallax.example.org'
	};
	return { articles, annotations, options };
}

describe('W3C Web Annotation test suite, MUST assertions', () => {
	const { articles, annotations, options } = seedComparison();
	const collection = toAnnotationCollection(annotations, options);
	const items = (collection.first as JsonObject).items as JsonObject[];

	it('loads every schema of the suite', () => {
		expect(suite.idOfPath.size).toBe(237);
		expect(suite.musts(ANNOTATION_MUSTS)).toHaveLength(54);
		expect(suite.musts(COLLECTION_MUSTS)).toHaveLength(10);
		expect(suite.musts(PAGE_MUSTS)).toHaveLength(15);
	});

	it('the collection passes collectionMusts and pageMusts', () => {
		expect(suite.failures(COLLECTION_MUSTS, collection)).toEqual([]);
		expect(suite.failures(PAGE_MUSTS, collection)).toEqual([]);
	});

	it.each(items.map((item) => [item.id, item]))(
		'annotation %s passes annotationMusts',
		(_id, item) => {
			expect(suite.failures(ANNOTATION_MUSTS, item)).toEqual([]);
		}
	);

	it('exports every annotation and reply, and reads them back losslessly', () => {
		expect(items).toHaveLength(7);
		const back = fromAnnotationCollection(JSON.parse(JSON.stringify(collection)), articles);
		expect(back.errors).toEqual([]);
		expect(back.annotations).toStrictEqual(annotations);
	});

	it.each([
		['incorrect/anno3.json (no @context)', 'annotations/3.1-annotationContextValidated.json'],
		[
			'incorrect/anno28.json (created "yesterday")',
			'annotations/3.3.1-annotationCreatedValidated.json'
		],
		['incorrect/anno8.json', 'annotations/3.1-annotationTypeValidated.json']
	])('rejects the suite sample %s', (name, assertion) => {
		const sample = JSON.parse(
			readFileSync(join(SUITE, 'tools/samples', name.split(' ')[0]), 'utf8')
		);
		expect(suite.failures(ANNOTATION_MUSTS, sample)).toContain(assertion);
	});

	it.each([
		[
			'a position counted as text',
			(t: JsonObject) => ((t.selector as JsonObject[])[0].start = '7'),
			'4.2-TextDataPositionSelectorValid'
		],
		[
			'a quote without exact',
			(t: JsonObject) => delete (t.selector as JsonObject[])[1].exact,
			'4.2.4-textQuoteSelectorValid'
		]
	])('rejects our own export broken by %s', (_name, breakIt, assertion) => {
		const broken = structuredClone(items[0]);
		breakIt((broken.target as JsonObject[])[0]);
		expect(suite.failures(ANNOTATION_MUSTS, broken).join(' ')).toContain(assertion);
	});

	it('rejects a collection without a first page when it has annotations', () => {
		const broken: JsonObject = { ...collection };
		delete broken.first;
		expect(suite.failures(COLLECTION_MUSTS, broken)).toContain(
			'collections/5.1-collectionFirstValidated.json'
		);
	});
});

import { describe, expect, it } from 'vitest';
import { ARTICLES, IDS, createAnnotationSet, quoteTarget } from './annotation-fixture';
import { unknownPosition, type Annotation } from './model';
import { buildWorksheet } from './worksheet';

const all = createAnnotationSet();
const find = (id: string) => all.find((a) => a.id === id)!;
const ids = (rows: { annotationId: string }[]) => rows.map((r) => r.annotationId);

describe('buildWorksheet on the fixture', () => {
	const rows = buildWorksheet(all, ARTICLES);
	const row = (id: string) => rows.find((r) => r.annotationId === id)!;

	it('orders rows by article A, then the rows only in B', () => {
		expect(ids(rows)).toEqual([IDS.note, IDS.fact, IDS.fact2, IDS.framingLoose, IDS.noteB]);
	});

	it('puts the fact in the middle and attached framings on their wings', () => {
		expect(row(IDS.fact2)).toStrictEqual({
			kind: 'shared-fact',
			annotationId: IDS.fact2,
			fact: {
				a: 'Many fled to avoid the draft',
				b: 'came to escape Putin’s draft',
				relation: 'Same fact'
			},
			aFraming: [
				{
					annotationId: IDS.framingA,
					quote: 'sending them back is cruel',
					frame: 'Morality',
					entman: 'Moral evaluation',
					note: '=A moral wing, "quoted", with, commas',
					author: 'Dana 🦊',
					attached: true,
					replies: []
				}
			],
			bFraming: [
				{
					annotationId: IDS.framingB,
					quote: 'a heinous attack on people refusing to fight',
					frame: 'Fairness and equality: class war',
					entman: '',
					note: '',
					author: 'Ms. Okafor',
					attached: true,
					replies: []
				}
			],
			frames: ['Morality', 'Fairness and equality: class war'],
			note: '',
			author: 'Dana 🦊',
			replies: [],
			earlierVersion: false
		});
	});

	it('puts an unattached framing that overlaps an end on that wing, with the evidence', () => {
		const fact = row(IDS.fact);
		expect(ids(fact.aFraming)).toEqual([]);
		expect(fact.bFraming).toMatchObject([
			{ annotationId: IDS.framingOverlap, frame: '', entman: 'Problem definition', attached: false }
		]);
		expect(fact.frames).toEqual([]);
		expect(fact.author).toBe('Ms. Okafor');
		expect(fact.replies).toStrictEqual([
			{
				id: IDS.reply1,
				author: 'Dana 🦊',
				note: 'Is "quietly" the same as "no official announcement"?'
			},
			{
				id: IDS.reply2,
				author: 'Ms. Okafor',
				note: 'Good question, line 2:\n"quietly" is A’s word.'
			}
		]);
		expect(fact.evidence).toStrictEqual({
			status: 'Verified',
			url: 'https://www.theguardian.com/us-news/2023/mar/18/russia-deportations'
		});
	});

	it('gives loose framings and notes rows of their own', () => {
		expect(row(IDS.framingLoose)).toMatchObject({
			kind: 'framing',
			passage: { side: 'a', quote: 'starve Putin’s war machine' },
			aFraming: [{ annotationId: IDS.framingLoose, frame: 'Security and defense' }],
			bFraming: [],
			frames: ['Security and defense'],
			note: ''
		});
		expect(row(IDS.noteB)).toMatchObject({
			kind: 'note',
			passage: { side: 'b', quote: 'Let them all in!' },
			aFraming: [],
			bFraming: [],
			note: '+1 this is the remedy\r\n@teacher'
		});
		expect(row(IDS.note).fact).toBeUndefined();
	});
});

describe('buildWorksheet cases', () => {
	const framing = (id: string, patch: Partial<Annotation>): Annotation => ({
		...find(IDS.framingLoose),
		id,
		...patch
	});
	/** The annotation with its passage in A on an earlier version, its offsets standing in or not. */
	const onEarlier = (a: Annotation, standIn = false): Annotation => ({
		...a,
		targets: a.targets.map((t) =>
			t.side === 'a'
				? { ...t, articleVersion: 'old', ...(standIn ? unknownPosition(t.exact) : {}) }
				: t
		)
	});
	const overlapBoth = framing('f0000000-0000-4000-8000-000000000001', {
		targets: [quoteTarget('a', 'the Guardian revealed that the Biden administration had resumed')]
	});

	it.each<[string, Annotation[], string[], Record<string, string[]>]>([
		['nothing', [], [], {}],
		[
			'a framing overlapping two facts sits on the first only (never printed twice)',
			[
				find(IDS.fact),
				{
					...find(IDS.fact2),
					targets: [quoteTarget('a', 'Biden administration'), find(IDS.fact2).targets[1]]
				},
				overlapBoth
			],
			[IDS.fact, IDS.fact2],
			{ [IDS.fact]: [overlapBoth.id], [IDS.fact2]: [] }
		],
		[
			'an attached framing stays off the fact it only overlaps',
			[find(IDS.fact), find(IDS.fact2), { ...overlapBoth, attachedTo: IDS.fact2 }],
			[IDS.fact, IDS.fact2],
			{ [IDS.fact]: [], [IDS.fact2]: [overlapBoth.id] }
		],
		[
			'a framing attached to a deleted fact gets its own row',
			[find(IDS.framingA)],
			[IDS.framingA],
			{ [IDS.framingA]: [IDS.framingA] }
		],
		[
			'a framing on an earlier article version does not overlap',
			[
				find(IDS.fact),
				{ ...overlapBoth, targets: [{ ...overlapBoth.targets[0], articleVersion: 'old' }] }
			],
			[IDS.fact, overlapBoth.id],
			{ [IDS.fact]: [] }
		],
		[
			'unplaced passages on one earlier version overlap as they did in it',
			[onEarlier(find(IDS.fact)), onEarlier(overlapBoth)],
			[IDS.fact],
			{ [IDS.fact]: [overlapBoth.id] }
		],
		[
			'stand-in offsets (imported without that version’s text) overlap nothing',
			[onEarlier(find(IDS.fact), true), onEarlier(overlapBoth, true)],
			[IDS.fact, overlapBoth.id],
			{ [IDS.fact]: [] }
		]
	])('%s', (_name, annotations, order, aWings) => {
		const rows = buildWorksheet(annotations, ARTICLES);
		expect(ids(rows)).toEqual(order);
		for (const [id, wing] of Object.entries(aWings)) {
			expect(ids(rows.find((r) => r.annotationId === id)!.aFraming)).toEqual(wing);
		}
	});

	it('prints every framing exactly once on the whole fixture', () => {
		const rows = buildWorksheet(all, ARTICLES);
		const printed = rows.flatMap((r) => [...r.aFraming, ...r.bFraming].map((f) => f.annotationId));
		expect(printed.sort()).toEqual(
			all
				.filter((a) => a.kind === 'framing')
				.map((a) => a.id)
				.sort()
		);
	});

	it('a class worksheet puts only the fact author’s framings on the wings', () => {
		const rows = buildWorksheet(all, ARTICLES, { sameAuthor: true });
		const fact2 = rows.find((r) => r.annotationId === IDS.fact2)!;
		// Dana's fact keeps Dana's framing; Ms. Okafor's framing of it gets a row of its own
		expect(ids(fact2.aFraming)).toEqual([IDS.framingA]);
		expect(ids(fact2.bFraming)).toEqual([]);
		expect(rows.find((r) => r.annotationId === IDS.framingB)).toMatchObject({
			kind: 'framing',
			author: 'Ms. Okafor',
			bFraming: [{ annotationId: IDS.framingB, author: 'Ms. Okafor' }]
		});
		// Dana's loose framing overlapping Ms. Okafor's fact stays off it
		expect(ids(rows.find((r) => r.annotationId === IDS.fact)!.bFraming)).toEqual([]);
		for (const row of rows.filter((r) => r.kind === 'shared-fact'))
			for (const f of [...row.aFraming, ...row.bFraming]) expect(f.author).toBe(row.author);
	});

	it('flags a row quoting an earlier article version', () => {
		const newer = { ...ARTICLES, b: { ...ARTICLES.b, version: 'sha256-newer' } };
		const flags = buildWorksheet(all, newer).map((r) => [r.annotationId, r.earlierVersion]);
		expect(flags).toEqual([
			[IDS.note, false],
			[IDS.fact, true],
			[IDS.fact2, true],
			[IDS.framingLoose, false],
			[IDS.noteB, true]
		]);
	});
});

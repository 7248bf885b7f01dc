import { describe, expect, it } from 'vitest';
import { createArticle } from './article-fixture';
import {
	applyThemeEdits,
	applyThemeEditsWithReport,
	parseThemeEdit,
	type ThemeEdit
} from './theme-edits';
import { measureTheme, type Theme } from './theme-measure';

const A = createArticle([
	['The draft sent men to war.'],
	['Deportation flights resumed.'],
	['Asylum was denied.'],
	['The army grew.']
]);
const B = createArticle([
	['Capitalists profit from war.'],
	['The working class pays for deportation.'],
	['Soldiers are workers.']
]);
const FACTS = [
	{ a: { sentence: 0 }, b: { sentence: 0 } },
	{ a: { sentence: 1 }, b: { sentence: 1 } }
];
const AUTO: Theme[] = [
	measureTheme(
		{ id: 'war', label: 'war / draft / army', terms: ['war', 'draft', 'army'] },
		A,
		B,
		FACTS
	),
	measureTheme(
		{ id: 'deportation', label: 'deportation / asylum', terms: ['deportation', 'asylum'] },
		A,
		B,
		FACTS
	),
	measureTheme(
		{
			id: 'capitalist',
			label: 'capitalist / working class',
			terms: ['capitalist', 'working class']
		},
		A,
		B,
		FACTS
	)
];

const summary = (themes: Theme[]) => themes.map((t) => `${t.id}:${t.label}:${t.terms.join(',')}`);

describe('applyThemeEdits', () => {
	const cases: { name: string; edits: ThemeEdit[]; expected: string[] }[] = [
		{ name: 'no edits', edits: [], expected: summary(AUTO) },
		{
			name: 'rename keeps id and terms',
			edits: [{ op: 'rename', id: 'war', label: ' Conscription ' }],
			expected: ['war:Conscription:war,draft,army', summary(AUTO)[1], summary(AUTO)[2]]
		},
		{
			name: 'merge takes the first id, joins labels, unites terms',
			edits: [{ op: 'merge', ids: ['deportation', 'war'] }],
			expected: [
				'deportation:deportation / asylum + war / draft / army:deportation,asylum,war,draft,army',
				summary(AUTO)[2]
			]
		},
		{
			name: 'split moves terms to a new theme placed after the old one',
			edits: [{ op: 'split', id: 'war', terms: ['Army'], label: 'Armed forces' }],
			expected: [
				'war:war / draft / army:war,draft',
				'armed-forces:Armed forces:army',
				...summary(AUTO).slice(1)
			]
		},
		{
			name: 'add and remove',
			edits: [
				{ op: 'remove', id: 'capitalist' },
				{ op: 'add', label: 'Deportation', terms: ['flight', ' flight ', 'resume'] }
			],
			expected: [...summary(AUTO).slice(0, 2), 'deportation-2:Deportation:flight,resume']
		},
		{
			name: 'a later edit may refer to a theme an earlier edit created',
			edits: [
				{ op: 'add', label: 'Soldiers', terms: ['soldier'] },
				{ op: 'merge', ids: ['soldiers', 'war'], label: 'Military' }
			],
			expected: [...summary(AUTO).slice(1), 'soldiers:Military:soldier,war,draft,army']
		}
	];
	it.each(cases)('$name', ({ edits, expected }) => {
		expect(summary(applyThemeEdits(AUTO, edits, A, B, FACTS))).toEqual(expected);
	});

	it('re-measures a theme whose terms changed', () => {
		const [merged] = applyThemeEdits(
			AUTO,
			[{ op: 'merge', ids: ['war', 'deportation'], label: 'All' }],
			A,
			B,
			FACTS
		);
		expect(merged.sentencesA).toEqual([0, 1, 2, 3]);
		expect(merged.shareA).toBe(1);
		expect(merged.sentencesB).toEqual([0, 1]);
		expect(merged.shareB).toBeCloseTo(2 / 3, 9);
		expect(merged.sharedFacts).toEqual([0, 1]);
		expect(merged.overlap).toBe(2);
		const added = applyThemeEdits(
			AUTO,
			[{ op: 'add', label: 'Soldiers', terms: ['soldiers'] }],
			A,
			B,
			FACTS
		)[3];
		expect(added).toMatchObject({ id: 'soldiers', sentencesA: [], sentencesB: [2], shareA: 0 });
	});

	it('keeps the measured theme when only its label changes', () => {
		const [renamed] = applyThemeEdits(AUTO, [{ op: 'rename', id: 'war', label: 'W' }], A, B, FACTS);
		expect({ ...renamed, label: AUTO[0].label }).toEqual(AUTO[0]);
	});
});

describe('applyThemeEditsWithReport: edits that cannot apply are skipped and reported', () => {
	const cases: { name: string; edit: ThemeEdit; reason: string; detail: string[] }[] = [
		{
			name: 'rename of a missing theme',
			edit: { op: 'rename', id: 'gone', label: 'x' },
			reason: 'missing-id',
			detail: ['gone']
		},
		{
			name: 'merge with a missing theme',
			edit: { op: 'merge', ids: ['war', 'gone'] },
			reason: 'missing-id',
			detail: ['gone']
		},
		{
			name: 'merge of one theme',
			edit: { op: 'merge', ids: ['war', 'war'] },
			reason: 'empty',
			detail: ['war']
		},
		{
			name: 'remove of a missing theme',
			edit: { op: 'remove', id: 'gone' },
			reason: 'missing-id',
			detail: ['gone']
		},
		{
			name: 'split with a foreign term',
			edit: { op: 'split', id: 'war', terms: ['asylum'], label: 'x' },
			reason: 'not-in-theme',
			detail: ['asylum']
		},
		{
			name: 'split without a label',
			edit: { op: 'split', id: 'war', terms: ['army'], label: ' ' },
			reason: 'empty',
			detail: ['label']
		},
		{
			name: 'add without terms',
			edit: { op: 'add', label: 'x', terms: [' '] },
			reason: 'empty',
			detail: ['terms']
		},
		{
			name: 'rename to an empty label',
			edit: { op: 'rename', id: 'war', label: '' },
			reason: 'empty',
			detail: ['label']
		}
	];
	it.each(cases)('$name', ({ edit, reason, detail }) => {
		const result = applyThemeEditsWithReport(
			AUTO,
			[edit, { op: 'rename', id: 'capitalist', label: 'Class' }],
			A,
			B,
			FACTS
		);
		expect(result.ignored).toEqual([{ index: 0, edit, reason, detail }]);
		// the themes are untouched by the skipped edit; the next edit still applies
		expect(summary(result.themes)).toEqual([
			summary(AUTO)[0],
			summary(AUTO)[1],
			'capitalist:Class:capitalist,working class'
		]);
	});
});

describe('parseThemeEdit', () => {
	it.each([
		[
			{ op: 'rename', id: 'a', label: 'b' },
			{ op: 'rename', id: 'a', label: 'b' }
		],
		[
			{ op: 'merge', ids: ['a', 'b'] },
			{ op: 'merge', ids: ['a', 'b'] }
		],
		[
			{ op: 'merge', ids: ['a'], label: 'c', extra: 1 },
			{ op: 'merge', ids: ['a'], label: 'c' }
		],
		[
			{ op: 'split', id: 'a', terms: ['x'], label: 'y' },
			{ op: 'split', id: 'a', terms: ['x'], label: 'y' }
		],
		[
			{ op: 'add', label: 'y', terms: [] },
			{ op: 'add', label: 'y', terms: [] }
		],
		[
			{ op: 'remove', id: 'a' },
			{ op: 'remove', id: 'a' }
		],
		[{ op: 'remove' }, null],
		[{ op: 'merge', ids: 'a' }, null],
		[{ op: 'merge', ids: ['a'], label: 3 }, null],
		[{ op: 'split', id: 'a', terms: [1], label: 'y' }, null],
		[{ op: 'drop', id: 'a' }, null],
		[null, null],
		['remove', null]
	])('%j → %j', (input, expected) => {
		expect(parseThemeEdit(input)).toEqual(expected);
	});
});

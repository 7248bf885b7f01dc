import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { segmentArticle } from '../text/segment';
import { createArticle } from './article-fixture';
import { measureTheme, slugify } from './theme-measure';
import { buildThemes, type Theme } from './themes';

const A = createArticle([
	['The army called up more soldiers for the war.'],
	['Many men fled the draft and sought asylum abroad.'],
	['Officials ordered the deportation of asylum seekers.'],
	['Deportation flights resumed and asylum claims were denied.'],
	['The draft sent soldiers to the army.'],
	{ sentences: ['Donate to support our asylum reporting.'], furniture: true }
]);
const B = createArticle([
	['Capitalists profit while the working class pays for the war.'],
	['The working class must unite against capitalists.'],
	['Soldiers of the army are workers too.'],
	['Deportation of refugees serves capitalists.']
]);
const FACTS = [
	{ a: { sentence: 2 }, b: { sentence: 3 } }, // deportation in both
	{ a: { sentence: 0 }, b: { sentence: 2 } }, // army and soldiers in both
	{ a: { sentence: 1 }, b: { sentence: 1 } }
];

const withTerms = (themes: Theme[], ...terms: string[]) =>
	themes.find((t) => terms.every((term) => t.terms.includes(term)));

describe('buildThemes on a small pair', () => {
	const themes = buildThemes(A, B, FACTS);

	it('groups related terms and keeps unrelated groups apart', () => {
		const war = withTerms(themes, 'army', 'soldier', 'draft');
		const migration = withTerms(themes, 'deportation', 'asylum');
		const class_ = withTerms(themes, 'capitalist', 'working class');
		expect(war).toBeDefined();
		expect(migration).toBeDefined();
		expect(class_).toBeDefined();
		expect(war).not.toBe(migration);
		expect(war?.terms).not.toContain('asylum');
		expect(migration?.terms).not.toContain('capitalist');
	});

	it('measures shares over body sentences and counts shared facts inside a theme', () => {
		const migration = withTerms(themes, 'deportation', 'asylum')!;
		expect(migration.sentencesA).toEqual([1, 2, 3]); // the furniture sentence is not counted
		expect(migration.shareA).toBeCloseTo(3 / 5, 9);
		expect(migration.sentencesB).toEqual([3]);
		expect(migration.shareB).toBeCloseTo(1 / 4, 9);
		expect(migration.sharedFacts).toEqual([0]);
		expect(migration.overlap).toBe(1);
		const war = withTerms(themes, 'army', 'soldier')!;
		expect(war.sharedFacts).toContain(1);
	});

	it('gives unique slug ids and readable labels, deterministically', () => {
		expect(new Set(themes.map((t) => t.id)).size).toBe(themes.length);
		for (const t of themes) {
			expect(t.id).toBe(slugify(t.id));
			expect(t.label.split(' / ').length).toBeLessThanOrEqual(3);
			expect(t.terms.length).toBeGreaterThanOrEqual(2);
		}
		expect(buildThemes(A, B, FACTS)).toEqual(themes);
	});
});

describe('measureTheme: which words a term matches', () => {
	const article = createArticle([
		['The United States deported Russians.'],
		['Workers united against the war.'],
		['The working classes suffer.']
	]);
	const empty = createArticle([['Nothing here.']]);
	const cases: { term: string; count: number; sentences: number[] }[] = [
		// a single word does not match inside a name
		{ term: 'unite', count: 1, sentences: [1] },
		{ term: 'United States', count: 1, sentences: [0] },
		{ term: 'states', count: 0, sentences: [] },
		// inflected forms through the lemmatiser
		{ term: 'working class', count: 1, sentences: [2] },
		{ term: 'deport', count: 1, sentences: [0] },
		{ term: 'deportation', count: 0, sentences: [] },
		{ term: '  ', count: 0, sentences: [] }
	];
	it.each(cases)('$term → $count', ({ term, count, sentences }) => {
		const theme = measureTheme({ id: 'x', label: 'x', terms: [term] }, article, empty, []);
		expect(theme.termCounts[0]?.a ?? 0).toBe(count);
		expect(theme.sentencesA).toEqual(sentences);
		expect(theme.shareA).toBeCloseTo(sentences.length / 3, 9);
	});
});

describe('slugify', () => {
	it.each([
		['Capitalism / class', 'capitalism-class'],
		['Déportation', 'deportation'],
		['united states', 'united-states'],
		['!!!', 'theme']
	])('%s → %s', (label, slug) => {
		expect(slugify(label)).toBe(slug);
	});
});

describe('buildThemes on the seed pair', () => {
	const read = (f: string) => segmentArticle(readFileSync(`seeds/${f}`, 'utf8'));
	const a = read('000_22ed28cde7db5cf9.txt');
	const b = read('004_cb2015502c2df88f.txt');
	const themes = buildThemes(a, b, []);

	it('finds 4–10 themes, the draft, deportation and class struggle among them', () => {
		expect(themes.length).toBeGreaterThanOrEqual(4);
		expect(themes.length).toBeLessThanOrEqual(10);
		expect(withTerms(themes, 'draft', 'conscription')).toBeDefined();
		expect(withTerms(themes, 'deportation', 'asylum')).toBeDefined();
		expect(withTerms(themes, 'capitalist', 'working class')).toBeDefined();
	});

	it('lists only body sentences, ascending', () => {
		for (const t of themes) {
			for (const [list, article] of [
				[t.sentencesA, a],
				[t.sentencesB, b]
			] as const) {
				expect([...list].sort((x, y) => x - y)).toEqual(list);
				for (const s of list) expect(article.sentences[s].furniture).toBe(false);
			}
		}
	});
});

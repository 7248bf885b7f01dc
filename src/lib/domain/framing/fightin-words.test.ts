import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { segmentArticle } from '../text/segment';
import { createArticle } from './article-fixture';
import { buildTerms, logOdds } from './fightin-words';
import type { BackgroundPrior } from './frequency-prior';

describe('logOdds (Monroe et al. 2008, eq. 16 and 18–19)', () => {
	// δ = ln[(yA+α)/(nA+α0−yA−α)] − ln[(yB+α)/(nB+α0−yB−α)], ζ = δ / sqrt(1/(yA+α) + 1/(yB+α))
	const cases = [
		// ln(4/26) − ln(2/28) = 0.767255; σ = sqrt(1/4 + 1/2) = 0.866025
		{ yA: 3, yB: 1, nA: 10, nB: 10, alpha: 1, alpha0: 20, delta: 0.767255, zeta: 0.88595 },
		// symmetric counts and sizes: no difference
		{ yA: 2, yB: 2, nA: 10, nB: 10, alpha: 0.5, alpha0: 20, delta: 0, zeta: 0 },
		// swapping the articles flips the sign
		{ yA: 1, yB: 3, nA: 10, nB: 10, alpha: 1, alpha0: 20, delta: -0.767255, zeta: -0.88595 },
		// same count in a longer article A is a lower rate: leans to B; ln(3/117) − ln(3/27)
		{ yA: 2, yB: 2, nA: 100, nB: 10, alpha: 1, alpha0: 20, delta: -1.466337, zeta: -1.795889 }
	];
	it.each(cases)('y=$yA/$yB n=$nA/$nB α=$alpha → δ=$delta', (c) => {
		const r = logOdds(c.yA, c.yB, c.nA, c.nB, c.alpha, c.alpha0);
		expect(r.delta).toBeCloseTo(c.delta, 5);
		expect(r.zeta).toBeCloseTo(c.zeta, 4);
	});
});

describe('buildTerms on a hand-computed pair', () => {
	// A: draft ×2, war ×1 (nA = 3); B: war ×2, peace ×1 (nB = 3); α0 = nA + nB = 6, λ = 0.5
	// α_draft = 6·(0.5·10/1000 + 0.5·2/6) = 1.03 → δ = ln(3.03/5.97) − ln(1.03/7.97) = 1.367941,
	//   ζ = 1.367941 / sqrt(1/3.03 + 1/1.03) = 1.199346
	// α_war = 6·(0.5·100/1000 + 0.5·3/6) = 1.8 → δ = ln(2.8/(3+6−1−1.8)) − ln(3.8/(3+6−2−1.8))
	//   = ln(2.8/6.2) − ln(3.8/5.2) = −0.481272, ζ = −0.481272 / sqrt(1/2.8 + 1/3.8) = −0.611068
	const prior: BackgroundPrior = {
		total: 1000,
		counts: new Map([
			['draft', 10],
			['war', 100]
		])
	};
	const a = createArticle([
		['Draft draft war.'],
		{ sentences: ['Peace peace peace.'], furniture: true }
	]);
	const b = createArticle([['War war peace.']]);
	const terms = buildTerms(a, b, { prior });

	it('computes δ and ζ of each side’s term', () => {
		expect(terms.a.map((t) => t.lemma)).toEqual(['draft']);
		expect(terms.a[0].delta).toBeCloseTo(1.367941, 5);
		expect(terms.a[0].zeta).toBeCloseTo(1.199346, 5);
		expect(terms.b.map((t) => t.lemma)).toEqual(['war']);
		expect(terms.b[0].delta).toBeCloseTo(-0.481272, 5);
		expect(terms.b[0].zeta).toBeCloseTo(-0.611068, 5);
	});

	it('ignores furniture and keeps a single occurrence out of the ranking', () => {
		// "peace" in A's furniture does not count; B's single "peace" is below minCount 2
		expect(terms.b.find((t) => t.lemma === 'peace')).toBeUndefined();
		expect(buildTerms(a, b, { prior, minCount: 1 }).b.map((t) => t.lemma)).toEqual([
			'peace',
			'war'
		]);
	});

	it('records counts, surface forms and every occurrence in both articles', () => {
		const draft = terms.a[0];
		expect([draft.countA, draft.countB]).toEqual([2, 0]);
		expect(draft.forms).toEqual(['Draft', 'draft']);
		expect(draft.occurrences.a.map((s) => a.text.slice(s.start, s.end))).toEqual([
			'Draft',
			'draft'
		]);
		const war = terms.b[0];
		expect(war.occurrences.a.map((s) => a.text.slice(s.start, s.end))).toEqual(['war']);
		expect(war.occurrences.b.map((s) => b.text.slice(s.start, s.end))).toEqual(['War', 'war']);
	});
});

describe('buildTerms on the seed pair', () => {
	const read = (f: string) => segmentArticle(readFileSync(`seeds/${f}`, 'utf8'));
	const a = read('000_22ed28cde7db5cf9.txt');
	const b = read('004_cb2015502c2df88f.txt');
	const terms = buildTerms(a, b);

	it('ranks each side by ζ, strongest first, within the limit', () => {
		expect(terms.a.length).toBeLessThanOrEqual(25);
		expect(terms.a.every((t) => t.zeta > 0)).toBe(true);
		expect(terms.b.every((t) => t.zeta < 0)).toBe(true);
		for (const side of [terms.a, terms.b]) {
			for (let i = 1; i < side.length; i++) {
				expect(Math.abs(side[i - 1].zeta)).toBeGreaterThanOrEqual(Math.abs(side[i].zeta));
			}
		}
	});

	it('finds each op-ed’s own vocabulary', () => {
		const top = (list: typeof terms.a) => list.slice(0, 10).map((t) => t.lemma);
		expect(top(terms.a)).toEqual(expect.arrayContaining(['mckee', 'draft', 'immigration']));
		expect(top(terms.b)).toEqual(expect.arrayContaining(['capitalist', 'working class']));
	});

	it('gives spans that slice to the term’s surface forms', () => {
		for (const t of [...terms.a, ...terms.b]) {
			for (const s of t.occurrences.a) expect(t.forms).toContain(a.text.slice(s.start, s.end));
			for (const s of t.occurrences.b) expect(t.forms).toContain(b.text.slice(s.start, s.end));
		}
	});

	it('is deterministic', () => {
		expect(buildTerms(a, b)).toEqual(terms);
	});
});

describe('buildTerms leaves house style out of the ranking', () => {
	// A reports with "said", "told" and "according to" again and again; B never does
	const a = segmentArticle(
		'Officials said the dam broke. Residents told reporters the dam failed, according to police. ' +
			'The mayor said the dam was old, engineers said, and the governor told the press it broke. ' +
			'Police said the flood spread, the mayor noted, according to officials.'
	);
	const b = segmentArticle('The flood spread across the valley. The flood reached the town.');

	it.each(['say', 'tell', 'accord', 'according', 'note'])('never ranks "%s"', (lemma) => {
		const terms = buildTerms(a, b);
		expect([...terms.a, ...terms.b].map((t) => t.lemma)).not.toContain(lemma);
	});

	it('still ranks the words that differ', () => {
		expect(buildTerms(a, b).a.map((t) => t.lemma)).toContain('dam');
	});
});

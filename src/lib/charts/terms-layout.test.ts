import { describe, expect, it } from 'vitest';
import { estimateTextWidth } from './text-fit';
import { loadSeedFixture } from '$lib/test-support/seed-fixture';
import { buildTermsLayout, TERMS_LAYOUT, type TermInput } from './terms-layout';

const t = (lemma: string, zeta: number, countA = 3, countB = 1): TermInput => ({
	lemma,
	zeta,
	countA,
	countB
});
const TERMS = {
	a: [t('asylum', 2), t('draft', 1)],
	b: [t('capitalist', -3, 0, 6), t('class', -1.5, 0, 4), t('fight', -0.75, 1, 5)]
};

describe('buildTermsLayout', () => {
	it.each([375, 640])(
		'at %d px: A bars left of the labels, B bars right, lengths ∝ |ζ|',
		(width) => {
			const layout = buildTermsLayout(TERMS, width);
			for (const row of layout.rows) {
				if (row.a) {
					expect(row.a.x + row.a.width).toBeLessThan(row.a.labelX);
					expect(row.a.labelX).toBeLessThanOrEqual(layout.centre);
					expect(row.a.x).toBeGreaterThanOrEqual(TERMS_LAYOUT.margin);
				}
				if (row.b) {
					expect(row.b.x).toBeGreaterThan(row.b.labelX);
					expect(row.b.labelX).toBeGreaterThanOrEqual(layout.centre);
					expect(row.b.x + row.b.width).toBeLessThanOrEqual(width - TERMS_LAYOUT.margin);
				}
			}
			const [r0, r1, r2] = layout.rows;
			expect(r0.b!.width / r0.a!.width).toBeCloseTo(1.5, 1);
			expect(r0.a!.width / r1.a!.width).toBeCloseTo(2, 1);
			expect(r0.b!.width / r2.b!.width).toBeCloseTo(4, 1);
		}
	);

	it('pairs ranks, leaving a side empty when its list is shorter', () => {
		const layout = buildTermsLayout(TERMS, 640);
		expect(layout.rows.map((r) => [r.rank, r.a?.lemma, r.b?.lemma])).toEqual([
			[1, 'asylum', 'capitalist'],
			[2, 'draft', 'class'],
			[3, undefined, 'fight']
		]);
	});

	it.each([
		['limit cuts each side', 1, 1],
		['limit 0 draws nothing', 0, 0],
		['limit beyond the lists', 10, 3]
	])('%s', (_name, limit, rows) => {
		expect(buildTermsLayout(TERMS, 640, limit).rows).toHaveLength(rows);
	});

	it('re-sorts by strength, then lemma', () => {
		const layout = buildTermsLayout({ a: [t('b', 1), t('c', 2), t('a', 1)], b: [] }, 640);
		expect(layout.rows.map((r) => r.a?.lemma)).toEqual(['c', 'a', 'b']);
	});

	it('labels marks with ζ and counts', () => {
		const row = buildTermsLayout(TERMS, 640).rows[0];
		expect(row.a!.ariaLabel).toBe(
			'Term asylum, distinctive of A: strength 2.0; 3 times in A, 1 in B'
		);
		expect(row.b!.ariaLabel).toBe(
			'Term capitalist, distinctive of B: strength 3.0; 0 times in A, 6 in B'
		);
		expect(row.b!.valueText).toBe('3.0');
	});

	it.each([
		[375, ''],
		[640, '2.0']
	])('at %d px shows ζ values at the bar ends: %j', (width, text) => {
		expect(buildTermsLayout(TERMS, width).rows[0].a!.valueText).toBe(text);
	});

	it('wraps a long multi-word term onto two lines that fit beside its bar on a phone', () => {
		const long = { a: [t('informal network of volunteers', 1)], b: [t('x', -1)] };
		const layout = buildTermsLayout(long, 375);
		const a = layout.rows[0].a!;
		expect(a.lines).toHaveLength(2);
		expect(a.label).toBe(a.lines.join(' '));
		for (const line of a.lines)
			expect(a.labelX - estimateTextWidth(line, TERMS_LAYOUT.labelFont)).toBeGreaterThan(
				a.x + a.width
			);
		expect(layout.rows[0].height).toBe(TERMS_LAYOUT.wrappedRowHeight);
	});

	it('cuts a single word too long for its room, and keeps short rows when nothing wraps', () => {
		const layout = buildTermsLayout({ a: [t('antidisestablishmentarianism', 1)], b: [] }, 300);
		const a = layout.rows[0].a!;
		expect(a.lines).toHaveLength(1);
		expect(a.label.endsWith('…')).toBe(true);
		expect(layout.rows[0].height).toBe(TERMS_LAYOUT.rowHeight);
	});

	it.each([
		['empty', { a: [], b: [] }],
		['NaN ζ', { a: [t('x', NaN)], b: [t('y', 0)] }]
	])('%s gives finite numbers', (_name, terms) => {
		const layout = buildTermsLayout(terms, 640);
		expect(JSON.stringify(layout)).not.toMatch(/null|NaN/);
		for (const r of layout.rows) expect(r.a?.width ?? 0).toBe(0);
	});

	it('lays out the seed ranking within 375 px', () => {
		const { analysis } = loadSeedFixture();
		const layout = buildTermsLayout(analysis.terms, 375);
		expect(layout.rows).toHaveLength(TERMS_LAYOUT.limit);
		expect(layout.rows[0].a?.lemma).toBe(analysis.terms.a[0].lemma);
		for (const r of layout.rows) {
			expect(r.a!.x).toBeGreaterThanOrEqual(0);
			expect(r.b!.x + r.b!.width).toBeLessThanOrEqual(375);
		}
	});
});

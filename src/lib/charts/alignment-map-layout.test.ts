import { describe, expect, it } from 'vitest';
import type { PassageRef } from '$lib/domain/alignment/types';
import {
	buildAlignmentMapLayout,
	linkPath,
	MAP_LAYOUT,
	toMapArticle,
	type AlignmentMapInput,
	type MapArticle
} from './alignment-map-layout';
import { RELATION_STYLES } from './palette';
import { loadSeedFixture } from '$lib/test-support/seed-fixture';

/** An article of `n` sentences of 100 characters each. */
function article(n: number): MapArticle {
	return {
		length: n * 100,
		sentences: Array.from({ length: n }, (_, i) => ({
			index: i,
			start: i * 100,
			end: i * 100 + 90,
			furniture: i === 0
		}))
	};
}
const ref = (sentence: number): PassageRef => ({
	sentence,
	start: sentence * 100,
	end: sentence * 100 + 90
});

const INPUT: AlignmentMapInput = {
	a: article(10),
	b: article(5),
	sharedFacts: [
		{ id: 'a1-b1', a: ref(1), b: ref(1), relation: 'same' },
		{ id: 'a8-b2', a: ref(8), b: ref(2), relation: 'different-detail' },
		{ id: 'a9-b4', a: ref(9), b: ref(4), relation: 'contradicts' }
	],
	oneSided: { a: [ref(3), ref(4)], b: [ref(3)] }
};

/** Numbers of an SVG path, as [x, y] pairs. */
function points(path: string): [number, number][] {
	const n = path.match(/-?\d+(\.\d+)?/g)!.map(Number);
	return Array.from({ length: n.length / 2 }, (_, i) => [n[2 * i], n[2 * i + 1]]);
}

describe('buildAlignmentMapLayout', () => {
	it.each([
		['twice as long', INPUT, 360, 180],
		['same length', { ...INPUT, b: article(10) }, 360, 360],
		['custom height', INPUT, 200, 100]
	])('strip heights ∝ text length: %s', (_name, input, height, heightB) => {
		const layout = buildAlignmentMapLayout(input, 375, height);
		expect(layout.strips.a.height).toBe(height);
		expect(layout.strips.b.height).toBe(heightB);
		expect(layout.height).toBeGreaterThanOrEqual(MAP_LAYOUT.headerHeight + height);
	});

	it.each([375, 640])(
		'at %d px: A strip on the left, B on the right, inside the chart',
		(width) => {
			const { strips } = buildAlignmentMapLayout(INPUT, width);
			expect(strips.a.x).toBeGreaterThanOrEqual(0);
			expect(strips.a.x + strips.a.width).toBeLessThan(strips.b.x);
			expect(strips.b.x + strips.b.width).toBeLessThanOrEqual(width);
		}
	);

	it('keeps every sentence tick within its strip, in text order', () => {
		const layout = buildAlignmentMapLayout(INPUT, 375);
		for (const s of [layout.strips.a, layout.strips.b]) {
			let last = -Infinity;
			for (const m of s.sentences) {
				expect(m.y).toBeGreaterThanOrEqual(s.y);
				expect(m.y + m.height).toBeLessThanOrEqual(s.y + s.height + 0.01);
				expect(m.y).toBeGreaterThan(last);
				last = m.y;
			}
		}
	});

	it('runs links from A strip’s inner edge to B strip’s, at their passages', () => {
		const layout = buildAlignmentMapLayout(INPUT, 375);
		const { a, b } = layout.strips;
		for (const link of layout.links) {
			const pts = points(link.path);
			expect(pts[0]).toEqual([a.x + a.width, link.y1]);
			expect(pts.at(-1)).toEqual([b.x, link.y2]);
		}
		const [l0] = layout.links;
		const s1a = a.sentences[1];
		expect(l0.y1).toBeGreaterThan(s1a.y);
		expect(l0.y1).toBeLessThan(s1a.y + s1a.height);
	});

	it.each(Object.entries(RELATION_STYLES))('encodes %s by colour and dash', (relation, style) => {
		const link = buildAlignmentMapLayout(INPUT, 375).links.find((l) => l.relation === relation)!;
		expect([link.color, link.dash]).toEqual([style.color, style.dash]);
		expect(link.ariaLabel.startsWith(style.label)).toBe(true);
	});

	it('puts one-sided triangles outside their own strip, at their passage', () => {
		const layout = buildAlignmentMapLayout(INPUT, 375);
		expect(layout.oneSided.map((m) => `${m.side}${m.sentence}`)).toEqual(['a3', 'a4', 'b3']);
		for (const m of layout.oneSided) {
			const strip = layout.strips[m.side];
			const xs = points(m.path).map(([x]) => x);
			if (m.side === 'a') expect(Math.max(...xs)).toBeLessThanOrEqual(strip.x);
			else expect(Math.min(...xs)).toBeGreaterThanOrEqual(strip.x + strip.width);
			const s = strip.sentences[m.sentence];
			expect(m.y).toBeGreaterThanOrEqual(s.y);
			expect(m.y).toBeLessThanOrEqual(s.y + s.height);
		}
	});

	it.each([
		['a', 1, 'A, sentence 2 of 10: 1 shared fact'],
		['a', 3, 'A, sentence 4 of 10: one-sided claim'],
		['a', 0, 'A, sentence 1 of 10: set apart from the article'],
		['b', 4, 'B, sentence 5 of 5: 1 shared fact'],
		['a', 5, 'A, sentence 6 of 10']
	] as const)('labels %s sentence %d', (side, index, label) => {
		const m = buildAlignmentMapLayout(INPUT, 375).strips[side].sentences[index];
		expect(m.ariaLabel).toBe(label);
	});

	// the seed's set-apart sentences are named by their paragraph's kind, as the reading view
	// labels them; never by the engine's word "furniture" (a screen reader reads these names)
	it.each([
		['a', 0, 'A, sentence 1 of 64: site navigation, set apart from the article'],
		['a', 1, 'A, sentence 2 of 64: tags, set apart from the article'],
		['a', 50, 'A, sentence 51 of 64: byline, set apart from the article'],
		['a', 51, 'A, sentence 52 of 64: author bio, set apart from the article'],
		['a', 15, 'A, sentence 16 of 64: repeated passage, set apart from the article'],
		['b', 4, 'B, sentence 5 of 35: date, set apart from the article'],
		['b', 6, 'B, sentence 7 of 35: 1 shared fact'],
		['a', 2, 'A, sentence 3 of 64']
	] as const)('names the seed’s %s sentence %d as the reader sees it', (side, index, label) => {
		const { a, b, analysis } = loadSeedFixture();
		const layout = buildAlignmentMapLayout(
			{ a: toMapArticle(a), b: toMapArticle(b), ...analysis },
			375
		);
		expect(layout.strips[side].sentences[index].ariaLabel).toBe(label);
	});

	it('names no sentence of the seed "furniture"', () => {
		const { a, b, analysis } = loadSeedFixture();
		const layout = buildAlignmentMapLayout(
			{ a: toMapArticle(a), b: toMapArticle(b), ...analysis },
			375
		);
		const names = [...layout.strips.a.sentences, ...layout.strips.b.sentences].map(
			(m) => m.ariaLabel
		);
		expect(names.filter((n) => /furniture/i.test(n))).toEqual([]);
		expect(names.filter((n) => n.includes('set apart')).length).toBeGreaterThan(10);
	});

	it('labels links with both sentences, numbered from 1', () => {
		expect(buildAlignmentMapLayout(INPUT, 375).links[1].ariaLabel).toBe(
			'Same fact, different detail: A sentence 9 and B sentence 3'
		);
	});

	it.each([
		[
			'empty articles',
			{ a: article(0), b: article(0), sharedFacts: [], oneSided: { a: [], b: [] } }
		],
		['zero width', INPUT],
		['offsets beyond the text', { ...INPUT, oneSided: { a: [ref(50)], b: [] } }]
	])('%s gives finite numbers', (_name, input) => {
		const layout = buildAlignmentMapLayout(input, _name === 'zero width' ? 0 : 375);
		expect(JSON.stringify(layout)).not.toMatch(/null|NaN/);
		for (const m of layout.oneSided) expect(m.y).toBeLessThanOrEqual(layout.height);
	});

	it('maps the seed pair: every sentence and one-sided claim', () => {
		const { a, b, analysis } = loadSeedFixture();
		const layout = buildAlignmentMapLayout(
			{
				a: toMapArticle(a),
				b: toMapArticle(b),
				sharedFacts: analysis.sharedFacts,
				oneSided: analysis.oneSided
			},
			375
		);
		expect(layout.strips.a.sentences).toHaveLength(a.sentences.length);
		expect(layout.strips.b.sentences).toHaveLength(b.sentences.length);
		expect(layout.links).toHaveLength(analysis.sharedFacts.length);
		expect(layout.oneSided).toHaveLength(analysis.oneSided.a.length + analysis.oneSided.b.length);
		expect(layout.strips.a.height / layout.strips.b.height).toBeCloseTo(
			a.text.length / b.text.length,
			1
		);
	});
});

describe('alignment map legend', () => {
	it.each([
		[375, 2],
		[640, 1]
	])(
		'at %d px uses %d row(s) per pair of entries and stays inside the chart',
		(width, rowsPerPair) => {
			const layout = buildAlignmentMapLayout(INPUT, width);
			expect(layout.legend.map((l) => l.kind)).toEqual([
				'same',
				'different-detail',
				'contradicts',
				'one-sided'
			]);
			expect(new Set(layout.legend.map((l) => l.y)).size).toBe(rowsPerPair);
			const mapBottom = Math.max(
				layout.strips.a.y + layout.strips.a.height,
				layout.strips.b.y + layout.strips.b.height
			);
			for (const item of layout.legend) {
				expect(item.y).toBeGreaterThan(mapBottom);
				expect(item.y).toBeLessThan(layout.height);
				expect(item.x).toBeGreaterThanOrEqual(0);
				expect(item.x).toBeLessThan(width);
			}
		}
	);
});

describe('linkPath', () => {
	it.each([
		[0, 0, 10, 4, 'M0,0C5,0,5,4,10,4'],
		[44, 51.5, 331, 51.5, 'M44,51.5C187.5,51.5,187.5,51.5,331,51.5'],
		[0, 10, 3, 0, 'M0,10C1.5,10,1.5,0,3,0']
	])('(%d,%d) → (%d,%d) is %s', (x1, y1, x2, y2, path) => {
		expect(linkPath(x1, y1, x2, y2)).toBe(path);
	});
});

import { describe, expect, it } from 'vitest';
import type { SharedFact } from '$lib/domain/alignment/types';
import type { Annotation } from '$lib/domain/annotation/model';
import { buildLinkEnds, followOffset } from './aligned';

const fact = (id: string, relation: SharedFact['relation'] = 'same'): SharedFact => ({
	id,
	a: { sentence: 1, start: 10, end: 20 },
	b: { sentence: 2, start: 30, end: 40 },
	score: 0.9,
	relation,
	entities: [],
	numbers: [],
	dates: [],
	phrases: [],
	diff: []
});

const target = (side: 'a' | 'b', start: number) => ({
	side,
	articleVersion: 'v',
	start,
	end: start + 5,
	exact: 'words',
	prefix: '',
	suffix: ''
});

const annotation = (id: string, kind: Annotation['kind'], sides: ('a' | 'b')[]): Annotation => ({
	id,
	kind,
	targets: sides.map((s, i) => target(s, 100 + i)),
	relation: kind === 'shared-fact' ? 'different-detail' : undefined,
	note: '',
	author: { id: 'm', name: 'Ana' },
	scope: { kind: 'workspace', id: 'w' },
	createdAt: '2026-12-06T00:00:00Z',
	updatedAt: '2026-12-06T00:00:00Z',
	replies: []
});

describe('buildLinkEnds', () => {
	const base = {
		facts: [fact('a1-b2'), fact('a3-b4', 'contradicts')],
		contrasts: [fact('a5-b6', 'different-claims')],
		annotations: [
			annotation('x', 'shared-fact', ['a', 'b']),
			annotation('n', 'note', ['a']),
			annotation('half', 'shared-fact', ['a'])
		],
		decided: new Set<string>(),
		showSuggestions: true
	};
	it.each([
		{ name: 'everything', over: {}, ids: ['x', 'a1-b2', 'a3-b4', 'a5-b6'] },
		{ name: 'suggestions off: own links stay', over: { showSuggestions: false }, ids: ['x'] },
		{
			name: 'a decided suggestion is not drawn twice',
			over: { decided: new Set(['a1-b2']) },
			ids: ['x', 'a3-b4', 'a5-b6']
		}
	])('$name', ({ over, ids }) => {
		expect(buildLinkEnds({ ...base, ...over }).map((l) => l.id)).toEqual(ids);
	});

	it('keeps kind, relation and both ends', () => {
		const [own, suggested, , contrast] = buildLinkEnds(base);
		expect(own).toEqual({
			id: 'x',
			kind: 'annotated',
			relation: 'different-detail',
			a: { start: 100, end: 105 },
			b: { start: 101, end: 106 }
		});
		expect(suggested.kind).toBe('suggested');
		expect(suggested.b).toEqual({ start: 30, end: 40 });
		expect(contrast.kind).toBe('contrast');
	});
});

describe('followOffset', () => {
	const ends = { from: 1000, to: 2000 };
	it.each([
		{
			name: 'no links: proportional between the tops and the ends',
			anchors: [],
			y: 500,
			want: 1000
		},
		{ name: 'at a link', anchors: [{ from: 200, to: 800 }], y: 200, want: 800 },
		{ name: 'between the top and a link', anchors: [{ from: 200, to: 800 }], y: 100, want: 400 },
		{
			name: 'between two links',
			anchors: [
				{ from: 200, to: 800 },
				{ from: 400, to: 900 }
			],
			y: 300,
			want: 850
		},
		{
			name: 'after the last link, towards the end',
			anchors: [{ from: 600, to: 1000 }],
			y: 800,
			want: 1500
		},
		{
			name: 'a crossing link is skipped',
			anchors: [
				{ from: 200, to: 800 },
				{ from: 300, to: 100 },
				{ from: 400, to: 900 }
			],
			y: 300,
			want: 850
		},
		{
			name: 'an early link far down the other side does not pull the rest out of line',
			anchors: [
				{ from: 100, to: 1900 },
				{ from: 200, to: 800 },
				{ from: 400, to: 900 }
			],
			y: 300,
			want: 850
		},
		{
			name: 'links given out of order',
			anchors: [
				{ from: 400, to: 900 },
				{ from: 200, to: 800 }
			],
			y: 400,
			want: 900
		},
		{ name: 'above the top', anchors: [], y: -20, want: 0 },
		{ name: 'past the end', anchors: [], y: 1200, want: 2000 }
	])('$name', ({ anchors, y, want }) => {
		expect(followOffset(anchors, y, ends)).toBeCloseTo(want);
	});
});

import { describe, expect, it } from 'vitest';
import type { Annotation } from '$lib/domain/annotation/model';
import { annotatedFrameProfile } from './frame-counts';

const framing = (side: 'a' | 'b', frame?: string, kind: Annotation['kind'] = 'framing') =>
	({
		id: crypto.randomUUID(),
		kind,
		frame,
		targets: [{ side, articleVersion: 'v', start: 0, end: 1, exact: 'x', prefix: '', suffix: '' }],
		note: '',
		author: { id: 'u', name: 'You' },
		scope: { kind: 'workspace', id: 'w' },
		createdAt: '',
		updatedAt: '',
		replies: []
	}) as Annotation;

describe('annotatedFrameProfile', () => {
	it.each([
		{ name: 'nothing annotated', items: [], a: {}, b: {} },
		{
			name: 'two frames on A, sub-frame counts for its dimension',
			items: [framing('a', 'economic'), framing('a', 'economic/costs'), framing('a', 'morality')],
			a: { 1: [2, 2 / 3], 3: [1, 1 / 3] },
			b: {}
		},
		{
			name: 'notes, unknown frames and framings without a frame are ignored',
			items: [framing('b', 'economic', 'note'), framing('b', 'nonsense'), framing('b')],
			a: {},
			b: {}
		}
	])('$name', ({ items, a, b }) => {
		const profile = annotatedFrameProfile(items);
		expect(profile.a).toHaveLength(15);
		for (const [side, expected] of [
			['a', a],
			['b', b]
		] as const) {
			for (const row of profile[side]) {
				const [count, share] = (expected as Record<number, [number, number]>)[row.code] ?? [0, 0];
				expect([row.code, row.count]).toEqual([row.code, count]);
				expect(row.share).toBeCloseTo(share);
			}
		}
	});
});

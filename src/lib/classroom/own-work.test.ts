import { describe, expect, it } from 'vitest';
import type { Annotation } from '$lib/domain/annotation/model';
import { ownWorkText } from './own-work';

const target = (side: 'a' | 'b', exact: string) =>
	({
		side,
		exact,
		start: 0,
		end: exact.length,
		prefix: '',
		suffix: '',
		articleVersion: 'v'
	}) as const;
const base = {
	author: { id: 'm1', name: 'Ana' },
	scope: { kind: 'room', id: 'r' },
	createdAt: '2026-12-06T10:00:00Z',
	updatedAt: '2026-12-06T10:00:00Z',
	replies: []
} as const;
const fact = {
	...base,
	id: '1',
	kind: 'shared-fact',
	relation: 'different-detail',
	targets: [target('a', 'in March 2023'), target('b', 'on March 18')],
	note: 'The dates differ.',
	replies: [{ id: 'r1', annotationId: '1', note: 'Agreed', author: { id: 'm2', name: 'Ben' } }]
} as unknown as Annotation;
const framing = {
	...base,
	id: '2',
	kind: 'framing',
	frame: '5',
	entman: 'moral-evaluation',
	targets: [target('b', 'heinous')],
	note: ''
} as unknown as Annotation;

describe('ownWorkText', () => {
	const text = ownWorkText([fact, framing], 'Period 4', { a: 'Inkstick', b: 'Left Voice' });
	it.each([
		['the title and count', 'Period 4 — my work (2)'],
		['the kind and relation', '1. Shared fact (Same fact, different detail)'],
		['each quote by its outlet', '   Left Voice: “on March 18”'],
		['the note', '   Note: The dates differ.'],
		['replies with their author', '   Reply from Ben: Agreed'],
		['a framing’s Entman function', 'Moral evaluation']
	])('has %s', (_what, line) => {
		expect(text).toContain(line);
	});

	it('says so when there is nothing', () => {
		expect(ownWorkText([], 'Period 4', { a: 'A', b: 'B' })).toBe('Period 4 — my work (0)\n');
	});
});

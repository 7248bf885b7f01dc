import { describe, expect, it } from 'vitest';
import type { Annotation } from '$lib/domain/annotation/model';
import type { Sentence } from '$lib/domain/types';
import { buildActivity, buildHeatMap, buildLinkedPairs } from './dashboard';

const sentences = (lengths: number[]): Sentence[] => {
	let start = 0;
	return lengths.map((n, index) => {
		const s = { index, paragraph: 0, start, end: start + n, text: 'x'.repeat(n), furniture: false };
		start += n;
		return s;
	});
};
const A = sentences([10, 10, 10]);
const B = sentences([5, 20]);

let n = 0;
function annotation(
	author: string,
	kind: Annotation['kind'],
	targets: [side: 'a' | 'b', start: number][],
	extra: Partial<Annotation> = {}
): Annotation {
	n += 1;
	return {
		id: `id-${n}`,
		kind,
		targets: targets.map(([side, start]) => ({
			side,
			articleVersion: 'v',
			start,
			end: start + 2,
			exact: `${side}${start}`,
			prefix: '',
			suffix: ''
		})),
		note: '',
		author: { id: author, name: author.toUpperCase() },
		scope: { kind: 'room', id: 'r' },
		createdAt: `2026-11-22T10:00:${String(n).padStart(2, '0')}.000Z`,
		updatedAt: '',
		replies: [],
		...extra
	};
}

describe('class figures', () => {
	const students = new Set(['ana', 'ben', 'cy']);
	const items = [
		annotation(
			'ana',
			'shared-fact',
			[
				['a', 12],
				['b', 6]
			],
			{ relation: 'same' }
		),
		annotation(
			'ben',
			'shared-fact',
			[
				['a', 11],
				['b', 7]
			],
			{ relation: 'contradicts' }
		),
		annotation(
			'cy',
			'shared-fact',
			[
				['a', 13],
				['b', 8]
			],
			{ relation: 'same' }
		),
		annotation('ana', 'framing', [['a', 1]], { frame: 'economic/budget' }),
		annotation('ben', 'framing', [['a', 2]], { frame: 'economic' }),
		annotation('teacher', 'note', [['a', 3]]),
		annotation(
			'cy',
			'shared-fact',
			[
				['a', 25],
				['b', 0]
			],
			{ relation: 'different-detail' }
		)
	];

	it('heat map: distinct students per sentence, kinds and frames; the teacher does not count', () => {
		const heat = buildHeatMap(items, { a: A, b: B }, students);
		expect(heat.a.map((c) => c.students)).toEqual([2, 3, 1]);
		expect(heat.a[0].kinds).toEqual({ 'shared-fact': 0, framing: 2, note: 0 });
		expect(heat.a[0].frames).toEqual({ economic: 2 });
		expect(heat.b.map((c) => c.students)).toEqual([1, 3]);
	});

	it('linked pairs: most-linked first, with agreement on the relation', () => {
		const pairs = buildLinkedPairs(items, { a: A, b: B }, students);
		expect(pairs.map((p) => [p.a, p.b, p.students])).toEqual([
			[1, 1, 3],
			[2, 0, 1]
		]);
		expect(pairs[0].relations).toEqual({ same: 2, 'different-detail': 0, contradicts: 1 });
		expect(pairs[0].agreement).toBeCloseTo(2 / 3);
		expect(pairs[1].agreement).toBe(1);
	});

	it('activity: per student kinds, replies and latest time (silent students listed too)', () => {
		const withReply = [
			...items,
			annotation('ana', 'note', [['b', 1]], {
				replies: [
					{
						id: 'r',
						annotationId: 'x',
						author: { id: 'dee', name: 'DEE' },
						note: 'hm',
						createdAt: '2026-11-22T11:00:00.000Z',
						updatedAt: ''
					}
				]
			})
		];
		const rows = buildActivity(withReply, [
			{ id: 'ana', displayName: 'Ana' },
			{ id: 'dee', displayName: 'Dee' },
			{ id: 'eve', displayName: 'Eve' }
		]);
		expect(
			rows.map((r) => [r.name, r.kinds['shared-fact'], r.kinds.framing, r.kinds.note, r.replies])
		).toEqual([
			['Ana', 1, 1, 1, 0],
			['Dee', 0, 0, 0, 1],
			['Eve', 0, 0, 0, 0]
		]);
		expect(rows[1].last).toBe('2026-11-22T11:00:00.000Z');
		expect(rows[2].last).toBeNull();
	});
});

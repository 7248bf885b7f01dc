import { describe, expect, it } from 'vitest';
import { pairKey, type EcbData, type EcbDoc } from './ecbplus';
import { scorePredictions } from './score';

const doc = (id: string, subtopic: string): EcbDoc => ({ id, topic: 1, subtopic, text: '' });
const a1 = doc('1_1ecb', '1ecb');
const a2 = doc('1_2ecb', '1ecb');
const b1 = doc('1_1ecbplus', '1ecbplus');

const data: EcbData = {
	docs: [a1, a2, b1],
	listed: new Set(['1_1ecb:0', '1_1ecb:1', '1_2ecb:0', '1_2ecb:1', '1_1ecbplus:1']),
	gold: new Set([pairKey('1_2ecb', 0, '1_1ecb', 1)]),
	// 1_2ecb:0's events are annotated; 1_1ecb:0 and 1_2ecb:1 have none
	withEvents: new Set(['1_1ecb:1', '1_2ecb:0', '1_1ecbplus:1']),
	pairs: [
		{ a: a1, b: a2, sameEvent: true },
		{ a: a1, b: b1, sameEvent: false },
		{ a: a2, b: b1, sameEvent: false }
	]
};

describe('scorePredictions', () => {
	it.each([
		{
			name: 'a correct link, a wrong one, an unlisted one and a false alarm',
			links: [
				[
					[1, 0],
					[0, 0],
					[5, 5]
				],
				[[0, 1]],
				[]
			] as [number, number][][],
			expected: {
				precision: 0.5,
				coverage: 1,
				falseAlarms: 0.5,
				scored: 2,
				alarms: 1,
				precisionAnnotated: 0.5,
				// the wrong link [0, 0] pairs 1_1ecb:0, in which no event was annotated
				wrongWithoutEvents: 1
			}
		},
		{
			name: 'no suggestions at all',
			links: [[], [], []] as [number, number][][],
			expected: { precision: 0, coverage: 0, falseAlarms: 0, scored: 0, alarmsUnfiltered: 0 }
		},
		{
			name: 'false alarms on unlisted sentences count only in the unfiltered figure',
			links: [[[1, 0]], [[7, 7]], [[0, 3]]] as [number, number][][],
			expected: { precision: 1, coverage: 1, falseAlarms: 0, alarmsUnfiltered: 2 }
		}
	])('$name', ({ links, expected }) => {
		const predictions = data.pairs.map((pair, i) => ({ pair, links: links[i], ms: 1 }));
		expect(scorePredictions(data, predictions)).toMatchObject({ ...expected, msPerPair: 1 });
	});
});

describe('scorePredictions: precision where the gold annotates the pair', () => {
	it('leaves out same-event pairs without any gold pair', () => {
		const a3 = doc('1_3ecb', '1ecb');
		const withUnannotated: EcbData = {
			...data,
			docs: [...data.docs, a3],
			listed: new Set([...data.listed, '1_3ecb:0']),
			pairs: [data.pairs[0], { a: a1, b: a3, sameEvent: true }]
		};
		const predictions = [
			{ pair: withUnannotated.pairs[0], links: [[1, 0]] as [number, number][], ms: 1 },
			{ pair: withUnannotated.pairs[1], links: [[0, 0]] as [number, number][], ms: 1 }
		];
		expect(scorePredictions(withUnannotated, predictions)).toMatchObject({
			precision: 0.5,
			precisionAnnotated: 1,
			pairsWithGold: 1
		});
	});
});

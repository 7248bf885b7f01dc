/**
 * Small hand-made chart inputs for snapshot and interaction tests: stable whatever the analysis
 * engine does next, and small enough to read in a snapshot diff.
 */
import type { PassageRef } from '$lib/domain/alignment/types';
import type { AlignmentMapInput, MapArticle } from '$lib/charts/alignment-map-layout';
import type { FrameValue } from '$lib/charts/frame-profile-layout';
import type { TermInput } from '$lib/charts/terms-layout';
import type { ThemeInput } from '$lib/charts/theme-overlap-layout';

/** Three themes: one A leans to, one B leans to, one with shared facts. */
export const THEMES_FIXTURE: ThemeInput[] = [
	{
		id: 'draft',
		label: 'draft / war / conscription',
		shareA: 0.43,
		shareB: 0.71,
		overlap: 1,
		termCounts: [
			{ term: 'draft', a: 11, b: 2 },
			{ term: 'war', a: 8, b: 9 }
		]
	},
	{
		id: 'deportation',
		label: 'deportation / asylum / ICE',
		shareA: 0.54,
		shareB: 0.39,
		overlap: 2,
		termCounts: [
			{ term: 'deportation', a: 9, b: 5 },
			{ term: 'asylum', a: 8, b: 4 }
		]
	},
	{
		id: 'capitalist',
		label: 'capitalist / working class',
		shareA: 0,
		shareB: 0.39,
		overlap: 0,
		termCounts: [
			{ term: 'capitalist', a: 0, b: 6 },
			{ term: 'working class', a: 0, b: 4 }
		]
	}
];

/** Frame shares of two articles (codes absent read as 0). */
export const FRAMES_FIXTURE: { a: FrameValue[]; b: FrameValue[] } = {
	a: [
		{ code: 5, share: 0.22, count: 12 },
		{ code: 7, share: 0.37, count: 20 },
		{ code: 8, share: 0.48, count: 26 }
	],
	b: [
		{ code: 1, share: 0.39, count: 11 },
		{ code: 8, share: 0.75, count: 21 }
	]
};

/** Class annotation counts as shares, for the frame toggle. */
export const FRAMES_ANNOTATED_FIXTURE: { a: FrameValue[]; b: FrameValue[] } = {
	a: [{ code: 3, share: 0.5, count: 2 }],
	b: [{ code: 4, share: 1, count: 3 }]
};

/** Three distinctive terms for A, two for B. */
export const TERMS_FIXTURE: { a: TermInput[]; b: TermInput[] } = {
	a: [
		{ lemma: 'immigration', zeta: 1.19, countA: 5, countB: 0 },
		{ lemma: 'draft', zeta: 1.19, countA: 11, countB: 2 },
		{ lemma: 'detention', zeta: 0.92, countA: 3, countB: 0 }
	],
	b: [
		{ lemma: 'capitalist', zeta: -2, countA: 0, countB: 6 },
		{ lemma: 'working class', zeta: -1.63, countA: 0, countB: 4 }
	]
};

function article(n: number): MapArticle {
	return {
		length: n * 100,
		sentences: Array.from({ length: n }, (_, i) => ({
			index: i,
			start: i * 100,
			end: i * 100 + 95,
			furniture: i === 0,
			text: `Sentence ${i + 1} of a ${n}-sentence article.`
		}))
	};
}
const ref = (sentence: number): PassageRef => ({
	sentence,
	start: sentence * 100,
	end: sentence * 100 + 95
});

/** Eight sentences against four: one link of each relation and three one-sided claims. */
export const MAP_FIXTURE: AlignmentMapInput = {
	a: article(8),
	b: article(4),
	sharedFacts: [
		{ id: 'a1-b1', a: ref(1), b: ref(1), relation: 'same' },
		{ id: 'a5-b2', a: ref(5), b: ref(2), relation: 'different-detail' },
		{ id: 'a7-b3', a: ref(7), b: ref(3), relation: 'contradicts' }
	],
	oneSided: { a: [ref(2), ref(3)], b: [ref(0)] }
};

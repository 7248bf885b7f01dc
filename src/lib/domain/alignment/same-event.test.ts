import { describe, expect, it } from 'vitest';
import { segmentArticle } from '../text/segment';
import { FACT_MODEL } from './fact-model';
import { buildArticleFeatures } from './features';
import { scorePairs } from './pair-score';
import {
	DOCUMENT_FEATURE_NAMES,
	documentFeatures,
	sameEventProbability,
	type CandidateSummary,
	type DocumentModel
} from './same-event';

/** The document stage's features and probability for two texts, through the scorer. */
function stage(a: string, b: string) {
	const { documentFeatures: x, sameEvent } = scorePairs(
		buildArticleFeatures(segmentArticle(a)),
		buildArticleFeatures(segmentArticle(b))
	);
	const f = Object.fromEntries(DOCUMENT_FEATURE_NAMES.map((n, i) => [n, x[i]]));
	return { f, sameEvent };
}

const REID = [
	'Tara Reid checked into Promises Treatment Center in Malibu on Tuesday, her publicist said.',
	'The actress, 33, has struggled with alcohol for years.',
	'Reid was last seen at a party in Los Angeles on March 18.'
].join(' ');
const REID_AGAIN = [
	'Actress Tara Reid has entered Promises Treatment Center in Malibu, her publicist said Tuesday.',
	'Reid, 33, was seen at a Los Angeles party on March 18.',
	'Her publicist asked for privacy.'
].join(' ');
const LOHAN = [
	'Lindsay Lohan arrived at the Betty Ford Center in Rancho Mirage on Thursday, her lawyer said.',
	'The actress, 26, must stay 90 days under a court order.',
	'Lohan was photographed at a club in Miami on May 2.'
].join(' ');

describe('documentFeatures through scorePairs', () => {
	it.each([
		{
			name: 'two reports of one check-in: names, day and counterparts agree',
			a: REID,
			b: REID_AGAIN,
			expected: { sameDay: 1, dayConflict: 0, yearConflict: 0 },
			atLeast: { nameAgreement: 0.5, strongShareLow: 0.5, topSimilarity: 0.4 }
		},
		{
			name: 'two check-ins of two actresses: no name, another day',
			a: REID,
			b: LOHAN,
			expected: { sameDay: 0, dayConflict: 1, nameAgreement: 0 },
			atLeast: {}
		}
	])('$name', ({ a, b, expected, atLeast }) => {
		const { f } = stage(a, b);
		for (const [k, v] of Object.entries(expected)) expect(f[k], k).toBe(v);
		for (const [k, v] of Object.entries(atLeast)) expect(f[k], k).toBeGreaterThanOrEqual(v);
		for (const v of Object.values(f)) {
			expect(v).toBeGreaterThanOrEqual(0);
			expect(v).toBeLessThanOrEqual(1);
		}
	});

	it('the committed model finds one event more likely in the first pair than in the second', () => {
		expect(stage(REID, REID_AGAIN).sameEvent).toBeGreaterThan(stage(REID, LOHAN).sameEvent + 0.3);
	});
});

/** A candidate of the given similarity between sentences a and b with no details. */
function candidate(a: number, b: number, similarity: number): CandidateSummary {
	return {
		a,
		b,
		similarity,
		specific: 0,
		participantClash: false,
		rulePass: false,
		details: {
			entities: [],
			quantities: [],
			dates: [],
			quantityConflicts: [],
			dateConflicts: [],
			phrases: [],
			unknownA: [],
			unknownB: []
		}
	};
}

describe('documentFeatures from candidates', () => {
	const empty = buildArticleFeatures(segmentArticle('Nothing here.'));
	const context = {
		agreement: 0.5,
		yearConflict: false,
		bestA: [0.6, undefined, 0.2, 0.4],
		bestB: [0.6, 0.1],
		leadA: 0,
		leadB: 0,
		fa: empty,
		fb: empty
	};
	it.each([
		{
			name: 'top similarities, lead pair and strong shares',
			candidates: [candidate(0, 0, 0.6), candidate(3, 1, 0.1), candidate(2, 1, 0.4)],
			expected: {
				topSimilarity: 0.6,
				top3Similarity: (0.6 + 0.4 + 0.1) / 3,
				leadSimilarity: 0.6,
				// A: 2 of 3 eligible sentences reach 0.35; B: 1 of 2
				strongShareLow: 0.5,
				strongShareHigh: 2 / 3
			}
		},
		{
			name: 'no candidates: nothing agrees, nothing clashes',
			candidates: [],
			expected: { topSimilarity: 0, leadSimilarity: 0, detailShare: 0, conflictShare: 0 }
		}
	])('$name', ({ candidates, expected }) => {
		const x = documentFeatures(candidates, context);
		for (const [k, v] of Object.entries(expected)) {
			expect(x[DOCUMENT_FEATURE_NAMES.indexOf(k as never)], k).toBeCloseTo(v, 6);
		}
	});
});

describe('sameEventProbability', () => {
	const model: DocumentModel = {
		features: ['x'],
		mean: [0.5],
		scale: [0.5],
		weights: [2],
		bias: 0
	};
	it.each([
		{ x: 0.5, p: 0.5 },
		{ x: 1, p: 1 / (1 + Math.exp(-2)) },
		{ x: 0, p: 1 / (1 + Math.exp(2)) }
	])('x=$x gives $p', ({ x, p }) => {
		expect(sameEventProbability(model, [x])).toBeCloseTo(p, 9);
	});

	it('the committed document model reads the features in this order', () => {
		expect(FACT_MODEL.document.features).toEqual([...DOCUMENT_FEATURE_NAMES]);
	});
});

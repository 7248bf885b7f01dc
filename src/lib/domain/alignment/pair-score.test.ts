import { describe, expect, it } from 'vitest';
import { segmentArticle } from '../text/segment';
import { matchDetails } from './details';
import { buildArticleFeatures } from './features';
import { detailWeight } from './detail-weight';
import { scorePairs } from './pair-score';
import { FEATURE_NAMES } from './pair-features';
import { FACT_MODEL } from './fact-model';
import { readFileSync } from 'node:fs';

/** Detail weights between the first sentences of two one-line articles. */
function weights(a: string, b: string) {
	const fa = buildArticleFeatures(segmentArticle(a));
	const fb = buildArticleFeatures(segmentArticle(b));
	return detailWeight(matchDetails(fa.sentences[0], fb.sentences[0], fa, fb));
}

describe('detailWeight', () => {
	it.each([
		['The Guardian revealed it in March 2023.', 'The Guardian reported it on March 18.', 1, 2],
		['Police captured 26 pirates.', 'Commandos seized 26 pirates.', 1, 1.01],
		['They call it the meat grinder.', 'He fled the meat grinder.', 0, 0.01],
		['The weather was fine today.', 'Nothing else happened here.', 0, 0.01]
	])('%s | %s → specific in [%d, %d]', (a, b, min, max) => {
		const w = weights(a, b);
		expect(w.specific).toBeGreaterThanOrEqual(min);
		expect(w.specific).toBeLessThanOrEqual(max);
	});

	it('counts a shared rare phrase', () => {
		expect(
			weights('They call it the meat grinder.', 'He fled the meat grinder.').phrases
		).toBeGreaterThan(0.5);
	});
});

describe('scorePairs', () => {
	it('gives each candidate a probability in 0..1, its features and the best similarities', () => {
		const fa = buildArticleFeatures(
			segmentArticle(
				'In March 2023, the Guardian revealed that deportations to Russia resumed. Nothing else.'
			)
		);
		const fb = buildArticleFeatures(
			segmentArticle('The Guardian reported on March 18 that the deportations to Russia began.')
		);
		const { candidates, bestA, bestB } = scorePairs(fa, fb);
		expect(candidates).toHaveLength(1);
		expect(candidates[0].probability).toBeGreaterThan(0.5);
		expect(candidates[0].probability).toBeLessThanOrEqual(1);
		expect(candidates[0].features).toHaveLength(FEATURE_NAMES.length);
		expect(candidates[0].ruleScore).toBeGreaterThan(0);
		expect(bestA).toHaveLength(fa.sentences.length);
		expect(bestB[0]).toBeCloseTo(candidates[0].similarity);
	});
});

describe("scorePairs without reading every pair's acts", () => {
	const seed = (name: string) => readFileSync(`seeds/${name}`, 'utf8');
	it.each([
		['the seed pair', seed('000_22ed28cde7db5cf9.txt'), seed('004_cb2015502c2df88f.txt')],
		[
			'two short reports',
			'Indian Navy commandos captured 23 pirates in the Gulf of Aden on Saturday. The pirates had attacked a tanker.',
			'On Saturday the Indian Navy seized 23 pirates who attacked a tanker in the Gulf of Aden. Nobody was hurt.'
		]
	])(
		'gives every pair that can clear the floor the same features as reading all (%s)',
		(_, a, b) => {
			const fa = buildArticleFeatures(segmentArticle(a));
			const fb = buildArticleFeatures(segmentArticle(b));
			const all = scorePairs(fa, fb, undefined, { exhaustive: true }).candidates;
			const fa2 = buildArticleFeatures(segmentArticle(a));
			const fb2 = buildArticleFeatures(segmentArticle(b));
			const lazy = scorePairs(fa2, fb2).candidates;
			expect(lazy.map((c) => [c.a, c.b])).toEqual(all.map((c) => [c.a, c.b]));
			lazy.forEach((c, k) => {
				const exact = all[k];
				if (
					c.probability >= FACT_MODEL.counterpart ||
					exact.probability >= FACT_MODEL.counterpart
				) {
					expect(c.features).toEqual(exact.features);
					expect(c.probability).toBe(exact.probability);
				} else {
					// skipped pairs carry the most they could reach, still below the floor
					expect(c.probability).toBeGreaterThanOrEqual(exact.probability - 1e-12);
				}
			});
		}
	);
});

describe('scorePairs deferring contrast-only pairs', () => {
	const seed = (name: string) => readFileSync(`seeds/${name}`, 'utf8');
	const a = seed('000_22ed28cde7db5cf9.txt');
	const b = seed('004_cb2015502c2df88f.txt');
	it.each<[string, number]>([
		['the default floor', FACT_MODEL.counterpart],
		// a floor few pairs reach: the alike pairs below it are deferred
		['a high floor', 0.99]
	])('reads a deferred pair on demand as the scorer would have read it (%s)', (_, floor) => {
		const score = (deferContrasts: boolean) =>
			scorePairs(
				buildArticleFeatures(segmentArticle(a)),
				buildArticleFeatures(segmentArticle(b)),
				undefined,
				{ floor, deferContrasts }
			);
		const eager = score(false).candidates;
		const lazy = score(true);
		expect(lazy.candidates.map((c) => [c.a, c.b])).toEqual(eager.map((c) => [c.a, c.b]));
		let deferred = 0;
		lazy.candidates.forEach((c, k) => {
			const read = lazy.withActs(c);
			if (read !== c) {
				deferred++;
				// unread, it carries the most it could reach, below the floor
				expect(c.probability).toBeLessThan(floor);
				expect(c.probability).toBeGreaterThanOrEqual(eager[k].probability - 1e-12);
			}
			// every feature written (a hole reads as undefined when spread)
			expect([...read.features].every(Number.isFinite)).toBe(true);
			expect([...c.features].every(Number.isFinite)).toBe(true);
			expect(read.features).toHaveLength(FEATURE_NAMES.length);
			expect(read.features).toEqual(eager[k].features);
			expect(read.probability).toBe(eager[k].probability);
			expect(lazy.withActs(c)).toBe(read);
		});
		if (floor > FACT_MODEL.counterpart) expect(deferred).toBeGreaterThan(0);
	});
});

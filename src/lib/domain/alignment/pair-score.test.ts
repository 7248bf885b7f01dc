import { describe, expect, it } from 'vitest';
import { segmentArticle } from '../text/segment';
import { matchDetails } from './details';
import { buildArticleFeatures } from './features';
import { detailWeight, scorePairs } from './pair-score';
import { FEATURE_NAMES } from './pair-features';

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

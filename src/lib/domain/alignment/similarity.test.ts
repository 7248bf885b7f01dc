import { describe, expect, it } from 'vitest';
import { segmentArticle } from '../text/segment';
import { buildArticleFeatures } from './features';
import { buildLemmaStats, buildSentenceVector, cosine, sharedLemmas } from './similarity';

const fa = buildArticleFeatures(
	segmentArticle(
		'The deportations of Russians resumed, the Guardian said. Russians fled the draft.'
	)
);
const fb = buildArticleFeatures(
	segmentArticle('Biden began to deport Russians, officials said. The weather was mild.')
);
const stats = buildLemmaStats(fa, fb);
const v = (side: typeof fa, i: number) => buildSentenceVector(side.sentences[i], stats);

describe('buildLemmaStats', () => {
	it.each([
		// a word family: "deportation" counts as "deport" when both occur in the pair
		['deportation', 'deport'],
		['deport', 'deport'],
		['russian', 'russian']
	])('family of %s is %s', (lemma, family) => {
		expect(stats.family.get(lemma)).toBe(family);
	});

	it('weighs rare words over attribution verbs and words found everywhere', () => {
		const w = (k: string) => stats.weights.get(k) ?? 0;
		expect(w('deport')).toBeGreaterThan(w('say'));
		expect(w('draft')).toBeGreaterThan(w('russian'));
	});
});

describe('cosine', () => {
	it.each([
		[v(fa, 0), v(fa, 0), 1],
		[v(fa, 1), v(fb, 1), 0]
	])('%#', (x, y, expected) => {
		expect(cosine(x, y)).toBeCloseTo(expected);
	});

	it('links derived forms and names the shared words, heaviest first', () => {
		expect(cosine(v(fa, 0), v(fb, 0))).toBeGreaterThan(0.2);
		expect(sharedLemmas(v(fa, 0), v(fb, 0))[0]).toBe('deport');
	});
});

import { describe, expect, it } from 'vitest';
import { segmentArticle } from '../text/segment';
import { matchDetails } from './details';
import { buildArticleFeatures } from './features';
import { predicateEvidence } from './predicate';
import { buildLemmaStats, buildSentenceVector, cosine } from './similarity';

/** Predicate evidence and full cosine between the first sentences of two one-line articles. */
function evidence(a: string, b: string) {
	const fa = buildArticleFeatures(segmentArticle(a));
	const fb = buildArticleFeatures(segmentArticle(b));
	const stats = buildLemmaStats(fa, fb);
	const [sa, sb] = [fa.sentences[0], fb.sentences[0]];
	const [va, vb] = [buildSentenceVector(sa, stats, 0.5), buildSentenceVector(sb, stats, 0.5)];
	const d = matchDetails(sa, sb, fa, fb);
	return { ...predicateEvidence(sa, sb, va, vb, d.phrases), cosine: cosine(va, vb) };
}

describe('predicateEvidence', () => {
	it.each([
		// shared names only: nothing told
		['Maurice Cheeks coached in Portland.', 'Maurice Cheeks was born in Chicago.', 0],
		// a name with the noun it heads, on both sides, is still only the name
		[
			'Early on, the Biden administration appeared to understand this.',
			'The Biden administration capitulates to the far right.',
			0
		],
		// what is said about them is shared: "paused" / "suspended", "deportation", "flights",
		// and the phrase "deportation flights"
		[
			'Officials paused deportation flights to Russia.',
			'Washington suspended deportation flights to Russia.',
			4
		],
		// an everyday word inside a name on one side only still says what happened
		['Surrey Fire and Rescue attended the scene.', 'A fire destroyed the scene.', 2]
	])('%s | %s → told %d', (a, b, told) => {
		const e = evidence(a, b);
		expect(e.told).toBe(told);
		expect(e.similarity).toBeGreaterThanOrEqual(0);
		expect(e.similarity).toBeLessThanOrEqual(e.cosine + 1e-9);
		if (told === 0 && e.cosine > 0) expect(e.similarity).toBeLessThan(e.cosine);
	});
});

/**
 * The reference point of the evaluation: plain TF-IDF cosine between sentences (content lemmas,
 * inverse sentence frequency over the whole evaluation corpus), threshold 0.3, at most 3 pairs per
 * article pair, best first. With corpus-wide idf it reproduces the figures evaldata/README.md
 * quotes for this baseline (precision ≈ 0.6, ≈ 0.1 false alarms per different-event pair).
 */
import { contentLemmas, tokenize } from '../../src/lib/domain/text/tokens';
import type { SegmentedArticle } from '../../src/lib/domain/types';
import type { SharedFactSystem } from './run';

/** Cosine threshold of the baseline. */
const THRESHOLD = 0.3;
/** Suggestions kept per article pair. */
const MAX_PAIRS = 3;

/** Term counts of each sentence (furniture left out, as in the engine). */
function bags(article: SegmentedArticle): Map<string, number>[] {
	return article.sentences.map((s) => {
		const m = new Map<string, number>();
		if (s.furniture) return m;
		for (const l of contentLemmas(tokenize(s.text))) m.set(l, (m.get(l) ?? 0) + 1);
		return m;
	});
}

/**
 * Builds the baseline with document frequencies taken from a corpus of segmented articles.
 * @example createBaseline(corpus)(a, b) // [{a: 0, b: 2}, …]
 */
export function createBaseline(corpus: readonly SegmentedArticle[]): SharedFactSystem {
	const df = new Map<string, number>();
	let n = 0;
	for (const article of corpus) {
		for (const bag of bags(article)) {
			n++;
			for (const l of bag.keys()) df.set(l, (df.get(l) ?? 0) + 1);
		}
	}
	const vector = (bag: Map<string, number>) => {
		const v = new Map<string, number>();
		let sq = 0;
		for (const [l, tf] of bag) {
			const w = tf * Math.log((n + 1) / ((df.get(l) ?? 0) + 1));
			v.set(l, w);
			sq += w * w;
		}
		return { v, norm: Math.sqrt(sq) };
	};
	return (a, b) => {
		const va = bags(a).map(vector);
		const vb = bags(b).map(vector);
		const out: { a: number; b: number; score: number }[] = [];
		va.forEach((x, i) => {
			vb.forEach((y, j) => {
				if (x.norm === 0 || y.norm === 0) return;
				let dot = 0;
				for (const [l, w] of x.v) dot += w * (y.v.get(l) ?? 0);
				const score = dot / (x.norm * y.norm);
				if (score >= THRESHOLD) out.push({ a: i, b: j, score });
			});
		});
		return out.sort((p, q) => q.score - p.score || p.a - q.a || p.b - q.b).slice(0, MAX_PAIRS);
	};
}

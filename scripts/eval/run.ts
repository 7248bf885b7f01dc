/**
 * Runs a shared-fact system over every ECB+ document pair as a user would: each document's text
 * is segmented by the app's segmenter, the system suggests sentence pairs, and each suggested
 * sentence is mapped back to the dataset's sentence id (its line number).
 */
import { segmentArticle } from '../../src/lib/domain/text/segment';
import type { SegmentedArticle } from '../../src/lib/domain/types';
import type { EcbData } from './ecbplus';
import type { PairPredictions } from './score';

/** A system under evaluation: sentence-index pairs (a, b) for two segmented articles. */
export type SharedFactSystem = (
	a: SegmentedArticle,
	b: SegmentedArticle
) => { a: number; b: number }[];

/** Line number (dataset sentence id) of every sentence of a segmented one-sentence-per-line text. */
export function lineOfSentence(article: SegmentedArticle): number[] {
	const lineStarts = [0];
	for (let i = 0; i < article.text.length; i++) {
		if (article.text.charCodeAt(i) === 10) lineStarts.push(i + 1);
	}
	return article.sentences.map((s) => {
		let lo = 0;
		let hi = lineStarts.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (lineStarts[mid] <= s.start) lo = mid;
			else hi = mid - 1;
		}
		return lo;
	});
}

/** Runs a system over all document pairs; time covers segmentation of both texts and the system. */
export function runSystem(data: EcbData, system: SharedFactSystem): PairPredictions[] {
	// warm-up: lazy tables (word frequencies, lemma caches) load outside the timed runs
	const warm = data.pairs[0];
	system(segmentArticle(warm.a.text), segmentArticle(warm.b.text));
	const out: PairPredictions[] = [];
	for (const pair of data.pairs) {
		const t0 = performance.now();
		const a = segmentArticle(pair.a.text);
		const b = segmentArticle(pair.b.text);
		const links = system(a, b);
		const ms = performance.now() - t0;
		const la = lineOfSentence(a);
		const lb = lineOfSentence(b);
		const seen = new Set<string>();
		const mapped: [number, number][] = [];
		for (const l of links) {
			const key = `${la[l.a]}|${lb[l.b]}`;
			if (seen.has(key)) continue;
			seen.add(key);
			mapped.push([la[l.a], lb[l.b]]);
		}
		out.push({ pair, links: mapped, ms });
	}
	return out;
}

/**
 * Timings of the engine as the issue states them: the seed pair after warm-up, and two long
 * articles (about 10,000 and 20,000 words each, built from ECB+ documents, one per line) to see
 * how the time grows.
 */
import { readFileSync } from 'node:fs';
import { suggestSharedFacts } from '../../src/lib/domain/alignment/shared-facts';
import { analyzeComparison } from '../../src/lib/domain/analysis';
import { segmentArticle } from '../../src/lib/domain/text/segment';
import type { EcbDoc } from './ecbplus';

/** One timing row: what was measured and its median over the runs, in ms. */
export interface Timing {
	name: string;
	words: number;
	sharedFactsMs: number;
	analysisMs: number;
}

/** Median of a few runs of `f` after one warm-up run. */
function median(f: () => unknown, runs: number): number {
	f();
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t0 = performance.now();
		f();
		times.push(performance.now() - t0);
	}
	times.sort((x, y) => x - y);
	return times[Math.floor(times.length / 2)];
}

/** Words of a text (whitespace-separated runs). */
function words(text: string): number {
	return text.split(/\s+/).filter(Boolean).length;
}

/** Concatenates documents (one sentence per line) until about `target` words. */
function longText(docs: readonly EcbDoc[], target: number): string {
	const parts: string[] = [];
	let n = 0;
	for (const d of docs) {
		if (n >= target) break;
		parts.push(d.text);
		n += words(d.text);
	}
	return parts.join('\n\n');
}

/** Times segmentation + suggestions, and segmentation + full analysis, for one text pair. */
function timePair(name: string, a: string, b: string, runs: number): Timing {
	return {
		name,
		words: Math.round((words(a) + words(b)) / 2),
		sharedFactsMs: median(() => suggestSharedFacts(segmentArticle(a), segmentArticle(b)), runs),
		analysisMs: median(() => analyzeComparison(segmentArticle(a), segmentArticle(b)), runs)
	};
}

/** Runs the timings: the seed pair, then 2 × ~10,000 and 2 × ~20,000 words. */
export function runTimings(seedA: string, seedB: string, docs: readonly EcbDoc[]): Timing[] {
	// the two long articles come from different halves of the corpus, like two real articles
	const half = Math.floor(docs.length / 2);
	const first = docs.slice(0, half);
	const second = docs.slice(half);
	return [
		timePair('seed pair', readFileSync(seedA, 'utf8'), readFileSync(seedB, 'utf8'), 9),
		timePair('2 × 10,000 words', longText(first, 10_000), longText(second, 10_000), 5),
		timePair('2 × 20,000 words', longText(first, 20_000), longText(second, 20_000), 5)
	];
}

/**
 * Runs a shared-fact system over every ECB+ document pair as a user would: each document's text
 * is segmented by the app's segmenter, the system suggests sentence pairs, and each suggested
 * sentence is mapped back to the dataset's sentence id (its line number).
 */
import { segmentArticle } from '../../src/lib/domain/text/segment';
import type { SegmentedArticle } from '../../src/lib/domain/types';
import type { EcbData } from './ecbplus';
import { asLines, lineStarts, type PrintedText } from './printed';
import type { PairPredictions } from './score';

/** A system under evaluation: sentence-index pairs (a, b) for two segmented articles. */
export type SharedFactSystem = (
	a: SegmentedArticle,
	b: SegmentedArticle
) => { a: number; b: number }[];

/** Line number (dataset sentence id) of every sentence of a segmented one-sentence-per-line text. */
export function lineOfSentence(article: SegmentedArticle): number[] {
	// a segmented article's text is already normalised
	return lineOfSentenceAt(article, lineStarts(article.text));
}

/** Dataset sentence id of every sentence of a segmented text whose sentence i starts at `lineStarts[i]`. */
function lineOfSentenceAt(article: SegmentedArticle, lineStarts: readonly number[]): number[] {
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

/**
 * Runs a system over all document pairs; time covers segmentation of both texts and the system.
 * `form` lays out each document's text (default: as the data set gives it, one sentence per line).
 */
export function runSystem(
	data: EcbData,
	system: SharedFactSystem,
	form: (tokenised: string) => PrintedText = asLines
): PairPredictions[] {
	const texts = new Map(data.docs.map((d) => [d.id, form(d.text)]));
	const textOf = (id: string) => texts.get(id) as PrintedText;
	// warm-up: lazy tables (word frequencies, lemma caches) load outside the timed runs
	const warm = data.pairs[0];
	system(segmentArticle(textOf(warm.a.id).text), segmentArticle(textOf(warm.b.id).text));
	const out: PairPredictions[] = [];
	for (const pair of data.pairs) {
		const ta = textOf(pair.a.id);
		const tb = textOf(pair.b.id);
		const t0 = performance.now();
		const a = segmentArticle(ta.text);
		const b = segmentArticle(tb.text);
		const links = system(a, b);
		const ms = performance.now() - t0;
		// offsets index the stored text: a form must give it as the app normalises it
		if (a.text !== ta.text || b.text !== tb.text)
			throw new Error(`${pair.a.id}: text not normalised`);
		const la = lineOfSentenceAt(a, ta.lineStarts);
		const lb = lineOfSentenceAt(b, tb.lineStarts);
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

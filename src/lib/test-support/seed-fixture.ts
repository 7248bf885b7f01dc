/**
 * Test-only: the real analysis of the two seed articles, computed once per test file, so layout
 * and snapshot tests see what the comparison page will feed the charts. Reads files: never import
 * it from components or the app.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyzeComparison, type Analysis } from '$lib/domain/analysis';
import { buildThemes, type Theme } from '$lib/domain/framing/themes';
import { segmentArticle } from '$lib/domain/text/segment';
import type { SegmentedArticle } from '$lib/domain/types';

/** The seed pair with its analysis and themes. */
interface SeedFixture {
	a: SegmentedArticle;
	b: SegmentedArticle;
	analysis: Analysis;
	themes: Theme[];
}

let cached: SeedFixture | undefined;

/** Segments and analyses the seed pair (Inkstick as A, Left Voice as B) on first use. */
export function loadSeedFixture(): SeedFixture {
	if (cached) return cached;
	const read = (name: string) =>
		readFileSync(fileURLToPath(new URL(`../../../seeds/${name}`, import.meta.url)), 'utf8');
	const a = segmentArticle(read('000_22ed28cde7db5cf9.txt'));
	const b = segmentArticle(read('004_cb2015502c2df88f.txt'));
	const analysis = analyzeComparison(a, b);
	cached = { a, b, analysis, themes: buildThemes(a, b, analysis.sharedFacts) };
	return cached;
}

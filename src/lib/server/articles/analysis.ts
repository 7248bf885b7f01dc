import { analyzeComparison, ENGINE_VERSION, type Analysis } from '../../domain/analysis';
import * as analyses from './analysis-cache';
import type { ArticleView } from './article-versions';
import type { Db } from '../db/connect';

// The engine is deterministic, so its output is computed once per ordered pair of article
// versions and engine version, stored, and read back by every later page load.

/** Two article versions to analyse, as the comparison view carries them. */
interface AnalysisInput {
	a: Pick<ArticleView, 'version' | 'text' | 'paragraphs' | 'sentences'>;
	b: Pick<ArticleView, 'version' | 'text' | 'paragraphs' | 'sentences'>;
}

/** The analysis of a comparison's two article versions: from the cache, or computed and stored. */
export async function getAnalysis(db: Db, comparison: AnalysisInput): Promise<Analysis> {
	const { a, b } = comparison;
	const cached = await analyses.get<Analysis>(db, a.version, b.version, ENGINE_VERSION);
	if (cached) return cached;
	const result = analyzeComparison(a, b);
	// through JSON first: jsonb cannot hold undefined, and the caller must see what a reload sees
	const plain = JSON.parse(JSON.stringify(result)) as Analysis;
	await analyses.put(db, a.version, b.version, ENGINE_VERSION, plain);
	return plain;
}

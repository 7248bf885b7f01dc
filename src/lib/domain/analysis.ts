/**
 * The whole automatic comparison of two articles, as the server caches it and the CLI prints it:
 * shared-fact suggestions, one-sided claims, distinctive terms, themes, frame suggestions and
 * word-choice contrasts.
 */
import { buildArticleFeatures } from './alignment/features';
import { oneSidedFromFeatures } from './alignment/one-sided';
import { alignArticles } from './alignment/shared-facts';
import type { OneSidedClaims, SharedFact } from './alignment/types';
import { framesOfPairs, type PairFrames } from './framing/fact-frames';
import { buildTerms, type DistinctiveTerms } from './framing/fightin-words';
import { suggestFrames, type ArticleFrames } from './framing/frames';
import { buildThemes, type Theme } from './framing/themes';
import { buildWordChoices, type WordChoice } from './framing/word-choice';
import type { SegmentedArticle } from './types';

/**
 * Version of the analysis output. The server caches analyses by it: bump it whenever any
 * output of `analyzeComparison` can change (engine rules, thresholds, shapes).
 */
export const ENGINE_VERSION = 'engine-1.2.0';

/** Everything the comparison view and the CLI show about two articles. */
export interface Analysis {
	engineVersion: string;
	sharedFacts: SharedFact[];
	oneSided: OneSidedClaims;
	terms: DistinctiveTerms;
	themes: Theme[];
	frames: { a: ArticleFrames; b: ArticleFrames };
	/** the frames each side gives each shared fact, in `sharedFacts` order */
	factFrames: PairFrames[];
	wordChoices: WordChoice[];
}

/**
 * Analyses two segmented articles; deterministic, so it can be cached per article version.
 * @example analyzeComparison(segmentArticle(textA), segmentArticle(textB)).sharedFacts[0].relation // 'same'
 */
export function analyzeComparison(a: SegmentedArticle, b: SegmentedArticle): Analysis {
	const fa = buildArticleFeatures(a);
	const fb = buildArticleFeatures(b);
	const { facts, bestA, bestB } = alignArticles(fa, fb);
	const frames = { a: suggestFrames(a), b: suggestFrames(b) };
	return {
		engineVersion: ENGINE_VERSION,
		sharedFacts: facts,
		oneSided: oneSidedFromFeatures(fa, fb, facts, bestA, bestB),
		terms: buildTerms(a, b),
		themes: buildThemes(a, b, facts),
		frames,
		factFrames: framesOfPairs(frames, facts),
		wordChoices: buildWordChoices(a, b, facts)
	};
}

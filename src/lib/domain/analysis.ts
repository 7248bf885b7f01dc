/**
 * The whole automatic comparison of two articles, as the server caches it and the CLI prints it:
 * shared-fact suggestions, same-subject contrasts, one-sided claims, distinctive terms, themes, frame suggestions and
 * word-choice contrasts.
 */
import { FACT_MODEL } from './alignment/fact-model';
import { buildArticleFeatures } from './alignment/features';
import { oneSidedFromFeatures } from './alignment/one-sided';
import { alignArticles } from './alignment/shared-facts';
import type { OneSidedClaims, SharedFact } from './alignment/types';
import { framesOfPairs, type PairFrames } from './framing/fact-frames';
import { buildTerms, type DistinctiveTerms } from './framing/fightin-words';
import { suggestFrames, type ArticleFrames } from './framing/frames';
import { findLoadedLanguage, type LoadedSpan } from './framing/loaded-language';
import { buildThemes, type Theme } from './framing/themes';
import { buildWordChoices, type WordChoice } from './framing/word-choice';
import type { SegmentedArticle } from './types';

/**
 * Version of the analysis output. The server caches analyses by it: bump it whenever any
 * output of `analyzeComparison` can change (engine rules, thresholds, shapes).
 */
export const ENGINE_VERSION = `engine-2.2.0+${FACT_MODEL.version}`;

/** Everything the comparison view and the CLI show about two articles. */
export interface Analysis {
	engineVersion: string;
	sharedFacts: SharedFact[];
	/** same subject, different claims: framing contrasts, never facts */
	contrasts: SharedFact[];
	oneSided: OneSidedClaims;
	terms: DistinctiveTerms;
	themes: Theme[];
	frames: { a: ArticleFrames; b: ArticleFrames };
	/** the frames each side gives each shared fact, in `sharedFacts` order */
	factFrames: PairFrames[];
	wordChoices: WordChoice[];
	loadedLanguage: { a: LoadedSpan[]; b: LoadedSpan[] };
}

/**
 * Analyses two segmented articles; deterministic, so it can be cached per article version.
 * @example analyzeComparison(segmentArticle(textA), segmentArticle(textB)).sharedFacts[0].relation // 'same'
 */
export function analyzeComparison(a: SegmentedArticle, b: SegmentedArticle): Analysis {
	const fa = buildArticleFeatures(a);
	const fb = buildArticleFeatures(b);
	const alignment = alignArticles(fa, fb);
	const facts = alignment.facts;
	const frames = { a: suggestFrames(a), b: suggestFrames(b) };
	return {
		engineVersion: ENGINE_VERSION,
		sharedFacts: facts,
		contrasts: alignment.contrasts,
		oneSided: oneSidedFromFeatures(fa, fb, alignment),
		terms: buildTerms(a, b),
		themes: buildThemes(a, b, facts),
		frames,
		factFrames: framesOfPairs(frames, facts),
		// word choice inside shared facts and same-subject contrasts alike
		wordChoices: buildWordChoices(a, b, [...facts, ...alignment.contrasts]),
		loadedLanguage: { a: findLoadedLanguage(a), b: findLoadedLanguage(b) }
	};
}

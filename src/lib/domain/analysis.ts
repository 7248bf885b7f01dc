/**
 * The whole automatic comparison of two articles, as the server caches it and the CLI prints it:
 * shared-fact suggestions, same-subject contrasts, one-sided claims, distinctive terms, themes, frame suggestions and
 * word-choice contrasts.
 */
import {
	FACT_MODEL,
	alignArticles,
	buildArticleFeatures,
	oneSidedFromFeatures,
	type OneSidedClaims,
	type SharedFact
} from './alignment';
import {
	buildTerms,
	buildThemes,
	buildWordChoices,
	findLoadedLanguage,
	framesOfPairs,
	suggestFrames,
	type ArticleFrames,
	type DistinctiveTerms,
	type LoadedSpan,
	type PairFrames,
	type Theme,
	type WordChoice
} from './framing';
import type { SegmentedArticle } from './types';

/**
 * Version of the analysis output. The server caches analyses by it: bump it whenever any
 * output of `analyzeComparison` can change (engine rules, thresholds, shapes).
 */
export const ENGINE_VERSION = `engine-2.4.0+${FACT_MODEL.version}`;

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

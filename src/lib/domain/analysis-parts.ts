/**
 * An analysis in two parts for a reading page: what its first paint needs, and what only the
 * analysis panel and its charts read (fetched when the panel opens). Types only from the engine,
 * so the browser's code does not pull the engine in.
 */
import type { Analysis } from './analysis';

/** The parts of an analysis only the analysis panel and its charts read (most of its weight). */
export type AnalysisDetails = Pick<Analysis, 'terms' | 'themes' | 'frames' | 'factFrames'>;

/** The keys of the panel's parts, in a fixed order. */
const DETAIL_KEYS = ['terms', 'themes', 'frames', 'factFrames'] as const;

/**
 * What a reading view's first paint needs (the marks in the text, the links between columns,
 * the lists' suggestions); the panel's parts are present only when a page sent them along.
 */
export type ReadingAnalysis = Omit<Analysis, keyof AnalysisDetails> & Partial<AnalysisDetails>;

/**
 * An analysis without the panel's parts, for a page's first load (they follow when it opens).
 * @example 'frames' in readingPart(analysis) // false
 */
export function readingPart(analysis: Analysis): ReadingAnalysis {
	const reading: Partial<Analysis> = { ...analysis };
	for (const key of DETAIL_KEYS) delete reading[key];
	return reading as ReadingAnalysis;
}

/**
 * Only the panel's parts of an analysis.
 * @example Object.keys(analysisDetails(analysis)) // ['terms', 'themes', 'frames', 'factFrames']
 */
export function analysisDetails(analysis: Analysis): AnalysisDetails {
	return {
		terms: analysis.terms,
		themes: analysis.themes,
		frames: analysis.frames,
		factFrames: analysis.factFrames
	};
}

/** Whether a reading analysis carries every one of the panel's parts. */
export function hasDetails(analysis: ReadingAnalysis): analysis is Analysis {
	return DETAIL_KEYS.every((key) => analysis[key] !== undefined);
}

/**
 * A whole analysis from its reading part and the panel's parts fetched apart (null: not yet, and
 * they read as empty until they come); parts the reading analysis carries itself win.
 */
export function joinAnalysis(reading: ReadingAnalysis, details: AnalysisDetails | null): Analysis {
	if (hasDetails(reading)) return reading;
	const empty = { sentences: [], profile: [] };
	return {
		...reading,
		terms: reading.terms ?? details?.terms ?? { a: [], b: [] },
		themes: reading.themes ?? details?.themes ?? [],
		frames: reading.frames ?? details?.frames ?? { a: empty, b: empty },
		factFrames: reading.factFrames ?? details?.factFrames ?? []
	};
}

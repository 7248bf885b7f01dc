// Alignment, the second stage: how the two texts relate. Two SegmentedArticles in (read once
// into sentence features: lemmas, names, numbers, dates, acts); out come shared-fact suggestions
// (same, different detail or contradicts, scored by the model in fact-model.json), same-subject
// contrasts and one-sided claims (types.ts). ../analysis.ts runs it before framing/, which frames
// its pairs; a new relation between the two texts is one more module here.

export { FACT_MODEL } from './fact-model';
export { buildArticleFeatures } from './features';
export { oneSidedFromFeatures } from './one-sided';
export { alignArticles, suggestSharedFacts } from './shared-facts';
export type { OneSidedClaims, SharedFact } from './types';

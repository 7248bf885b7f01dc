// Framing, the third stage: how each text tells it. The SegmentedArticles and alignment/'s pairs
// in; out come frame suggestions per sentence and per shared fact (Policy Frames Codebook cues),
// distinctive terms, themes, word choice across the pair and loaded wording on each side.
// ../analysis.ts assembles them into the Analysis the server caches per pair of versions. The
// browser imports the module it needs (frame-list.ts...): word-choice.ts loads wink-nlp's model.

export { framesOfPairs, type PairFrames } from './fact-frames';
export { buildTerms, type DistinctiveTerms } from './fightin-words';
export { suggestFrames, type ArticleFrames } from './frames';
export { findLoadedLanguage, type LoadedSpan } from './loaded-language';
export { parseThemeEdit, type ThemeEdit } from './theme-edits';
export { buildThemes, type Theme } from './themes';
export { buildWordChoices, type WordChoice } from './word-choice';

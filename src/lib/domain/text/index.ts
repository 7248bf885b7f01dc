// Text, the first stage: raw text in (a paste, an upload's or a link's extracted text), a
// SegmentedArticle out (../types.ts): the normalised text with a map back to the raw input,
// paragraphs marked title / body / furniture, and sentences. Every later offset (a shared fact,
// a loaded word, an annotation) indexes that normalised text. server/articles segments each
// article version as it is stored; alignment/ and framing/ read the result (tokens.ts, lemma.ts).

export { clipText } from './clip';
export { ACCENTED_LETTERS, PLAIN_LETTERS, foldAccents } from './fold';
export { looksLikeHtml, opensAsHtmlDocument } from './html-source';
export { normalizeText } from './normalize';
export { isSlug, labelMessage, labelProblem, oneLine } from './plain-text';
export { segmentArticle } from './segment';
export { checkTexts, hasContent, suggestGenre, type TextWarning } from './text-checks';

// Articles and comparisons: texts come in (ingest/: paste, upload .txt/.md/.html/.pdf, a link;
// a new import format is one more module there), are checked and stored as article versions,
// paired into comparisons (owned by the browser that made them), analysed once per pair of
// versions (analysis.ts, cached in analysis-cache.ts), listed in the library, seeded from
// seeds/ and moved between servers as one file (bundle.ts).

export { getAnalysis } from './analysis';
export * as articles from './article-versions';
export { ArticleInputError } from './article-versions';
export type { ArticleView } from './article-versions';
export * as bundles from './bundle';
export { exportBundle } from './bundle';
export * as comparisons from './comparisons';
export { deleteComparison, deletedMessage, inUseMessage } from './deletion';
export type { DeleteOutcome } from './deletion';
export { ComparisonInputError } from './comparisons';
export type { ComparisonView } from './comparisons';
export { readSubmission } from './ingest/form-sources';
export * as ingest from './ingest/new-comparison';
export { readPdf } from './ingest/pdf';
export * as library from './library';
export type { LibraryEntry } from './library';
export { REFUSAL_MESSAGES, editRefusal, ownershipOf, roomsOfOthers } from './ownership';
export { ensureSeedComparison } from './seed';

// Annotations: one store for every scope, a class room or a reader's room of one: who writes
// and their events (actor.ts), the comparison's texts (comparison-texts.ts), rows <-> the model
// (rows.ts) and the create's one statement (insert.ts). verbs.ts creates, edits and deletes; replies, suggestion decisions and theme edits are the
// same kind of verb; reanchor.ts places stored selectors in the current texts; exchange.ts
// exports W3C JSON-LD and CSV and imports a JSON-LD pack. Every write returns the live event
// it made, which rooms/events.ts records and publishes.

export { checkCollection, exportCsv, exportJsonLd, importCollection } from './exchange';
export { placeAnnotations } from './reanchor';
export type { Placed } from './reanchor';
export * as replies from './replies';
export { eventOf, lockKey, sendStaged } from './actor';
export type { Actor, EventLog, EventRow, Queryable, Tx } from './actor';
export { comparisonHeadColumns, completeComparison, textsOf } from './comparison-texts';
export type { ComparisonArticles, ComparisonHead } from './comparison-texts';
export { insertAnnotation } from './insert';
export { newAnnotationRow, selectAnnotations, toAnnotation, toTarget } from './rows';
export { factInput, insertFact, readBody } from './suggestions';
export type { DecisionResult, SuggestionDecision } from './suggestions';
export * as themeEdits from './theme-edits';
export { checkEdit } from './theme-edits';
export * as annotations from './verbs';
export { checkInput, requireComparison } from './verbs';

// Annotations: one store for every scope, a class room or a reader's room of one: who writes
// and their events (actor.ts), the comparison's texts (comparison-texts.ts), rows <-> the model
// (rows.ts) and the create's one statement (insert.ts). verbs.ts gathers the verbs on one
// annotation: lookup.ts reads, create.ts creates, edit.ts changes and deletes; replies,
// suggestion decisions and theme edits are the same kind of verb; reanchor.ts places stored
// selectors in the current texts; export.ts writes W3C JSON-LD and CSV and import.ts reads a
// JSON-LD pack back. Every write returns the live event it made, which rooms/events.ts records
// and publishes.

export { exportCsv, exportJsonLd } from './export';
export { checkCollection, importCollection } from './import';
export { placeAnnotations } from './reanchor';
export type { Placed } from './reanchor';
export * as replies from './replies';
export { eventOf, lockKey, sendStaged } from './actor';
export type { Actor, EventLog, EventRow, Queryable, Tx } from './actor';
export {
	comparisonHeadColumns,
	completeComparison,
	findComparisonArticles,
	forgetArticles,
	textsOf
} from './comparison-texts';
export type { ComparisonArticles, ComparisonHead } from './comparison-texts';
export { insertAnnotation } from './insert';
export { newAnnotationRow, selectAnnotations, toAnnotation, toTarget } from './rows';
export { factInput, insertFact, readBody } from './suggestions';
export type { DecisionResult, SuggestionDecision } from './suggestions';
export * as themeEdits from './theme-edits';
export { checkEdit } from './theme-edits';
export * as annotations from './verbs';
export { checkInput } from './create';
export { requireComparison } from './lookup';

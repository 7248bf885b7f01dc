// The annotation store, as the verb modules import it: who writes (actor.ts), the comparison's
// texts (comparison-texts.ts), rows <-> the model (rows.ts) and the create's statement
// (insert.ts). Kept while verbs.ts and exchange.ts are split elsewhere; new code imports the
// module it needs.

export * from './actor';
export * from './comparison-texts';
export * from './insert';
export * from './rows';

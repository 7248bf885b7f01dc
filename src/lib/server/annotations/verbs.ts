// The verbs on one annotation, as `annotations.*` (index.ts): reading (lookup.ts), creating
// (create.ts), changing and deleting (edit.ts). Replies, suggestion decisions and theme edits
// are verbs of their own beside these.
export { checkInput, create, type Created } from './create';
export { remove, update } from './edit';
export { get, list, requireComparison } from './lookup';

export type { Actor } from './actor';
export type { AnnotationView, Orphan, Placed, TargetPlacement } from './reanchor';

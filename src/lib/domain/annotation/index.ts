// Annotation, the readers' side of the pipeline: untrusted input (a request body, an imported
// JSON-LD pack) in; validated annotations of model.ts out (shared facts, framings, notes, with
// replies), placed on the analysed text by W3C selectors that anchor.ts finds again after an
// edit. Out again as W3C JSON-LD, CSV and the worksheet. server/annotations stores and sends
// them; the browser imports model.ts (labels, types) and the format it renders.

export { anchorTarget, type OrphanReason } from './anchor';
export { CSV_HEADER, toCsv, toCsvRows } from './csv-rows';
export { describeTextPosition } from './describe';
export { attachment, exportFileName, slugOf } from './file-name';
export {
	earlierVersions,
	fromAnnotationCollection,
	sameAsImported,
	toAnnotationCollection,
	uuidIri,
	type ImportError,
	type JsonObject
} from './jsonld';
export {
	CONTENT_FIELDS,
	TARGET_FIELDS,
	createTarget,
	positionKnown,
	type Annotation,
	type AnnotationInput,
	type AnnotationScope,
	type Author,
	type ComparisonTexts,
	type EntmanFunction,
	type Evidence,
	type Relation,
	type Reply,
	type Target
} from './model';
export { createCodePointIndex, type CodePointIndex } from './selectors';
export {
	validateAnnotationInput,
	validateReplyInput,
	type FieldError,
	type PassageRules
} from './validate';
export { isRecord, own } from './validate-fields';
export { buildWorksheet } from './worksheet';

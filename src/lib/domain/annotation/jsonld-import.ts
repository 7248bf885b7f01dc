/**
 * Import of a W3C Web Annotation collection written by jsonld.ts (a comparison pack a teacher
 * shares): every item is read back into the model (jsonld-items.ts) and validated like client
 * input, and each problem is reported against its item instead of throwing, so one bad
 * annotation never costs the rest. An annotation an edit left unplaced on the exporting server
 * (a passage on an earlier version of its article) comes back unplaced, never moved here.
 */
import {
	CONTENT_FIELDS,
	type Annotation,
	type ComparisonTexts,
	type Reply,
	type Target
} from './model';
import { createCodePointIndex } from './selectors';
import { validateAnnotation, validateReply, type FieldError } from './validate';
import { isRecord, own } from './validate-fields';
import { hasValue, list, readAnnotation, readReply, type Indexes } from './jsonld-items';
import { ANNO_CONTEXT, px, uuidIri } from './jsonld-vocabulary';

/** A problem with one item of the file (`item` is its 0-based index; null: the whole file). */
export interface ImportError extends FieldError {
	item: number | null;
	/** the item's id as written in the file, when it has one */
	id?: string;
}

/** The annotations that could be read, and why the others could not. */
export interface ImportResult {
	annotations: Annotation[];
	errors: ImportError[];
	/** the item (0-based) each annotation and reply read came from, by id: later refusals name it */
	itemOf: ReadonlyMap<string, number>;
}

/** Items one file may hold: a whole class's work many times over, bounded for hostile files. */
const MAX_ITEMS = 10_000;
/** Problems reported before the rest are summed up (nobody reads more). */
const MAX_ERRORS = 200;
/** Characters of an item's id repeated in its errors (a hostile id may be megabytes long). */
const MAX_ID_SHOWN = 200;
const COUNT = new Intl.NumberFormat('en-US');
/** Passages one annotation has at most (a shared fact's two). */
const MAX_TARGETS = 2;
/** Article versions are content hashes (64 hex digits); a longer one is refused, not looked up. */
const MAX_VERSION_LENGTH = 200;

/** The page of items of a collection (or of a bare page); a string names the problem instead. */
function itemsOf(json: unknown): unknown[] | string {
	if (!isRecord(json)) return 'This file is not an annotation collection (a JSON object).';
	if (!hasValue(own(json, '@context'), ANNO_CONTEXT)) {
		return `This is not a W3C Web Annotation file: its @context does not name ${ANNO_CONTEXT}.`;
	}
	const type = own(json, 'type');
	const page = hasValue(type, 'AnnotationCollection') ? own(json, 'first') : json;
	if (!hasValue(type, 'AnnotationCollection') && !hasValue(type, 'AnnotationPage')) {
		return 'This file is not an AnnotationCollection.';
	}
	if (typeof page === 'string')
		return 'The annotations are on separate pages; export them as one file.';
	const items = isRecord(page) ? own(page, 'items') : undefined;
	if (items === undefined && own(json, 'total') === 0) return [];
	if (!Array.isArray(items)) return 'The collection has no list of annotations (first.items).';
	if (items.length > MAX_ITEMS) {
		return `The file holds ${COUNT.format(items.length)} items; at most ${COUNT.format(MAX_ITEMS)} can be imported at once.`;
	}
	return items;
}

/** A pack made for other article versions cannot be placed: one clear message, not one per item. */
function versionProblems(json: Record<string, unknown>, articles: ComparisonTexts): string[] {
	return list(own(json, px('articles'))).flatMap((entry) => {
		if (!isRecord(entry)) return [];
		const side = own(entry, px('side'));
		const version = own(entry, px('version'));
		if ((side !== 'a' && side !== 'b') || typeof version !== 'string') return [];
		if (version === articles[side].version) return [];
		return [
			`This file was made for another version of article ${side.toUpperCase()}, so its passages cannot be placed.`
		];
	});
}

/**
 * The earlier article versions the file's passages name (passages an edit left unplaced), so a
 * server can look their texts up before reading the file with them.
 * @example earlierVersions(toAnnotationCollection(annotations, options), articles) // [] when every passage is on `articles`
 */
export function earlierVersions(json: unknown, articles: ComparisonTexts): string[] {
	const items = itemsOf(json);
	if (typeof items === 'string') return [];
	const versions = new Set<string>();
	for (const item of items) {
		const targets = isRecord(item) ? list(own(item, 'target')) : [];
		// more than a shared fact's two is refused by count: nothing to look up for it
		if (targets.length > MAX_TARGETS) continue;
		for (const target of targets) {
			if (!isRecord(target)) continue;
			const side = own(target, px('side'));
			const version = own(target, px('articleVersion'));
			const stale =
				(side === 'a' || side === 'b') &&
				typeof version === 'string' &&
				version.length <= MAX_VERSION_LENGTH &&
				version !== articles[side].version;
			if (stale) versions.add(version);
		}
	}
	return [...versions];
}

/**
 * Reads annotations back from a W3C AnnotationCollection (or AnnotationPage). Never throws: what
 * cannot be read is reported per item. Replies are attached to their annotation; a framing
 * attached to a shared fact that is not in the file is refused. A passage on another version of
 * its article is kept unplaced, with its offsets in that version's text when `earlier` (texts
 * by version) holds it.
 * @example fromAnnotationCollection(toAnnotationCollection(annotations, options), articles).annotations // deep-equals annotations
 */
export function fromAnnotationCollection(
	json: unknown,
	articles: ComparisonTexts,
	earlier?: ReadonlyMap<string, string>
): ImportResult {
	const errors: ImportError[] = [];
	let dropped = 0;
	const report = (item: number | null, id: unknown, found: FieldError[]) => {
		for (const e of found) {
			if (errors.length >= MAX_ERRORS) dropped++;
			else
				errors.push({
					item,
					...(typeof id === 'string' ? { id: id.slice(0, MAX_ID_SHOWN) } : {}),
					...e
				});
		}
	};
	const itemOf = new Map<string, number>();
	const items = itemsOf(json);
	if (typeof items === 'string')
		return { annotations: [], errors: [{ item: null, field: '', message: items }], itemOf };
	const problems = versionProblems(json as Record<string, unknown>, articles);
	if (problems.length > 0) {
		return {
			annotations: [],
			errors: problems.map((message) => ({ item: null, field: '', message })),
			itemOf
		};
	}
	const indexes: Indexes = {
		a: createCodePointIndex(articles.a.text),
		b: createCodePointIndex(articles.b.text)
	};
	const annotations: { item: number; value: Annotation }[] = [];
	const replies: { item: number; value: Reply }[] = [];
	const seen = new Set<string>();
	items.forEach((raw, item) => {
		if (!isRecord(raw))
			return report(item, undefined, [
				{ field: '', message: 'This item is not an annotation (a JSON object).' }
			]);
		const id = own(raw, 'id');
		const isReply = hasValue(own(raw, 'motivation'), 'replying');
		const read = isReply
			? { candidate: readReply(raw), pre: [] }
			: readAnnotation(raw, articles, indexes);
		const result = isReply
			? validateReply(read.candidate)
			: validateAnnotation(read.candidate, articles, earlier);
		if (!result.ok || read.pre.length > 0)
			return report(item, id, [...read.pre, ...(result.ok ? [] : result.errors)]);
		if (seen.has(result.value.id))
			return report(item, id, [
				{ field: 'id', message: 'Another item in the file has the same id.' }
			]);
		seen.add(result.value.id);
		itemOf.set(result.value.id, item);
		if (isReply) replies.push({ item, value: result.value as Reply });
		else annotations.push({ item, value: result.value as Annotation });
	});
	const facts = new Set(
		annotations.filter((a) => a.value.kind === 'shared-fact').map((a) => a.value.id)
	);
	const accepted = annotations.filter(({ item, value }) => {
		if (value.attachedTo === undefined || facts.has(value.attachedTo)) return true;
		report(item, uuidIri(value.id), [
			{
				field: 'attachedTo',
				message: 'The shared fact this framing is attached to is not in the file.'
			}
		]);
		return false;
	});
	const byId = new Map(accepted.map((a) => [a.value.id, a.value]));
	for (const { item, value } of replies) {
		const parent = byId.get(value.annotationId);
		if (parent) parent.replies.push(value);
		else
			report(item, uuidIri(value.id), [
				{ field: 'annotationId', message: 'The annotation this reply answers is not in the file.' }
			]);
	}
	if (dropped > 0)
		errors.push({ item: null, field: '', message: `${dropped} more problems were not listed.` });
	return { annotations: accepted.map((a) => a.value), errors, itemOf };
}

/** Two passages as an export writes them: offsets count only on the current version. */
function samePassage(x: Target, y: Target, articles: ComparisonTexts): boolean {
	const placed = x.articleVersion === articles[x.side].version;
	return (
		x.side === y.side &&
		x.articleVersion === y.articleVersion &&
		x.exact === y.exact &&
		x.prefix === y.prefix &&
		x.suffix === y.suffix &&
		(!placed || (x.start === y.start && x.end === y.end))
	);
}

/**
 * Whether an annotation read from a file says what `here` (the same id, stored or as placed in
 * the current texts) says: the same content and passages, an unplaced passage's offsets aside
 * (a file carries none: they may stand in, see unknownPosition). Importing such an annotation
 * again has nothing to do.
 * @example sameAsImported(stored, fromAnnotationCollection(exported, articles).annotations[0], articles) // true
 */
export function sameAsImported(
	here: Annotation,
	incoming: Annotation,
	articles: ComparisonTexts
): boolean {
	if (CONTENT_FIELDS.some((k) => (here[k] ?? null) !== (incoming[k] ?? null))) return false;
	return (
		here.targets.length === incoming.targets.length &&
		here.targets.every((t, i) => samePassage(t, incoming.targets[i], articles))
	);
}

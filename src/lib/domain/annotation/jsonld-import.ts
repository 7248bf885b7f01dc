/**
 * Import of a W3C Web Annotation collection written by jsonld.ts (a comparison pack a teacher
 * shares): every item is read back into the model and validated like client input, and each
 * problem is reported against its item instead of throwing, so one bad annotation never costs
 * the rest. Also defines the vocabulary both directions share (this is its strictest reader).
 */
import type { Side } from '../types';
import type { Annotation, AnnotationKind, ComparisonTexts, Reply } from './model';
import { createCodePointIndex, type CodePointIndex } from './selectors';
import { validateAnnotation, validateReply, type FieldError } from './validate';
import { isRecord, own } from './validate-fields';

/** The Web Annotation context every annotation, page and collection names. */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Prefix of Parallax's extension terms (compact IRIs such as `parallax:relation`). */
export const PARALLAX_PREFIX = 'parallax';

/** Parallax's extension property `name` as a compact IRI. */
export function px(name: string): string {
	return `${PARALLAX_PREFIX}:${name}`;
}

/** urn:uuid IRI of an annotation or reply id (stable across servers, unlike a URL). */
export function uuidIri(id: string): string {
	return `urn:uuid:${id}`;
}

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
}

/** Items one file may hold: a whole class's work many times over, bounded for hostile files. */
const MAX_ITEMS = 10_000;
/** Problems reported before the rest are summed up (nobody reads more). */
const MAX_ERRORS = 200;
/** Bodies, selectors, types or context entries looked at per object: far above what we write. */
const MAX_PARTS = 20;
const UUID_AT_END = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
const MOTIVATION_KIND: Record<string, AnnotationKind> = {
	linking: 'shared-fact',
	classifying: 'framing',
	tagging: 'framing',
	commenting: 'note',
	questioning: 'note'
};

/** Characters of an item's id repeated in its errors (a hostile id may be megabytes long). */
const MAX_ID_SHOWN = 200;
const COUNT = new Intl.NumberFormat('en-US');
const TERM_NAMES = {
	relation: 'relation',
	evidence: 'evidence status',
	frame: 'frame',
	entman: 'Entman function'
} as const;

type Indexes = Record<Side, CodePointIndex>;

/** A JSON-LD value that may be one thing or a list of things, as a (bounded) list. */
function list(raw: unknown): unknown[] {
	if (raw === undefined || raw === null) return [];
	return Array.isArray(raw) ? raw.slice(0, MAX_PARTS) : [raw];
}

function hasValue(raw: unknown, value: string): boolean {
	return list(raw).includes(value);
}

/** The uuid of a urn:uuid IRI or of a URL ending in one; anything else as given (to be refused). */
function idOf(raw: unknown): unknown {
	if (typeof raw !== 'string') return raw;
	if (raw.startsWith('urn:uuid:')) return raw.slice('urn:uuid:'.length);
	return UUID_AT_END.exec(raw)?.[1] ?? raw;
}

function selectorOf(selectors: unknown[], type: string): Record<string, unknown> | undefined {
	return selectors.find(
		(s): s is Record<string, unknown> => isRecord(s) && own(s, 'type') === type
	);
}

/** A W3C code-point offset as UTF-16; offsets past the end stay past it, for a clear message. */
function toUtf16(raw: unknown, index: CodePointIndex, textLength: number): unknown {
	if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 0) return raw;
	return raw <= index.length ? index.fromCodePoint(raw) : textLength + (raw - index.length);
}

/** A SpecificResource target back to a model target (validated later). */
function readTarget(raw: unknown, articles: ComparisonTexts, indexes: Indexes): unknown {
	if (!isRecord(raw)) return raw;
	const side = own(raw, px('side'));
	const selectors = list(own(raw, 'selector'));
	const position = selectorOf(selectors, 'TextPositionSelector');
	const quote = selectorOf(selectors, 'TextQuoteSelector');
	let start = position && own(position, 'start');
	let end = position && own(position, 'end');
	if (side === 'a' || side === 'b') {
		const length = articles[side].text.length;
		start = toUtf16(start, indexes[side], length);
		end = toUtf16(end, indexes[side], length);
	}
	const target: Record<string, unknown> = {
		side,
		articleVersion: own(raw, px('articleVersion')),
		start,
		end,
		exact: quote && own(quote, 'exact')
	};
	if (quote && own(quote, 'prefix') !== undefined) target.prefix = own(quote, 'prefix');
	if (quote && own(quote, 'suffix') !== undefined) target.suffix = own(quote, 'suffix');
	return target;
}

function readAuthor(raw: unknown): unknown {
	const creator = list(raw)[0];
	if (typeof creator === 'string') return { id: creator, name: '' };
	if (!isRecord(creator)) return undefined;
	const name = own(creator, 'name') ?? own(creator, 'nickname') ?? '';
	return { id: own(creator, px('authorId')) ?? own(creator, 'id'), name: list(name)[0] };
}

/** The note of an item: its plain-text body without a Parallax meaning, or its bodyValue. */
function readNote(item: Record<string, unknown>, bodies: unknown[], pre: FieldError[]): unknown {
	const notes = bodies.filter(
		(b) =>
			isRecord(b) &&
			own(b, 'type') === 'TextualBody' &&
			!Object.keys(b).some((k) => k.startsWith(`${PARALLAX_PREFIX}:`))
	);
	if (notes.length > 1)
		pre.push({ field: 'note', message: 'The annotation has more than one note.' });
	const body = notes[0];
	return isRecord(body) ? own(body, 'value') : own(item, 'bodyValue');
}

/** One W3C annotation back to a model annotation (validated later), plus problems found on the way. */
function readAnnotation(
	item: Record<string, unknown>,
	articles: ComparisonTexts,
	indexes: Indexes
) {
	const pre: FieldError[] = [];
	const motivation = list(own(item, 'motivation')).find(
		(m) => typeof m === 'string' && Object.hasOwn(MOTIVATION_KIND, m)
	);
	const target = own(item, 'target');
	// the whole list, unread, so that the count in the message is the real one
	const rawTargets = Array.isArray(target) ? target : list(target);
	const bodies = list(own(item, 'body'));
	const candidate: Record<string, unknown> = {
		id: idOf(own(item, 'id')),
		kind:
			own(item, px('kind')) ??
			(typeof motivation === 'string' ? MOTIVATION_KIND[motivation] : undefined),
		// more than two targets is refused by count: no need to read them
		targets:
			rawTargets.length > 2 ? rawTargets : rawTargets.map((t) => readTarget(t, articles, indexes)),
		note: readNote(item, bodies, pre) ?? '',
		attachedTo: idOf(own(item, px('attachedTo'))),
		suggestionId: own(item, px('suggestionId')),
		author: readAuthor(own(item, 'creator')),
		createdAt: own(item, 'created'),
		updatedAt: own(item, 'modified') ?? own(item, 'created'),
		replies: []
	};
	const scopeKind = own(item, px('scopeKind'));
	const scopeId = own(item, px('scopeId'));
	if (scopeKind !== undefined || scopeId !== undefined)
		candidate.scope = { kind: scopeKind, id: scopeId };
	const terms = ['relation', 'evidence', 'frame', 'entman'] as const;
	for (const body of bodies) {
		if (!isRecord(body)) continue;
		for (const term of terms) {
			if (own(body, px(term)) === undefined) continue;
			if (candidate[term] !== undefined)
				pre.push({ field: term, message: `The annotation has more than one ${TERM_NAMES[term]}.` });
			candidate[term] = own(body, px(term));
		}
		if (own(body, 'type') === 'SpecificResource' && own(body, 'purpose') === 'assessing') {
			candidate.evidenceUrl = own(body, 'source');
		}
	}
	return { candidate, pre };
}

function readReply(item: Record<string, unknown>): unknown {
	const body = list(own(item, 'body')).find((b) => isRecord(b) && own(b, 'type') === 'TextualBody');
	const target = list(own(item, 'target'))[0];
	return {
		id: idOf(own(item, 'id')),
		annotationId: idOf(isRecord(target) ? (own(target, 'id') ?? own(target, 'source')) : target),
		author: readAuthor(own(item, 'creator')),
		note: isRecord(body) ? own(body, 'value') : own(item, 'bodyValue'),
		createdAt: own(item, 'created'),
		updatedAt: own(item, 'modified') ?? own(item, 'created')
	};
}

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
 * Reads annotations back from a W3C AnnotationCollection (or AnnotationPage). Never throws: what
 * cannot be read is reported per item. Replies are attached to their annotation; a framing
 * attached to a shared fact that is not in the file is refused.
 * @example fromAnnotationCollection(toAnnotationCollection(annotations, options), articles).annotations // deep-equals annotations
 */
export function fromAnnotationCollection(json: unknown, articles: ComparisonTexts): ImportResult {
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
	const items = itemsOf(json);
	if (typeof items === 'string')
		return { annotations: [], errors: [{ item: null, field: '', message: items }] };
	const problems = versionProblems(json as Record<string, unknown>, articles);
	if (problems.length > 0) {
		return {
			annotations: [],
			errors: problems.map((message) => ({ item: null, field: '', message }))
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
			: validateAnnotation(read.candidate, articles);
		if (!result.ok || read.pre.length > 0)
			return report(item, id, [...read.pre, ...(result.ok ? [] : result.errors)]);
		if (seen.has(result.value.id))
			return report(item, id, [
				{ field: 'id', message: 'Another item in the file has the same id.' }
			]);
		seen.add(result.value.id);
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
	return { annotations: accepted.map((a) => a.value), errors };
}

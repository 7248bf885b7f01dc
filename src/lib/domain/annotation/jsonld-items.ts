/**
 * One item of a W3C Web Annotation file read back into the shape the model validates: targets
 * (code points to UTF-16), author, note, Parallax's terms and the item's kind. Nothing is
 * checked here beyond what reading needs; jsonld-import.ts validates each candidate like client
 * input and reports its problems.
 */
import type { Side } from '../types';
import type { AnnotationKind, ComparisonTexts } from './model';
import type { CodePointIndex } from './selectors';
import type { FieldError } from './validate';
import { isRecord, own } from './validate-fields';
import { PARALLAX_PREFIX, px } from './jsonld-vocabulary';

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

const TERM_NAMES = {
	relation: 'relation',
	evidence: 'evidence status',
	frame: 'frame',
	entman: 'Entman function'
} as const;

/** Each side's code-point index, to turn W3C offsets into UTF-16. */
export type Indexes = Record<Side, CodePointIndex>;

/** A JSON-LD value that may be one thing or a list of things, as a (bounded) list. */
export function list(raw: unknown): unknown[] {
	if (raw === undefined || raw === null) return [];
	return Array.isArray(raw) ? raw.slice(0, MAX_PARTS) : [raw];
}

/** Whether a one-or-many JSON-LD value holds `value`. */
export function hasValue(raw: unknown, value: string): boolean {
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

/**
 * A SpecificResource target back to a model target (validated later). A target on another
 * version of its article (one an edit left unplaced) is read by its quote alone: a position
 * would count in that version's text, which this server may not have.
 */
function readTarget(raw: unknown, articles: ComparisonTexts, indexes: Indexes): unknown {
	if (!isRecord(raw)) return raw;
	const side = own(raw, px('side'));
	const articleVersion = own(raw, px('articleVersion'));
	const selectors = list(own(raw, 'selector'));
	const position = selectorOf(selectors, 'TextPositionSelector');
	const quote = selectorOf(selectors, 'TextQuoteSelector');
	const target: Record<string, unknown> = { side, articleVersion };
	if ((side === 'a' || side === 'b') && articleVersion === articles[side].version) {
		const length = articles[side].text.length;
		target.start = toUtf16(position && own(position, 'start'), indexes[side], length);
		target.end = toUtf16(position && own(position, 'end'), indexes[side], length);
	}
	target.exact = quote && own(quote, 'exact');
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
export function readAnnotation(
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

/** One W3C reply back to a model reply (validated later). */
export function readReply(item: Record<string, unknown>): unknown {
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

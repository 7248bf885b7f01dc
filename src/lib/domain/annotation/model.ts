/**
 * The annotation model: shared facts (one passage in each article, linked), framings (one passage
 * tagged with a frame and an Entman function) and notes, each with replies. Offsets are UTF-16
 * into the article's normalised text; W3C selectors (code points) are made only at the edges.
 * An annotation belongs to a scope (a reader's workspace or a classroom room), so rooms reuse it.
 */
import { FRAMES } from '../framing/frame-list';
import type { Side, Span } from '../types';
import { describeTextPosition, describeTextQuote } from './describe';
import type { CodePointIndex, TextPositionSelector, TextQuoteSelector } from './selectors';

/** What an annotation says about its passages. */
export type AnnotationKind = 'shared-fact' | 'framing' | 'note';
/** How the two passages of a shared fact relate. */
export type Relation = 'same' | 'different-detail' | 'contradicts';
/** What a reader found when checking a shared fact. */
export type Evidence = 'verified' | 'disputed' | 'unverifiable';
/** The four functions of a frame (Entman 1993). */
export type EntmanFunction =
	'problem-definition' | 'causal-attribution' | 'moral-evaluation' | 'remedy';

/** Every annotation kind, in toolbar order. */
export const ANNOTATION_KINDS: readonly AnnotationKind[] = ['shared-fact', 'framing', 'note'];
/** Every relation, from agreement to disagreement. */
export const RELATIONS: readonly Relation[] = ['same', 'different-detail', 'contradicts'];
/** Every evidence status. */
export const EVIDENCE: readonly Evidence[] = ['verified', 'disputed', 'unverifiable'];
/** Entman's functions in his order. */
export const ENTMAN_FUNCTIONS: readonly EntmanFunction[] = [
	'problem-definition',
	'causal-attribution',
	'moral-evaluation',
	'remedy'
];

/** Human labels for exports and the worksheet (UI copy uses the same words). */
export const KIND_LABELS: Readonly<Record<AnnotationKind, string>> = {
	'shared-fact': 'Shared fact',
	framing: 'Framing',
	note: 'Note'
};
/** Labels of the relations. */
export const RELATION_LABELS: Readonly<Record<Relation, string>> = {
	same: 'Same fact',
	'different-detail': 'Same fact, different detail',
	contradicts: 'Contradicts'
};
/** Labels of the evidence statuses. */
export const EVIDENCE_LABELS: Readonly<Record<Evidence, string>> = {
	verified: 'Verified',
	disputed: 'Disputed',
	unverifiable: 'Unverifiable'
};
/** Labels of Entman's functions. */
export const ENTMAN_LABELS: Readonly<Record<EntmanFunction, string>> = {
	'problem-definition': 'Problem definition',
	'causal-attribution': 'Causal attribution',
	'moral-evaluation': 'Moral evaluation',
	remedy: 'Remedy'
};

/** A passage of one article version: offsets plus the quote and context to re-find it. */
export interface Target {
	side: Side;
	/** content hash of the article text the offsets refer to */
	articleVersion: string;
	/**
	 * UTF-16 offsets into the normalised text, start < end (for an unplaced passage imported
	 * without that version's text, the stand-ins of unknownPosition)
	 */
	start: number;
	end: number;
	/** text.slice(start, end) when the annotation was made */
	exact: string;
	/** text just before and after the passage (describe.ts decides how much) */
	prefix: string;
	suffix: string;
}

/** Who wrote an annotation or reply (a reader, a student's display name, a teacher). */
export interface Author {
	id: string;
	name: string;
}

/**
 * Where an annotation lives: a room (a class, or a reader's personal room of one). Files
 * exported before personal rooms existed say 'workspace'; they still import.
 */
export interface AnnotationScope {
	kind: 'workspace' | 'room';
	id: string;
}

/** A reply in the thread under an annotation. */
export interface Reply {
	id: string;
	annotationId: string;
	author: Author;
	/** plain text, never rendered as HTML */
	note: string;
	/** ISO 8601 UTC timestamps */
	createdAt: string;
	updatedAt: string;
}

/** One annotation; the kind decides which optional fields apply. */
export interface Annotation {
	/** client-generated uuid (lower case) */
	id: string;
	kind: AnnotationKind;
	/** shared fact: [a, b]; framing and note: one target */
	targets: Target[];
	/** shared fact only */
	relation?: Relation;
	evidence?: Evidence;
	/** http(s) link to a source that checks the fact */
	evidenceUrl?: string;
	/** framing only: a FRAMES id, or a teacher's sub-frame 'frameId/sub-slug' */
	frame?: string;
	entman?: EntmanFunction;
	/** plain text, never rendered as HTML ('' when there is none) */
	note: string;
	/** framing only: the shared fact it hangs on (the end is the framing's side) */
	attachedTo?: string;
	/** the engine suggestion this annotation was accepted from */
	suggestionId?: string;
	author: Author;
	scope: AnnotationScope;
	createdAt: string;
	updatedAt: string;
	replies: Reply[];
}

/** What an annotation says besides its id and passages: the fields its author sets. */
export const CONTENT_FIELDS = [
	'kind',
	'relation',
	'evidence',
	'evidenceUrl',
	'frame',
	'entman',
	'note',
	'attachedTo',
	'suggestionId'
] as const;

/** The fields a client sends to create or update an annotation; the server adds the rest. */
export type AnnotationInput = Pick<Annotation, 'id' | 'targets' | (typeof CONTENT_FIELDS)[number]>;

/** The fields of a passage, as stored and as sent. */
export const TARGET_FIELDS = [
	'side',
	'articleVersion',
	'start',
	'end',
	'exact',
	'prefix',
	'suffix'
] as const satisfies readonly (keyof Target)[];

/** The fields a client sends to create or update a reply. */
export type ReplyInput = Pick<Reply, 'id' | 'annotationId' | 'note'>;

/** The text and version of one article, as needed to check and place targets. */
export interface ArticleText {
	text: string;
	version: string;
}

/** Both articles of a comparison, by side. */
export type ComparisonTexts = Readonly<Record<Side, ArticleText>>;

/** A teacher's sub-frame slug: lower-case words joined by hyphens (URL- and CSV-safe). */
const SUB_FRAME_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Long enough for "costs-to-local-schools-and-hospitals", short enough for a chip. */
const MAX_SUB_FRAME_LENGTH = 60;

/**
 * Splits a frame value into its FRAMES dimension and optional sub-frame slug, or null when the
 * dimension is unknown or the slug malformed.
 * @example parseFrame('economic/school-costs') // { frame: FRAMES[0], sub: 'school-costs' }
 */
export function parseFrame(value: string): { frame: (typeof FRAMES)[number]; sub?: string } | null {
	const slash = value.indexOf('/');
	const id = slash === -1 ? value : value.slice(0, slash);
	const frame = FRAMES.find((f) => f.id === id);
	if (!frame) return null;
	if (slash === -1) return { frame };
	const sub = value.slice(slash + 1);
	if (sub.length > MAX_SUB_FRAME_LENGTH || !SUB_FRAME_SLUG.test(sub)) return null;
	return { frame, sub };
}

/**
 * The label of a frame value for exports: the dimension's label, plus the sub-frame in words.
 * Unknown values come back as given, so an export never loses them.
 * @example frameLabel('economic/school-costs') // 'Economic: school costs'
 */
export function frameLabel(value: string): string {
	const parsed = parseFrame(value);
	if (!parsed) return value;
	return parsed.sub
		? `${parsed.frame.label}: ${parsed.sub.replaceAll('-', ' ')}`
		: parsed.frame.label;
}

/**
 * A target for a span of one article's normalised text, with the quote and the context that
 * describe.ts records to re-find it after edits.
 * @example createTarget('One two three', 'a', 'v1', { start: 4, end: 7 }).exact // 'two'
 */
export function createTarget(text: string, side: Side, version: string, span: Span): Target {
	const quote = describeTextQuote(text, span);
	return {
		side,
		articleVersion: version,
		start: span.start,
		end: span.end,
		exact: quote.exact,
		prefix: quote.prefix ?? '',
		suffix: quote.suffix ?? ''
	};
}

/**
 * Offsets for a passage on an article version this server does not have (an unplaced passage
 * read from a file, whose export carries only its quote): they cannot be known, and the store
 * needs numbers, so 0 and the quote's length stand in. Where the passage has a prefix they cannot
 * be its place (positionKnown), so nothing takes them for one; where it has none, the passage
 * did open the text and they are right.
 * @example unknownPosition('two') // { start: 0, end: 3 }
 */
export function unknownPosition(exact: string): Span {
	return { start: 0, end: exact.length };
}

/**
 * Whether a passage's offsets can be its place: its recorded prefix fits before its start.
 * False only for the stand-ins of unknownPosition, which re-anchoring must not take for an old
 * position nor the worksheet compare.
 * @example positionKnown({ ...target, start: 0, prefix: 'One ' }) // false
 */
export function positionKnown(target: Target): boolean {
	return target.start >= target.prefix.length;
}

/**
 * Whether `text` holds the passage's quote at its offsets, with its recorded context right
 * around it: only then are the offsets where the passage was in that text (an import checks
 * offsets given for an earlier version this way).
 * @example passageAt('One two three', createTarget('One two three', 'a', 'v1', { start: 4, end: 7 })) // true
 */
export function passageAt(text: string, target: Target): boolean {
	const { start, end, exact, prefix, suffix } = target;
	return (
		positionKnown(target) &&
		end <= text.length &&
		text.slice(start, end) === exact &&
		text.slice(start - prefix.length, start) === prefix &&
		text.slice(end, end + suffix.length) === suffix
	);
}

/**
 * The W3C selectors of a target: its position in code points (computed from the text, which
 * must be the target's version) and its stored quote with context.
 * @example targetSelectors('😃 ok', createTarget('😃 ok', 'a', 'v1', { start: 3, end: 5 }))[0]
 * // { type: 'TextPositionSelector', start: 2, end: 4 }
 */
export function targetSelectors(
	text: string,
	target: Target,
	index?: CodePointIndex
): [TextPositionSelector, TextQuoteSelector] {
	const position = describeTextPosition(text, target, index);
	const quote: TextQuoteSelector = {
		type: 'TextQuoteSelector',
		exact: target.exact,
		prefix: target.prefix,
		suffix: target.suffix
	};
	return [position, quote];
}

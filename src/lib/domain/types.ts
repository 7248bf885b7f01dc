/**
 * Shared vocabulary of the pure core.
 *
 * Coordinate system: every `start`/`end` in the domain is a UTF-16 offset (JavaScript string
 * index) into an article's *normalised* text (`SegmentedArticle.text`). Conversion to Unicode
 * code points happens only at the edges that the W3C model or the CLI fix (selectors, exports).
 */

/** A half-open range [start, end) in an article's normalised text. */
export interface Span {
	start: number;
	end: number;
}

/** Which of the two articles of a comparison. */
export type Side = 'a' | 'b';

/** Kinds of article furniture: text around the argument that is not part of it. */
export type FurnitureKind =
	'navigation' | 'tags' | 'credit' | 'byline' | 'dateline' | 'bio' | 'appeal' | 'share' | 'other';

/** A paragraph: a block of text separated from its neighbours by a blank line or a line break. */
export interface Paragraph extends Span {
	index: number;
	/** `title` is the headline; `furniture` is set apart from the argument's body. */
	kind: 'title' | 'body' | 'furniture';
	/** Why a furniture paragraph was set apart (absent for body and title). */
	furniture?: FurnitureKind;
}

/** A sentence inside one paragraph. Sentence indexes are stable ids within an article version. */
export interface Sentence extends Span {
	index: number;
	paragraph: number;
	text: string;
	/** True when the sentence belongs to a furniture paragraph (never suggested as a shared fact). */
	furniture: boolean;
}

/** An article's normalised text with its paragraphs and sentences. */
export interface SegmentedArticle {
	text: string;
	paragraphs: Paragraph[];
	sentences: Sentence[];
}

/** A word token with its lemma; offsets into the same normalised text. */
export interface Token extends Span {
	/** surface form as written */
	text: string;
	/** lower-cased base form ("deportations" -> "deportation", "fled" -> "flee") */
	lemma: string;
	/** token class, enough for the engine: words, numbers, punctuation are told apart */
	kind: 'word' | 'number' | 'punct';
}

/**
 * Where an article's text came from, as the comparison remembers it: a link fetched at a time,
 * an uploaded file, or pasted text. `edited` marks a text changed by hand after it was read.
 * Articles stored before origins were recorded have none (null: unknown).
 */
export type ArticleOrigin =
	| { kind: 'link'; url: string; fetchedAt: string; edited?: true }
	| { kind: 'file'; name: string; edited?: true }
	| { kind: 'pasted' };

/** Metadata shown on an article's context card. */
export interface ArticleMeta {
	title: string;
	outlet?: string;
	author?: string;
	/** ISO date (YYYY-MM-DD) where known */
	date?: string;
	/** absent: not given (never guessed: a guess is offered to the person, who confirms it) */
	genre?: 'opinion' | 'report' | 'analysis';
	sourceUrl?: string;
}

import type { SharedFact } from '$lib/domain/alignment/types';
import type { ArticleMeta, ArticleOrigin, Paragraph, Sentence, Side } from '$lib/domain/types';

/** An article as the reading view receives it: one version's text and its segmentation. */
export interface ArticleView {
	id: string;
	/** content hash of the normalised text: the article version annotations anchor to */
	version: string;
	text: string;
	meta: ArticleMeta;
	/** where the text came from (null or left out: not recorded) */
	origin?: ArticleOrigin | null;
	paragraphs: Paragraph[];
	sentences: Sentence[];
}

/** A comparison as the reading view receives it. */
export interface ComparisonView {
	id: string;
	slug: string | null;
	title: string;
	a: ArticleView;
	b: ArticleView;
}

/** One piece of a paragraph as rendered: a sentence or the text between sentences. */
type ParagraphPiece =
	{ kind: 'sentence'; sentence: Sentence } | { kind: 'gap'; text: string; start: number };

/** Split a paragraph into sentences and the gaps between them, so rendering keeps every character. */
export function buildParagraphPieces(
	text: string,
	paragraph: Paragraph,
	sentences: readonly Sentence[]
): ParagraphPiece[] {
	const pieces: ParagraphPiece[] = [];
	let at = paragraph.start;
	for (const sentence of sentences) {
		if (sentence.paragraph !== paragraph.index) continue;
		if (sentence.start > at)
			pieces.push({ kind: 'gap', text: text.slice(at, sentence.start), start: at });
		pieces.push({ kind: 'sentence', sentence });
		at = sentence.end;
	}
	if (at < paragraph.end)
		pieces.push({ kind: 'gap', text: text.slice(at, paragraph.end), start: at });
	return pieces;
}

/**
 * Every paragraph's pieces at once, by paragraph position (one pass over the sentences, where
 * a paragraph at a time scans them all: quadratic work in the page's hydration).
 */
export function buildArticlePieces(
	text: string,
	paragraphs: readonly Paragraph[],
	sentences: readonly Sentence[]
): ParagraphPiece[][] {
	const byParagraph = new Map<number, Sentence[]>();
	for (const sentence of sentences) {
		const list = byParagraph.get(sentence.paragraph);
		if (list) list.push(sentence);
		else byParagraph.set(sentence.paragraph, [sentence]);
	}
	return paragraphs.map((p) => buildParagraphPieces(text, p, byParagraph.get(p.index) ?? []));
}

/** The DOM id of a sentence, stable across renders: used for links and scrolling. */
export function sentenceDomId(side: Side, index: number): string {
	return `${side}-s${index}`;
}

/** The DOM id of the link marker after a linked sentence: keyboard focus lands there. */
export function markerDomId(side: Side, index: number): string {
	return `${side}-m${index}`;
}

/** The DOM id of an annotation's card in the list: focus goes there when it is newly shown. */
export function annotationDomId(id: string): string {
	return `annotation-${id}`;
}

/** Human label for an article side, never told by colour alone. */
export function sideLabel(side: Side): string {
	return side === 'a' ? 'Article A' : 'Article B';
}

/**
 * A shared fact's details (names, numbers, dates, phrases) as the list shows them: each once, the
 * first kind that names it winning ("last week" is a date and a phrase), with a unique key for
 * a keyed each block (a repeated key makes Svelte throw and blanks the page).
 */
export function sharedDetails(
	fact: Pick<SharedFact, 'entities' | 'numbers' | 'dates' | 'phrases'>
): { key: string; text: string }[] {
	const seen = new Set<string>();
	const details: { key: string; text: string }[] = [];
	for (const text of [...fact.entities, ...fact.numbers, ...fact.dates, ...fact.phrases]) {
		const key = text.trim().toLowerCase();
		if (key === '' || seen.has(key)) continue;
		seen.add(key);
		details.push({ key, text });
	}
	return details;
}

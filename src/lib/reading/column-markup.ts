import type { Relation } from '$lib/domain/alignment/types';
import type { Paragraph, Sentence, Side } from '$lib/domain/types';
import { FURNITURE_LABELS } from '$lib/domain/text/furniture-labels';
import { sentenceAt } from '$lib/domain/text/sentence-at';
import { RELATION_GLYPHS, RELATION_LABELS } from './relations';
import { buildArticlePieces, markerDomId, sentenceDomId, sideLabel } from './view';

// An article column is rendered as one string of markup and then patched sentence by sentence:
// a component per sentence, each with its own reactive marks, made most of the reading view's
// hydration (the page's one long task on a phone). The server sends the same markup.

/** What one sentence shows beside its text: classes, the loaded-wording tooltip, a jump marker. */
export interface SentenceMarks {
	/** classes besides `sentence`, in a fixed order: linked, lit, one-sided, in-focus, dimmed */
	classes: string[];
	/** the tooltip naming its loaded wording ('' when none) */
	title: string;
	/** the engine's first shared fact with an end here: its marker jumps to the other end */
	marker: { factId: string; relation: Relation } | null;
}

/** What a column's marks are computed from (the reading state of one moment, for one side). */
export interface MarkInputs {
	sentences: readonly Pick<Sentence, 'index' | 'start' | 'end'>[];
	/** suggested shared facts per sentence index (empty when suggestions are hidden) */
	links: ReadonlyMap<number, readonly string[]>;
	/**
	 * the suggestions the reader decided on, not marked: a dismissed one is not a shared fact, an
	 * accepted one is the reader's own (its own marker says so)
	 */
	decided: ReadonlySet<string>;
	/** a suggested fact's relation by id (undefined: not a known fact, no marker) */
	relationOf: (factId: string) => Relation | undefined;
	/** the facts lit now (selected or hovered) */
	litFacts: ReadonlySet<string>;
	/** the sentences marked as one-sided claims (empty unless the reader looks at them) */
	oneSided: ReadonlySet<number>;
	/** the sentences in focus (a picked theme or frame), or null when nothing narrows the view */
	focus: ReadonlySet<number> | null;
	/** loaded wording of the article (empty when the layer is off) */
	loaded: readonly { start: number; why: string }[];
}

/** No marks at all: a sentence absent from a marks map looks like this. */
const PLAIN: SentenceMarks = { classes: [], title: '', marker: null };

/**
 * The marks of every sentence of a column that shows any (sentences without marks are left out).
 * @example columnMarks({ sentences: [{ index: 0, start: 0, end: 5 }], links: new Map([[0, ['f1']]]), decided: new Set(), relationOf: () => 'same', litFacts: new Set(), oneSided: new Set(), focus: null, loaded: [] }).get(0)?.classes // ['linked']
 */
export function columnMarks(input: MarkInputs): Map<number, SentenceMarks> {
	const titles = new Map<number, string[]>();
	for (const span of input.loaded) {
		const index = sentenceAt(input.sentences, span.start);
		if (index < 0) continue;
		const list = titles.get(index);
		const line = `Loaded wording — ${span.why}`;
		if (list) list.push(line);
		else titles.set(index, [line]);
	}
	const marks = new Map<number, SentenceMarks>();
	for (const { index } of input.sentences) {
		const ids = (input.links.get(index) ?? []).filter((id) => !input.decided.has(id));
		const classes: string[] = [];
		if (ids.length) classes.push('linked');
		if (ids.some((id) => input.litFacts.has(id))) classes.push('lit');
		if (input.oneSided.has(index)) classes.push('one-sided');
		const inFocus = input.focus?.has(index) ?? false;
		if (inFocus) classes.push('in-focus');
		if (input.focus && !inFocus) classes.push('dimmed');
		const relation = ids.length ? input.relationOf(ids[0]) : undefined;
		const title = titles.get(index)?.join('\n') ?? '';
		if (!classes.length && !title && !relation) continue;
		marks.set(index, {
			classes,
			title,
			marker: relation ? { factId: ids[0], relation } : null
		});
	}
	return marks;
}

/** A sentence's marks as one comparable string. */
function marksKey(m: SentenceMarks): string {
	return `${m.classes.join(' ')}|${m.title}|${m.marker ? `${m.marker.factId}:${m.marker.relation}` : ''}`;
}

/**
 * The sentences whose marks differ between two moments (the only ones the page must touch),
 * ascending.
 * @example changedSentences(new Map(), new Map([[3, { classes: ['lit'], title: '', marker: null }]])) // [3]
 */
export function changedSentences(
	before: ReadonlyMap<number, SentenceMarks>,
	after: ReadonlyMap<number, SentenceMarks>
): number[] {
	const changed = new Set<number>();
	for (const [index, m] of before)
		if (marksKey(m) !== marksKey(after.get(index) ?? PLAIN)) changed.add(index);
	for (const [index, m] of after)
		if (!before.has(index) && marksKey(m) !== marksKey(PLAIN)) changed.add(index);
	return [...changed].sort((x, y) => x - y);
}

/** Text made safe inside an element or a double-quoted attribute. */
function escapeHtml(text: string): string {
	return text.replace(/[&<>"]/g, (c) =>
		c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'
	);
}

/** The class attribute of a sentence with these marks. */
export function sentenceClass(marks: SentenceMarks | undefined): string {
	return ['sentence', ...(marks?.classes ?? [])].join(' ');
}

/**
 * The engine's jump marker after a linked sentence of `side` (its fact's relation, by glyph and
 * words, never by colour alone); `data-fact` and `data-of` let one listener on the column act.
 */
export function engineMarkerHtml(
	side: Side,
	index: number,
	marker: NonNullable<SentenceMarks['marker']>
): string {
	const other = side === 'a' ? 'b' : 'a';
	const label = RELATION_LABELS[marker.relation];
	return (
		`<button type="button" class="marker relation-${marker.relation}" id="${markerDomId(side, index)}"` +
		` data-fact="${escapeHtml(marker.factId)}" data-of="${index}"` +
		` aria-label="${escapeHtml(`${label}: jump to the matching passage in ${sideLabel(other)}`)}"` +
		` title="${escapeHtml(`${label} — jump to ${sideLabel(other)}`)}">` +
		`${RELATION_GLYPHS[marker.relation]}${other.toUpperCase()}</button>`
	);
}

/** The marker of one of the reader's own shared facts with an end in sentence `index` of `side`. */
export function ownMarkerHtml(
	side: Side,
	index: number,
	own: { id: string; relation: Relation }
): string {
	const other = side === 'a' ? 'b' : 'a';
	const relation = RELATION_LABELS[own.relation].toLowerCase();
	return (
		`<button type="button" class="marker own" id="own-${side}-${escapeHtml(own.id)}"` +
		` data-own="${escapeHtml(own.id)}" data-of="${index}"` +
		` aria-label="${escapeHtml(`Your shared fact (${relation}): jump to the matching passage in ${sideLabel(other)}`)}"` +
		` title="${escapeHtml(`Your shared fact — jump to ${sideLabel(other)}`)}">✓${other.toUpperCase()}</button>`
	);
}

/**
 * An article's paragraphs as markup: every sentence a span (id, index, offset, marks) followed by
 * its marker, the text between sentences in spans carrying their offsets, so every character is
 * kept and DOM positions map back to text offsets; the headline carries `headingId`.
 */
export function columnHtml(
	side: Side,
	article: { text: string; paragraphs: readonly Paragraph[]; sentences: readonly Sentence[] },
	marks: ReadonlyMap<number, SentenceMarks>,
	headingId: string
): string {
	const pieces = buildArticlePieces(article.text, article.paragraphs, article.sentences);
	return article.paragraphs
		.map((paragraph, i) => {
			const content = pieces[i]
				.map((piece) => {
					if (piece.kind === 'gap')
						return `<span data-start="${piece.start}">${escapeHtml(piece.text)}</span>`;
					const { index, start, text } = piece.sentence;
					const m = marks.get(index);
					const title = m?.title ? ` title="${escapeHtml(m.title)}"` : '';
					return (
						`<span class="${sentenceClass(m)}" id="${sentenceDomId(side, index)}" data-sentence="${index}" data-start="${start}"${title}>${escapeHtml(text)}</span>` +
						(m?.marker ? engineMarkerHtml(side, index, m.marker) : '')
					);
				})
				.join('');
			if (paragraph.kind === 'title')
				return `<h2 id="${escapeHtml(headingId)}" class="headline">${content}</h2>`;
			if (paragraph.kind === 'furniture') {
				const kind = paragraph.furniture ?? 'other';
				return `<p class="furniture" data-furniture="${kind}"><span class="furniture-label">${FURNITURE_LABELS[kind]}</span> ${content}</p>`;
			}
			return `<p class="body">${content}</p>`;
		})
		.join('');
}

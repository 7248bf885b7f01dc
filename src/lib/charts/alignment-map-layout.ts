/**
 * Alignment map geometry: a minimap of both articles as two vertical strips (A left, B right,
 * height ∝ text length on one scale), each sentence a tick on its strip, shared facts as links
 * between the strips and one-sided claims as triangles on the outer side of their strip.
 */
import { scaleLinear } from 'd3-scale';
import type { PassageRef, Relation } from '$lib/domain/alignment/types';
import { FURNITURE_LABELS } from '$lib/domain/text/furniture-labels';
import type { FurnitureKind, SegmentedArticle, Side } from '$lib/domain/types';
import { RELATION_STYLES, linkStyle, type FactRelation } from './palette';
import { linkPath } from './link-path';
import { round } from './text-fit';

export { linkPath } from './link-path';

/** What the map needs of an article: its length and its sentences' spans. */
export interface MapArticle {
	/** length of the normalised text (UTF-16 code units, like every offset) */
	length: number;
	sentences: readonly {
		index: number;
		start: number;
		end: number;
		furniture?: boolean;
		/** what a furniture sentence is (its paragraph's kind), for its name */
		furnitureKind?: FurnitureKind;
		/** the sentence itself, for the tooltip's excerpt */
		text?: string;
	}[];
}

/** What the map needs of a shared fact. */
interface MapFact {
	id: string;
	a: PassageRef;
	b: PassageRef;
	relation: Relation;
}

/** Everything placed on the map. */
export interface AlignmentMapInput {
	a: MapArticle;
	b: MapArticle;
	sharedFacts: readonly MapFact[];
	oneSided: { a: readonly PassageRef[]; b: readonly PassageRef[] };
}

/** A sentence on its strip: a band from its start to its end, with a tick at its start. */
export interface SentenceMark {
	side: Side;
	index: number;
	y: number;
	height: number;
	furniture: boolean;
	/** what a furniture sentence is, when the input says */
	furnitureKind?: FurnitureKind;
	oneSided: boolean;
	/** ids of the shared facts with an end in this sentence */
	facts: string[];
	ariaLabel: string;
}

/** One article's strip. */
export interface Strip {
	side: Side;
	x: number;
	y: number;
	width: number;
	height: number;
	/** centre of the strip, for its "A"/"B" header */
	labelX: number;
	sentences: SentenceMark[];
}

/** A shared fact drawn as a curve from A's strip to B's. */
export interface LinkMark {
	id: string;
	relation: Relation;
	/** sentence indexes of the two ends */
	sentenceA: number;
	sentenceB: number;
	path: string;
	y1: number;
	y2: number;
	color: string;
	dash: string;
	ariaLabel: string;
}

/** A one-sided claim: a triangle pointing at its passage from outside the strip. */
interface OneSidedMark {
	side: Side;
	sentence: number;
	path: string;
	y: number;
	ariaLabel: string;
}

/** A legend entry: a sample mark and its words, placed below the strips. */
export interface LegendItem {
	kind: Relation | 'one-sided';
	label: string;
	/** left end of the sample mark; the label starts 28 px to its right */
	x: number;
	/** vertical centre of the sample mark */
	y: number;
}

/** Everything the component draws. */
interface AlignmentMapLayout {
	width: number;
	height: number;
	headerY: number;
	strips: Record<Side, Strip>;
	links: LinkMark[];
	oneSided: OneSidedMark[];
	legend: LegendItem[];
}

/** Sizes in px: a minimap, tall enough to tell paragraphs apart, short enough to sit beside text. */
export const MAP_LAYOUT = {
	margin: 8,
	headerHeight: 22,
	stripWidth: 22,
	// room outside each strip for one-sided triangles
	markRoom: 14,
	triangle: 5,
	maxHeight: 360,
	legendRow: 18,
	// below this width the four legend entries go in two columns
	legendOneRow: 560
} as const;

const L = MAP_LAYOUT;

/**
 * The map's input from a segmented article: its length, and its sentences with the kind of their
 * furniture paragraph (what the reading view labels them).
 * @example toMapArticle(segmentArticle('One. Two.')) // { length: 9, sentences: [...] }
 */
export function toMapArticle(article: SegmentedArticle): MapArticle {
	const kinds = new Map(article.paragraphs.map((p) => [p.index, p.furniture ?? 'other']));
	return {
		length: article.text.length,
		sentences: article.sentences.map((s) =>
			s.furniture ? { ...s, furnitureKind: kinds.get(s.paragraph) ?? 'other' } : s
		)
	};
}

/** A furniture sentence as readers know it: "byline, set apart from the article". */
function setApart(kind: FurnitureKind | undefined): string {
	const apart = 'set apart from the article';
	return kind ? `${FURNITURE_LABELS[kind].toLowerCase()}, ${apart}` : apart;
}

/** "A, sentence 13 of 64: 2 shared facts" (numbered from 1 for readers). */
function describeSentence(m: Omit<SentenceMark, 'ariaLabel'>, total: number): string {
	const notes: string[] = [];
	if (m.facts.length) notes.push(`${m.facts.length} shared fact${m.facts.length === 1 ? '' : 's'}`);
	if (m.oneSided) notes.push('one-sided claim');
	if (m.furniture) notes.push(setApart(m.furnitureKind));
	const head = `${m.side.toUpperCase()}, sentence ${m.index + 1} of ${total}`;
	return notes.length ? `${head}: ${notes.join(', ')}` : head;
}

/**
 * Lays out the minimap at the given width; `height` caps the longer article's strip.
 * @example buildAlignmentMapLayout({ a, b, sharedFacts, oneSided }, 375).links[0].path // 'M…C…'
 */
export function buildAlignmentMapLayout(
	input: AlignmentMapInput,
	width: number,
	height: number = L.maxHeight
): AlignmentMapLayout {
	const w = Math.max(0, width);
	const top = L.headerHeight;
	const longest = Math.max(input.a.length, input.b.length, 0);
	const y = scaleLinear()
		.domain([0, longest > 0 ? longest : 1])
		.range([top, top + Math.max(0, height)])
		.clamp(true);
	const xOf: Record<Side, number> = {
		a: L.margin + L.markRoom,
		b: Math.max(L.margin + L.markRoom, w - L.margin - L.markRoom - L.stripWidth)
	};
	const factsAt = (side: Side, index: number) =>
		input.sharedFacts.filter((f) => f[side].sentence === index).map((f) => f.id);
	const strip = (side: Side): Strip => {
		const article = input[side];
		const lonely = new Set(input.oneSided[side].map((c) => c.sentence));
		const total = article.sentences.length;
		return {
			side,
			x: round(xOf[side]),
			y: top,
			width: L.stripWidth,
			height: round(y(Math.max(0, article.length)) - top),
			labelX: round(xOf[side] + L.stripWidth / 2),
			sentences: article.sentences.map((s) => {
				const y0 = y(s.start);
				const mark = {
					side,
					index: s.index,
					y: round(y0),
					height: round(Math.max(0, y(s.end) - y0)),
					furniture: s.furniture ?? false,
					furnitureKind: s.furniture ? s.furnitureKind : undefined,
					oneSided: lonely.has(s.index),
					facts: factsAt(side, s.index)
				};
				return { ...mark, ariaLabel: describeSentence(mark, total) };
			})
		};
	};
	const strips = { a: strip('a'), b: strip('b') };
	const mid = (p: PassageRef) => y((p.start + p.end) / 2);
	const links = input.sharedFacts.map((f): LinkMark => {
		const style = linkStyle(f.relation);
		const y1 = round(mid(f.a));
		const y2 = round(mid(f.b));
		const x1 = round(strips.a.x + L.stripWidth);
		const x2 = strips.b.x;
		return {
			id: f.id,
			relation: f.relation,
			sentenceA: f.a.sentence,
			sentenceB: f.b.sentence,
			path: linkPath(x1, y1, x2, y2),
			y1,
			y2,
			color: style.color,
			dash: style.dash,
			ariaLabel: `${style.label}: A sentence ${f.a.sentence + 1} and B sentence ${f.b.sentence + 1}`
		};
	});
	const t = L.triangle;
	const oneSided = (['a', 'b'] as const).flatMap((side) =>
		input.oneSided[side].map((c): OneSidedMark => {
			const cy = round(mid(c));
			// the tip touches the strip's outer edge; the base sits further out
			const tip = side === 'a' ? strips.a.x - 1 : strips.b.x + L.stripWidth + 1;
			const base = side === 'a' ? tip - 2 * t : tip + 2 * t;
			return {
				side,
				sentence: c.sentence,
				path: `M${round(base)},${round(cy - t)}L${round(tip)},${cy}L${round(base)},${round(cy + t)}Z`,
				y: cy,
				ariaLabel: `One-sided claim: ${side.toUpperCase()} sentence ${c.sentence + 1}`
			};
		})
	);
	const mapBottom = top + Math.max(strips.a.height, strips.b.height) + L.triangle + 4;
	const legend = buildLegend(w, mapBottom + 10);
	return {
		width: round(w),
		height: round(legend.at(-1)!.y + L.legendRow / 2 + 2),
		headerY: 15,
		strips,
		links,
		oneSided,
		legend
	};
}

/** Legend entries: one row on wide charts, two columns of two rows on narrow ones. */
function buildLegend(width: number, top: number): LegendItem[] {
	const kinds = [...(Object.keys(RELATION_STYLES) as FactRelation[]), 'one-sided' as const];
	const perRow = width >= L.legendOneRow ? kinds.length : 2;
	const column = (width - 2 * L.margin) / perRow;
	return kinds.map((kind, i) => ({
		kind,
		label: kind === 'one-sided' ? 'One-sided claim' : RELATION_STYLES[kind].short,
		x: round(L.margin + (i % perRow) * column),
		y: round(top + Math.floor(i / perRow) * L.legendRow + L.legendRow / 2)
	}));
}

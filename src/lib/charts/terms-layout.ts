/**
 * Distinctive terms chart geometry: the Fightin' Words ranking as two columns, A's most
 * distinctive lemmas on the left with bars growing leftwards, B's on the right growing
 * rightwards; bar length is |ζ| on one scale shared by both sides. Row i pairs A's i-th and B's
 * i-th term: they are ranks, not the same word.
 */
import { max } from 'd3-array';
import { scaleBand } from 'd3-scale';
import type { Term } from '$lib/domain/framing/fightin-words';
import type { Side } from '$lib/domain/types';
import { buildDivergingAxis, type DivergingTick } from './diverging';
import { estimateTextWidth, fitLabel, round } from './text-fit';

/** The part of a `Term` the chart reads. */
export type TermInput = Pick<Term, 'lemma' | 'zeta' | 'countA' | 'countB'>;

/** One term's bar and label. */
export interface TermMark {
	side: Side;
	lemma: string;
	/** lemma fitted to the label room (may end in "…") */
	label: string;
	/** the label as drawn: one line, or a two-word term wrapped onto two when it is too wide */
	lines: string[];
	zeta: number;
	countA: number;
	countB: number;
	x: number;
	width: number;
	labelX: number;
	labelAnchor: 'start' | 'end';
	/** "1.9": |ζ| at the bar's outer end; empty on narrow charts */
	valueText: string;
	valueX: number;
	valueAnchor: 'start' | 'end';
	/** "Term asylum, distinctive of A: strength 1.9; 12 times in A, 3 in B" */
	ariaLabel: string;
}

/** One rank: A's and B's term at that rank (either may be missing). */
interface TermRow {
	rank: number;
	y: number;
	height: number;
	barY: number;
	barHeight: number;
	/** text baseline, vertically centred on the bar */
	textY: number;
	a?: TermMark;
	b?: TermMark;
}

/** Everything the component draws. */
interface TermsLayout {
	width: number;
	height: number;
	centre: number;
	headerY: number;
	tickY: number;
	gridTop: number;
	gridBottom: number;
	margin: number;
	ticks: DivergingTick[];
	rows: TermRow[];
}

/** Sizes in px; 15 ranks fit a phone screen with their labels. */
export const TERMS_LAYOUT = {
	margin: 8,
	gutter: 12,
	// "12.3" at 11 px
	valueRoom: 28,
	// below this width ζ values go (tooltip and table keep them) so bars keep room to differ
	valuesFrom: 480,
	headerHeight: 36,
	rowHeight: 20,
	barHeight: 12,
	labelFont: 12,
	// labels never take more than this share of a half, so bars keep room to differ; in a
	// narrow panel ~0.65 lets words like "immigration" or "class sibling" show whole
	maxLabelShare: 0.65,
	// a chart column a teacher can still read every term of
	limit: 15,
	// rows grow to this when a term wraps onto a second line
	wrappedRowHeight: 30
} as const;

const L = TERMS_LAYOUT;
/** |ζ| with one decimal: rankings differ in tenths. */
const zetaFormat = (value: number) => value.toFixed(1);

/**
 * A label in the room it has: whole, else a multi-word term broken at the space that balances
 * its two lines best (each line still fitted), else cut with an ellipsis.
 */
function wrapLabel(text: string, room: number, font: number): string[] {
	if (estimateTextWidth(text, font) <= room) return [text];
	const spaces = [...text.matchAll(/ /g)].map((m) => m.index!);
	if (spaces.length === 0) return [fitLabel(text, room, font)];
	const widest = (at: number) =>
		Math.max(
			estimateTextWidth(text.slice(0, at), font),
			estimateTextWidth(text.slice(at + 1), font)
		);
	const at = spaces.reduce((best, i) => (widest(i) < widest(best) ? i : best));
	return [fitLabel(text.slice(0, at), room, font), fitLabel(text.slice(at + 1), room, font)];
}

/** Strongest first, then lemma; broken ζ values sink to the bottom as 0. */
function strongest(list: readonly TermInput[], limit: number): TermInput[] {
	const strength = (t: TermInput) => (Number.isFinite(t.zeta) ? Math.abs(t.zeta) : 0);
	return [...list]
		.sort((x, y) => strength(y) - strength(x) || (x.lemma < y.lemma ? -1 : 1))
		.slice(0, Math.max(0, limit));
}

/**
 * Lays out the two rankings side by side at the given width, `limit` terms per side.
 * @example buildTermsLayout(analysis.terms, 375).rows[0].a?.lemma // A's most distinctive lemma
 */
export function buildTermsLayout(
	terms: { a: readonly TermInput[]; b: readonly TermInput[] },
	width: number,
	limit: number = L.limit
): TermsLayout {
	const a = strongest(terms.a, limit);
	const b = strongest(terms.b, limit);
	const all = [...a, ...b];
	const half = Math.max(0, width / 2 - L.gutter / 2 - L.margin);
	const widest = max(all, (t) => estimateTextWidth(t.lemma, L.labelFont)) ?? 0;
	const labelRoom = Math.min(widest + 6, half * L.maxLabelShare);
	const showValues = width >= L.valuesFrom;
	const axis = buildDivergingAxis({
		width,
		margin: L.margin,
		gutter: L.gutter,
		valueRoom: showValues ? L.valueRoom : 0,
		labelRoom,
		max: max(all, (t) => (Number.isFinite(t.zeta) ? Math.abs(t.zeta) : 0)) ?? 0,
		tickFormat: zetaFormat
	});
	const innerA = axis.centre - L.gutter / 2;
	const innerB = axis.centre + L.gutter / 2;
	const mark = (t: TermInput, side: Side): TermMark => {
		const strength = Number.isFinite(t.zeta) ? Math.abs(t.zeta) : 0;
		const w = axis.length(strength);
		const x = side === 'a' ? axis.baseA - w : axis.baseB;
		const letter = side.toUpperCase();
		const lines = wrapLabel(t.lemma, Math.max(0, labelRoom - 6), L.labelFont);
		return {
			side,
			lemma: t.lemma,
			label: lines.join(' '),
			lines,
			zeta: Number.isFinite(t.zeta) ? t.zeta : 0,
			countA: t.countA,
			countB: t.countB,
			x: round(x),
			width: round(w),
			labelX: round(side === 'a' ? innerA : innerB),
			labelAnchor: side === 'a' ? 'end' : 'start',
			valueText: showValues ? zetaFormat(strength) : '',
			valueX: round(side === 'a' ? x - 4 : x + w + 4),
			valueAnchor: side === 'a' ? 'end' : 'start',
			ariaLabel: `Term ${t.lemma}, distinctive of ${letter}: strength ${zetaFormat(strength)}; ${t.countA} times in A, ${t.countB} in B`
		};
	};
	const n = Math.max(a.length, b.length);
	const ranks = Array.from({ length: n }, (_, i) => i);
	const marksA = a.map((t) => mark(t, 'a'));
	const marksB = b.map((t) => mark(t, 'b'));
	const wraps = [...marksA, ...marksB].some((m) => m.lines.length > 1);
	const rowHeight = wraps ? L.wrappedRowHeight : L.rowHeight;
	const band = scaleBand<number>()
		.domain(ranks)
		.range([L.headerHeight, L.headerHeight + n * rowHeight]);
	const rows = ranks.map((i): TermRow => {
		const y = band(i) ?? L.headerHeight;
		const barY = y + (rowHeight - L.barHeight) / 2;
		return {
			rank: i + 1,
			y: round(y),
			height: rowHeight,
			barY: round(barY),
			barHeight: L.barHeight,
			textY: round(barY + L.barHeight / 2 + L.labelFont * 0.35),
			a: marksA[i],
			b: marksB[i]
		};
	});
	const bottom = L.headerHeight + n * rowHeight;
	return {
		width: round(Math.max(0, width)),
		height: round(bottom + 4),
		centre: round(axis.centre),
		headerY: 13,
		tickY: 29,
		gridTop: 32,
		gridBottom: round(bottom),
		margin: L.margin,
		ticks: axis.ticks.map((t) => ({ ...t, xA: round(t.xA), xB: round(t.xB) })),
		rows
	};
}

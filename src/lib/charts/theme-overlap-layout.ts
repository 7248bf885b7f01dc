/**
 * Theme overlap chart geometry. Diverging bars rather than a dumbbell: A's share grows left and
 * B's right, as the two columns of the reading view sit, and the shared facts inside a theme sit
 * in the middle like the gutter's ribbons. A dumbbell would compare shares on one axis but lose
 * that left/right mapping, which is also what tells A from B without colour.
 */
import { max } from 'd3-array';
import { scaleBand } from 'd3-scale';
import type { Theme } from '$lib/domain/framing/themes';
import { buildDivergingAxis, type DivergingTick } from './diverging';
import { fitLabel, formatShare, round } from './text-fit';

/** The part of a `Theme` the chart reads (user-edited themes fit too). */
export type ThemeInput = Pick<
	Theme,
	'id' | 'label' | 'shareA' | 'shareB' | 'overlap' | 'termCounts'
>;

/** One side's bar in a row. */
export interface ShareBar {
	x: number;
	width: number;
	share: number;
	/** "54%" */
	valueText: string;
	valueX: number;
	valueAnchor: 'start' | 'end';
}

/** One theme's row: its label, both bars and the overlap mark. */
interface ThemeRow {
	id: string;
	/** label fitted to the width (may end in "…") */
	label: string;
	fullLabel: string;
	/** row box, for the hit area and hover tint */
	y: number;
	height: number;
	labelY: number;
	barY: number;
	barHeight: number;
	a: ShareBar;
	b: ShareBar;
	overlap: { cx: number; cy: number; r: number; count: number };
	/** "Theme deportation: 54% of A, 39% of B, 2 shared facts" */
	ariaLabel: string;
	/** most used terms first, for the tooltip */
	terms: { term: string; a: number; b: number }[];
}

/** Everything the component draws. */
interface ThemeOverlapLayout {
	width: number;
	height: number;
	centre: number;
	/** baseline of the header letters and column names */
	headerY: number;
	/** baseline of the tick labels */
	tickY: number;
	/** top and bottom of the grid lines */
	gridTop: number;
	gridBottom: number;
	ticks: DivergingTick[];
	/** left edge of A's header, right edge of B's */
	margin: number;
	rows: ThemeRow[];
}

/** Sizes in px; each a compromise between 375 px phones and a 700 px column. */
export const THEME_LAYOUT = {
	margin: 8,
	// wide enough for a two-digit count in a 9 px circle plus air on both sides
	gutter: 40,
	// "100%" at 11 px
	valueRoom: 34,
	headerHeight: 36,
	labelLine: 16,
	barHeight: 16,
	rowGap: 10,
	overlapRadius: 9,
	labelFont: 13,
	// terms listed in a tooltip: more stop being read
	tooltipTerms: 6
} as const;

const L = THEME_LAYOUT;

/** A share as drawn: missing or broken values draw as nothing rather than NaN. */
function finiteShare(share: number): number {
	return Number.isFinite(share) && share > 0 ? share : 0;
}

/** Descending combined share, then id, so equal themes never swap between renders. */
function byCombinedShare(x: ThemeInput, y: ThemeInput): number {
	return y.shareA + y.shareB - (x.shareA + x.shareB) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
}

/** "Theme deportation: 54% of A, 39% of B, 2 shared facts" */
function describeTheme(t: ThemeInput): string {
	const facts = `${t.overlap} shared fact${t.overlap === 1 ? '' : 's'}`;
	return `Theme ${t.label}: ${formatShare(t.shareA)} of A, ${formatShare(t.shareB)} of B, ${facts}`;
}

/**
 * Lays out one row per theme, sorted by combined share, at the given width.
 * @example buildThemeOverlapLayout(themes, 375).rows[0].a.width // px length of A's share bar
 */
export function buildThemeOverlapLayout(
	themes: readonly ThemeInput[],
	width: number
): ThemeOverlapLayout {
	const sorted = themes
		.map((t) => ({ ...t, shareA: finiteShare(t.shareA), shareB: finiteShare(t.shareB) }))
		.sort(byCombinedShare);
	const axis = buildDivergingAxis({
		width,
		margin: L.margin,
		gutter: L.gutter,
		valueRoom: L.valueRoom,
		max: max(sorted, (t) => Math.max(t.shareA, t.shareB)) ?? 0,
		tickFormat: formatShare
	});
	const rowHeight = L.labelLine + L.barHeight + L.rowGap;
	const top = L.headerHeight;
	const band = scaleBand<string>()
		.domain(sorted.map((t) => t.id))
		.range([top, top + sorted.length * rowHeight]);
	const rows = sorted.map((t): ThemeRow => {
		const y = band(t.id) ?? top;
		const barY = y + L.labelLine;
		const wA = axis.length(t.shareA);
		const wB = axis.length(t.shareB);
		return {
			id: t.id,
			label: fitLabel(t.label, Math.max(0, width - 2 * L.margin), L.labelFont),
			fullLabel: t.label,
			y: round(y),
			height: round(rowHeight),
			labelY: round(y + L.labelLine - 4),
			barY: round(barY),
			barHeight: L.barHeight,
			a: {
				x: round(axis.baseA - wA),
				width: round(wA),
				share: t.shareA,
				valueText: formatShare(t.shareA),
				valueX: round(axis.baseA - wA - 4),
				valueAnchor: 'end'
			},
			b: {
				x: round(axis.baseB),
				width: round(wB),
				share: t.shareB,
				valueText: formatShare(t.shareB),
				valueX: round(axis.baseB + wB + 4),
				valueAnchor: 'start'
			},
			overlap: {
				cx: round(axis.centre),
				cy: round(barY + L.barHeight / 2),
				r: L.overlapRadius,
				count: t.overlap
			},
			ariaLabel: describeTheme(t),
			terms: [...t.termCounts]
				.sort((p, q) => q.a + q.b - (p.a + p.b) || (p.term < q.term ? -1 : 1))
				.slice(0, L.tooltipTerms)
		};
	});
	const bottom = top + rows.length * rowHeight;
	return {
		width: round(Math.max(0, width)),
		height: round(bottom + 4),
		centre: round(axis.centre),
		headerY: 13,
		tickY: 29,
		gridTop: 32,
		gridBottom: round(bottom),
		ticks: axis.ticks.map((t) => ({ ...t, xA: round(t.xA), xB: round(t.xB) })),
		margin: L.margin,
		rows
	};
}

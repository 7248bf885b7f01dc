/**
 * Frame profile chart geometry: the Policy Frames Codebook's 15 dimensions as a butterfly, A's
 * share left and B's right. Rows stay in codebook order whatever the values, so switching between
 * suggestions and the class's annotations (or a live update) never reorders what a class is
 * looking at.
 */
import { max } from 'd3-array';
import { scaleBand } from 'd3-scale';
import { FRAMES } from '$lib/domain/framing/frame-list';
import { buildDivergingAxis, type DivergingTick } from './diverging';
import type { ShareBar } from './theme-overlap-layout';
import { fitLabel, formatShare, round } from './text-fit';

/**
 * One frame's weight in one article. `share` is 0–1 (of sentences with a suggestion, or of the
 * class's framing annotations); `count` is the absolute number behind it, when known.
 */
export interface FrameValue {
	code: number;
	share: number;
	count?: number;
}

/** A frame's row: label and both bars. */
interface FrameRow {
	code: number;
	/** the frame's slug, for URLs and filters */
	id: string;
	label: string;
	fullLabel: string;
	description: string;
	y: number;
	height: number;
	labelY: number;
	barY: number;
	barHeight: number;
	a: ShareBar & { count?: number };
	b: ShareBar & { count?: number };
	/** "Frame Economic: 0% of A, 39% of B" */
	ariaLabel: string;
	/** neither article uses this frame: drawn quieter */
	empty: boolean;
}

/** Everything the component draws. */
interface FrameProfileLayout {
	width: number;
	height: number;
	centre: number;
	headerY: number;
	tickY: number;
	gridTop: number;
	gridBottom: number;
	margin: number;
	ticks: DivergingTick[];
	rows: FrameRow[];
}

/** Sizes in px: 15 rows must stay compact on a phone. */
export const FRAME_LAYOUT = {
	margin: 8,
	// a hairline's worth of air: frames have no middle mark
	gutter: 8,
	valueRoom: 34,
	headerHeight: 36,
	labelLine: 15,
	barHeight: 12,
	rowGap: 7,
	labelFont: 12
} as const;

const L = FRAME_LAYOUT;

/** Share per frame code; codes absent from the list count as 0, broken numbers too. */
function byCode(values: readonly FrameValue[]): Map<number, FrameValue> {
	const map = new Map<number, FrameValue>();
	for (const v of values) {
		const share = Number.isFinite(v.share) && v.share > 0 ? v.share : 0;
		map.set(v.code, { ...v, share });
	}
	return map;
}

/**
 * Lays out the 15 frames for two articles at the given width.
 * @example buildFrameProfileLayout(analysis.frames.a.profile, analysis.frames.b.profile, 375).rows[7].a.width
 */
export function buildFrameProfileLayout(
	a: readonly FrameValue[],
	b: readonly FrameValue[],
	width: number
): FrameProfileLayout {
	const A = byCode(a);
	const B = byCode(b);
	const shareOf = (m: Map<number, FrameValue>, code: number) => m.get(code)?.share ?? 0;
	const axis = buildDivergingAxis({
		width,
		margin: L.margin,
		gutter: L.gutter,
		valueRoom: L.valueRoom,
		max: max(FRAMES, (f) => Math.max(shareOf(A, f.code), shareOf(B, f.code))) ?? 0,
		tickFormat: formatShare
	});
	const rowHeight = L.labelLine + L.barHeight + L.rowGap;
	const top = L.headerHeight;
	const band = scaleBand<number>()
		.domain(FRAMES.map((f) => f.code))
		.range([top, top + FRAMES.length * rowHeight]);
	const rows = FRAMES.map((f): FrameRow => {
		const y = band(f.code) ?? top;
		const sA = shareOf(A, f.code);
		const sB = shareOf(B, f.code);
		const wA = axis.length(sA);
		const wB = axis.length(sB);
		return {
			code: f.code,
			id: f.id,
			label: fitLabel(f.label, Math.max(0, width - 2 * L.margin), L.labelFont),
			fullLabel: f.label,
			description: f.description,
			y: round(y),
			height: round(rowHeight),
			labelY: round(y + L.labelLine - 4),
			barY: round(y + L.labelLine),
			barHeight: L.barHeight,
			a: {
				x: round(axis.baseA - wA),
				width: round(wA),
				share: sA,
				count: A.get(f.code)?.count,
				valueText: formatShare(sA),
				valueX: round(axis.baseA - wA - 4),
				valueAnchor: 'end'
			},
			b: {
				x: round(axis.baseB),
				width: round(wB),
				share: sB,
				count: B.get(f.code)?.count,
				valueText: formatShare(sB),
				valueX: round(axis.baseB + wB + 4),
				valueAnchor: 'start'
			},
			ariaLabel: `Frame ${f.label}: ${formatShare(sA)} of A, ${formatShare(sB)} of B`,
			empty: sA === 0 && sB === 0
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
		margin: L.margin,
		ticks: axis.ticks.map((t) => ({ ...t, xA: round(t.xA), xB: round(t.xB) })),
		rows
	};
}

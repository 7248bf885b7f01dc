/**
 * Shared geometry of the butterfly charts (themes, frames, terms): A's bars grow leftwards from
 * the centre, B's rightwards, so the charts keep the reading view's order (A left, B right). Both
 * sides share one linear scale, so equal values give equal lengths on either side.
 */
import { scaleLinear } from 'd3-scale';

/** What a butterfly needs to know about the space it draws in. */
export interface DivergingOptions {
	/** chart width in px */
	width: number;
	/** empty space at both outer edges */
	margin: number;
	/** middle column between the two baselines (overlap marks, or just air) */
	gutter: number;
	/** room at each outer end for a bar's value label */
	valueRoom: number;
	/** room at each inner side for labels between the baseline and the gutter */
	labelRoom?: number;
	/** largest value on either side; the longest bar reaches it */
	max: number;
	/** formats tick values ("25%", "1.5") */
	tickFormat: (value: number) => string;
}

/** A grid line drawn on both sides at one value. */
export interface DivergingTick {
	value: number;
	label: string;
	/** x on A's side (left of centre) */
	xA: number;
	/** x on B's side (right of centre) */
	xB: number;
}

/** The computed frame: baselines, bar length function and ticks. */
interface DivergingAxis {
	/** x of the chart's middle */
	centre: number;
	/** baseline of A's bars; they grow leftwards from here */
	baseA: number;
	/** baseline of B's bars; they grow rightwards from here */
	baseB: number;
	/** the longest possible bar in px (never negative) */
	span: number;
	/** bar length in px of a value (clamped to [0, span]; NaN and negatives give 0) */
	length: (value: number) => number;
	ticks: DivergingTick[];
}

// about one grid line per 70 px of bar: enough to read values, few enough to stay quiet
const PX_PER_TICK = 70;

/**
 * Lays out a butterfly: baselines either side of the gutter and a shared value scale.
 * @example buildDivergingAxis({ width: 400, margin: 8, gutter: 40, valueRoom: 30, max: 0.5, tickFormat: String }).baseA // 180
 */
export function buildDivergingAxis(opts: DivergingOptions): DivergingAxis {
	const width = Math.max(0, opts.width);
	const centre = width / 2;
	const labelRoom = opts.labelRoom ?? 0;
	const baseA = centre - opts.gutter / 2 - labelRoom;
	const baseB = centre + opts.gutter / 2 + labelRoom;
	const span = Math.max(0, baseA - opts.margin - opts.valueRoom);
	const max = Number.isFinite(opts.max) && opts.max > 0 ? opts.max : 1;
	const scale = scaleLinear().domain([0, max]).range([0, span]).nice().clamp(true);
	const length = (value: number) => (Number.isFinite(value) && value > 0 ? scale(value) : 0);
	// at least two lines (zero and one value) so a phone still gets a scale
	const count = Math.max(2, Math.floor(span / PX_PER_TICK));
	const ticks = span
		? scale.ticks(count).map((value) => ({
				value,
				label: opts.tickFormat(value),
				xA: baseA - scale(value),
				xB: baseB + scale(value)
			}))
		: [];
	return { centre, baseA, baseB, span, length, ticks };
}

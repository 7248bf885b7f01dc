/**
 * Shapes the analysis for the command line: every span becomes a code-point position in the
 * text the user gave (W3C TextPositionSelector convention) with the `exact` text it selects.
 */
import type { SharedFact } from '../lib/domain/alignment';
import type { Analysis } from '../lib/domain/analysis';
import type { PositionMapper, TextPosition } from './positions';

/** A shared fact as the batch mode prints it. */
interface BatchSharedFact {
	a: TextPosition;
	b: TextPosition;
	score: number;
	relation: SharedFact['relation'];
}

/** Whether a value is a span: an object with numeric `start` and `end`. */
function isSpan(v: unknown): v is { start: number; end: number } {
	return (
		typeof v === 'object' &&
		v !== null &&
		typeof (v as { start?: unknown }).start === 'number' &&
		typeof (v as { end?: unknown }).end === 'number'
	);
}

/**
 * Copies a value, turning every span found under an `a` or `b` key into a position in that
 * article's given text (the side is the nearest enclosing `a`/`b` key).
 */
function convert(
	value: unknown,
	side: PositionMapper | undefined,
	maps: Record<'a' | 'b', PositionMapper>
): unknown {
	if (Array.isArray(value)) return value.map((v) => convert(v, side, maps));
	if (typeof value !== 'object' || value === null) return value;
	const out: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(value)) {
		const next = k === 'a' || k === 'b' ? maps[k] : side;
		out[k] = convert(v, next, maps);
	}
	if (side && isSpan(value)) Object.assign(out, side.toPosition(value.start, value.end));
	return out;
}

/**
 * The whole analysis with code-point positions into the given texts.
 * @example toCliAnalysis(analysis, mapA, mapB).sharedFacts[0].a // {sentence: 3, start: 120, end: 210, exact: '…'}
 */
export function toCliAnalysis(
	analysis: Analysis,
	a: PositionMapper,
	b: PositionMapper
): Record<string, unknown> {
	const converted = convert(analysis, undefined, { a, b }) as Record<string, unknown>;
	return { offsets: 'unicode code points into the given texts', ...converted };
}

/**
 * The batch mode's shared facts: positions, score and relation only.
 * @example toBatchFacts(facts, mapA, mapB)[0] // {a:{start,end,exact}, b:{…}, score: 0.62, relation: 'same'}
 */
export function toBatchFacts(
	facts: readonly SharedFact[],
	a: PositionMapper,
	b: PositionMapper
): BatchSharedFact[] {
	return facts.map((f) => ({
		a: a.toPosition(f.a.start, f.a.end),
		b: b.toPosition(f.b.start, f.b.end),
		score: f.score,
		relation: f.relation
	}));
}

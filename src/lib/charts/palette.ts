/**
 * The charts' colours and line styles. Hues come from Okabe & Ito's colour-blind-safe set,
 * darkened until every mark reaches 3:1 (and every coloured text 4.5:1) on white; the checks live
 * in palette.test.ts. A and B are never told apart by colour alone: A is always on the left and
 * labelled "A" with solid bars, B on the right, labelled "B", with striped bars.
 */
import type { Relation } from '$lib/domain/alignment/types';
import type { Side } from '$lib/domain/types';

/** Background every chart is drawn on (and exported with). */
export const PAPER = '#ffffff';
/** Main text: 16:1 on paper. */
export const INK = '#1b1f24';
/** Secondary text (axis labels, counts): 6.4:1 on paper. */
export const MUTED = '#57606a';
/** Grid lines and strip outlines: decoration only, never the sole carrier of meaning. */
export const GRID = '#d0d7de';
/** Tint behind a hovered or selected row, the reading view's `--hover`. */
export const HIGHLIGHT = '#fff3c4';

/** Side colours, the same as the reading view's `--color-a` / `--color-b` (blue / orange). */
export const SIDE_COLORS: Readonly<Record<Side, string>> = { a: '#0b5cad', b: '#a34400' };

/** Light tints of the side colours, behind B's stripes and under hovered rows. */
export const SIDE_TINTS: Readonly<Record<Side, string>> = { a: '#dce9f7', b: '#f6e2d3' };

/** How one kind of link is drawn: colour AND dash pattern AND a word, so no channel stands alone. */
interface LinkStyle {
	color: string;
	/** SVG stroke-dasharray; empty for a solid line */
	dash: string;
	label: string;
	/** legend word, short enough for two columns on a phone */
	short: string;
}

/** The relations of shared facts (same-subject contrasts are not facts: CONTRAST_STYLE). */
export type FactRelation = Exclude<Relation, 'different-claims'>;

/** Shared-fact relations: solid green, dashed ochre, dotted purple. */
export const RELATION_STYLES: Readonly<Record<FactRelation, LinkStyle>> = {
	same: { color: '#007a5e', dash: '', label: 'Same fact', short: 'Same fact' },
	'different-detail': {
		color: '#9a6400',
		dash: '6 3',
		label: 'Same fact, different detail',
		short: 'Different detail'
	},
	contradicts: { color: '#a2417e', dash: '2 3', label: 'Contradicts', short: 'Contradicts' }
};

/** Same subject, different claims: a framing contrast, not a fact (slate, long dashes). */
const CONTRAST_STYLE: LinkStyle = {
	color: '#4b5583',
	dash: '10 4',
	label: 'Same subject, different claims',
	short: 'Different claims'
};

/** How a suggested link of any relation is drawn. */
export function linkStyle(relation: Relation): LinkStyle {
	return relation === 'different-claims' ? CONTRAST_STYLE : RELATION_STYLES[relation];
}

/** One-sided claims: neutral dark grey triangles (shape, not hue, tells them from links). */
export const ONE_SIDED_COLOR = '#4a535c';

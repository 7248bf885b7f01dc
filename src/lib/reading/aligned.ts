import type { Relation, SharedFact } from '$lib/domain/alignment/types';
import type { Annotation } from '$lib/domain/annotation/model';
import type { Side } from '$lib/domain/types';

// Aligned reading: every link between the two articles (the engine's suggestions and the
// reader's own shared facts), and how a position in one column maps to the other through them.

/** Where a link comes from: told apart in the gutter by line width, dash and a label, not colour. */
export type LinkKind = 'suggested' | 'contrast' | 'annotated';

/** One link between a passage of A and one of B (article offsets). */
export interface LinkEnds {
	id: string;
	kind: LinkKind;
	relation: Relation;
	a: { start: number; end: number };
	b: { start: number; end: number };
}

/** What the gutter and the aligned scrolling follow. */
interface LinkSources {
	facts: readonly SharedFact[];
	contrasts: readonly SharedFact[];
	annotations: readonly Annotation[];
	/** the reader's decisions: an accepted suggestion is drawn as their shared fact, a dismissed one not at all */
	decided: ReadonlySet<string>;
	showSuggestions: boolean;
}

/**
 * Every link to draw and follow: the reader's (or the room's) shared facts always, the engine's
 * undecided suggestions and contrasts while suggestions are shown.
 * @example buildLinkEnds({ facts, contrasts: [], annotations: [], decided: new Set(), showSuggestions: true })
 */
export function buildLinkEnds(sources: LinkSources): LinkEnds[] {
	const links: LinkEnds[] = [];
	for (const annotation of sources.annotations) {
		if (annotation.kind !== 'shared-fact') continue;
		const a = annotation.targets.find((t) => t.side === 'a');
		const b = annotation.targets.find((t) => t.side === 'b');
		if (!a || !b) continue;
		links.push({
			id: annotation.id,
			kind: 'annotated',
			relation: annotation.relation ?? 'same',
			a: { start: a.start, end: a.end },
			b: { start: b.start, end: b.end }
		});
	}
	if (!sources.showSuggestions) return links;
	const engine = (kind: LinkKind) => (fact: SharedFact) => {
		if (sources.decided.has(fact.id)) return;
		const ends = (side: Side) => ({ start: fact[side].start, end: fact[side].end });
		links.push({ id: fact.id, kind, relation: fact.relation, a: ends('a'), b: ends('b') });
	};
	sources.facts.forEach(engine('suggested'));
	sources.contrasts.forEach(engine('contrast'));
	return links;
}

/**
 * The longest chain of links that only moves forward in both columns (links that cross it are
 * dropped): one early link pointing far down the other article cannot pull the rest out of line.
 */
function forwardChain(anchors: readonly Anchor[]): Anchor[] {
	const sorted = [...anchors].sort((p, q) => p.from - q.from || p.to - q.to);
	// length of the best chain ending at each link, and the link before it (O(n²): tens of links)
	const length = sorted.map(() => 1);
	const before = sorted.map(() => -1);
	for (let i = 0; i < sorted.length; i++)
		for (let j = 0; j < i; j++)
			if (sorted[j].to <= sorted[i].to && length[j] + 1 > length[i]) {
				length[i] = length[j] + 1;
				before[i] = j;
			}
	let end = length.indexOf(Math.max(0, ...length));
	const chain: Anchor[] = [];
	for (; end >= 0; end = before[end]) chain.unshift(sorted[end]);
	return chain;
}

/** A link's two ends as positions (pixels) down each column's content. */
export interface Anchor {
	from: number;
	to: number;
}

/**
 * Where the other column should be for a reading position `y` in this one: interpolated between
 * the nearest links above and below (and the two columns' tops and ends), so a long passage with
 * no counterpart lets the other column wait instead of drifting by percentage. Links that cross
 * an earlier one are skipped so the mapping only moves forward.
 * @example followOffset([{ from: 100, to: 300 }], 50, { from: 1000, to: 1000 }) // 150
 */
export function followOffset(anchors: readonly Anchor[], y: number, ends: Anchor): number {
	const inside = anchors.filter(
		(p) => p.from >= 0 && p.to >= 0 && p.from <= ends.from && p.to <= ends.to
	);
	const kept = [{ from: 0, to: 0 }, ...forwardChain(inside), ends];
	if (y <= 0) return 0;
	for (let i = 1; i < kept.length; i++) {
		const [p, q] = [kept[i - 1], kept[i]];
		if (y > q.from) continue;
		const span = q.from - p.from;
		return span <= 0 ? q.to : p.to + ((y - p.from) / span) * (q.to - p.to);
	}
	return kept[kept.length - 1].to;
}

/** How one kind of ribbon is drawn: width, dash and label carry the meaning, colour only helps. */
interface RibbonStyle {
	color: string;
	width: number;
	dash: string;
	fill: number;
	/** a glyph drawn on the ribbon (the reader's own links), or '' */
	label: string;
	/** what the legend calls it */
	name: string;
}

const SUGGESTED: Record<Relation, Omit<RibbonStyle, 'name'>> = {
	same: { color: '#1b7f6b', width: 1, dash: '', fill: 0.18, label: '' },
	'different-detail': { color: '#8a5a00', width: 1, dash: '4 3', fill: 0.18, label: '' },
	contradicts: { color: '#b3261e', width: 1, dash: '1 3', fill: 0.18, label: '' },
	'different-claims': { color: '#4b5583', width: 1, dash: '8 4', fill: 0.08, label: '' }
};

/** The reader's own shared facts: thick raspberry edges with a check mark, dashed by relation. */
const ANNOTATED_DASH: Record<Relation, string> = {
	same: '',
	'different-detail': '6 3',
	contradicts: '2 3',
	'different-claims': '10 4'
};

/**
 * The style of a ribbon: the engine's suggestions thin (their relation in the dash), the
 * reader's shared facts thick with a check mark, so the two never differ by colour alone.
 * @example ribbonStyle('annotated', 'same').label // '✓'
 */
export function ribbonStyle(kind: LinkKind, relation: Relation): RibbonStyle {
	if (kind === 'annotated')
		return {
			color: '#b0185c',
			width: 2.5,
			dash: ANNOTATED_DASH[relation],
			fill: 0.22,
			label: '✓',
			name: 'your shared fact'
		};
	const name = kind === 'contrast' ? 'same subject, different claims' : 'suggested shared fact';
	return { ...SUGGESTED[kind === 'contrast' ? 'different-claims' : relation], name };
}

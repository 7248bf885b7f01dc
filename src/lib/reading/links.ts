import { linkPath } from '$lib/charts/link-path';
import type { OneSidedClaims, SharedFact } from '$lib/domain/alignment/types';
import type { ArticleFrames } from '$lib/domain/framing/frames';
import type { Side } from '$lib/domain/types';

/** For each side, which shared facts touch each sentence (by sentence index). */
interface SentenceLinks {
	a: Map<number, string[]>;
	b: Map<number, string[]>;
}

/** Index shared facts by the sentences at their two ends, so each sentence finds its links fast. */
export function buildSentenceLinks(facts: readonly SharedFact[]): SentenceLinks {
	const links: SentenceLinks = { a: new Map(), b: new Map() };
	for (const fact of facts) {
		for (const side of ['a', 'b'] as const) {
			const index = fact[side].sentence;
			const list = links[side].get(index);
			if (list) list.push(fact.id);
			else links[side].set(index, [fact.id]);
		}
	}
	return links;
}

/** Sentence indexes of one-sided claims per side, for marking them in the columns. */
export function buildOneSidedSets(claims: OneSidedClaims): Record<Side, Set<number>> {
	return {
		a: new Set(claims.a.map((c) => c.sentence)),
		b: new Set(claims.b.map((c) => c.sentence))
	};
}

/** A read-only set of ids or indexes (built once per call; never mutated by the view). */
export function idSet<T>(values: Iterable<T>): ReadonlySet<T> {
	return new Set(values);
}

/** Shared facts by id. */
export function indexById(facts: readonly SharedFact[]): ReadonlyMap<string, SharedFact> {
	return new Map(facts.map((f) => [f.id, f]));
}

/** The sentences of each article suggested for one frame (by its code). */
export function frameSentences(
	frames: Record<Side, ArticleFrames>,
	code: number
): Record<Side, ReadonlySet<number>> {
	const pick = (side: Side) =>
		idSet(
			frames[side].sentences
				.filter((s) => s.frames.some((f) => f.code === code))
				.map((s) => s.sentence)
		);
	return { a: pick('a'), b: pick('b') };
}

/** The other article. */
export function otherSide(side: Side): Side {
	return side === 'a' ? 'b' : 'a';
}

/** Vertical extent of a passage as seen from the gutter (pixels from the gutter's top). */
export interface Extent {
	top: number;
	bottom: number;
}

/**
 * The closed SVG path of a ribbon across the gutter: from A's passage on the left edge to B's on
 * the right, with S-curved top and bottom edges (the alignment map's link curve; d3-shape's
 * linkHorizontal draws the same curve but costs ~19 KB of client code).
 * @example ribbonPath({ top: 0, bottom: 20 }, { top: 100, bottom: 130 }, 72)
 */
export function ribbonPath(a: Extent, b: Extent, width: number): string {
	const r = (n: number) => Math.round(n * 10) / 10;
	const top = linkPath(0, r(a.top), r(width), r(b.top));
	const bottom = linkPath(r(width), r(b.bottom), 0, r(a.bottom));
	// the bottom edge starts where the top edge ended, one vertical step down: join them
	return `${top}L${bottom.slice(1)}Z`;
}

/** Whether a passage is at least partly inside the visible height of the gutter. */
export function isVisible(extent: Extent, height: number): boolean {
	return extent.bottom >= 0 && extent.top <= height;
}

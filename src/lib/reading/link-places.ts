import { tick } from 'svelte';
import type { Side } from '$lib/domain/types';
import type { AnnotationsState } from '$lib/state/annotations.svelte';
import type { ComparisonState } from '$lib/state/comparison.svelte';
import { buildLinkEnds, followOffset, type Anchor, type LinkEnds } from './aligned';
import { rangeFinder } from './dom-offsets';
import { otherSide, type Extent } from './links';

// Where the links' ends sit in the rendered columns, and the aligned reading built on them: the
// gutter follows one column with the other side by side; on a phone, where one column shows at a
// time, switching articles opens the other one at the counterpart of the reader's place.

/** Every link the page draws and follows now (the reader's or the room's, and the suggestions shown). */
export function pageLinks(reading: ComparisonState, notes: AnnotationsState): LinkEnds[] {
	return buildLinkEnds({
		facts: reading.analysis.sharedFacts,
		contrasts: reading.analysis.contrasts,
		annotations: notes.visible,
		decided: notes.decided,
		showSuggestions: reading.showSuggestions
	});
}

/**
 * A passage's extent down its column's content (independent of scrolling), or null when not laid
 * out; `find` (the column's rangeFinder) is passed when many passages of one column are placed.
 */
export function placeIn(
	pane: HTMLElement | null,
	span: { start: number; end: number },
	find = pane && rangeFinder(pane)
) {
	const range = find && find(span.start, span.end);
	if (!pane || !range) return null;
	const rect = range.getBoundingClientRect();
	// a column that is not displayed measures nothing
	if (rect.height === 0 && rect.width === 0) return null;
	const top = rect.top - pane.getBoundingClientRect().top + pane.scrollTop;
	return { top, bottom: top + rect.height } satisfies Extent;
}

const middle = (e: Extent) => (e.top + e.bottom) / 2;

/** The reading line: a third down the column, where the reader's eyes rest. */
export function readingLine(pane: HTMLElement): number {
	return pane.clientHeight / 3;
}

/**
 * Where `to` should scroll so the counterpart of the passage at `leader`'s reading line sits at
 * its own reading line, from each link's two ends (middles, pixels down each column).
 */
export function followScroll(
	anchors: readonly Anchor[],
	leader: { scrollTop: number; line: number; height: number },
	to: { line: number; height: number }
): number {
	const y = followOffset(anchors, leader.scrollTop + leader.line, {
		from: leader.height,
		to: to.height
	});
	return Math.max(0, y - to.line);
}

/**
 * Show the other article on a phone, opened at the counterpart of the passage at the reading line
 * of the one shown (following the links, interpolating between them). Without links on screen
 * the other article opens where it was. Returns what happened, for the live region.
 */
export async function switchKeepingPlace(
	reading: ComparisonState,
	links: readonly LinkEnds[],
	to: Side
): Promise<'followed' | 'no-links' | 'switched'> {
	const from = otherSide(to);
	const pane = reading.panes[from];
	if (!pane || reading.activeSide === to) {
		reading.show(to);
		return 'switched';
	}
	// measure the column shown before it is hidden
	const leader = {
		scrollTop: pane.scrollTop,
		line: readingLine(pane),
		height: pane.scrollHeight
	};
	const findFrom = rangeFinder(pane);
	const fromMids = links.map((link) => placeIn(pane, link[from], findFrom));
	reading.show(to);
	await tick();
	const target = reading.panes[to];
	if (!target) return 'switched';
	const anchors: Anchor[] = [];
	const findTo = rangeFinder(target);
	links.forEach((link, i) => {
		const a = fromMids[i];
		const b = placeIn(target, link[to], findTo);
		if (a && b) anchors.push({ from: middle(a), to: middle(b) });
	});
	if (anchors.length === 0) return 'no-links';
	target.scrollTop = followScroll(anchors, leader, {
		line: readingLine(target),
		height: target.scrollHeight
	});
	return 'followed';
}

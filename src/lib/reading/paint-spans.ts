import type { Side, Span } from '$lib/domain/types';
import { rangeFinder } from './dom-offsets';

/** The DOM ranges of some spans of each column (spans not rendered are left out). */
export function rangesOf(
	panes: Record<Side, HTMLElement | null>,
	spans: Record<Side, readonly Span[]>
): Record<Side, Range[]> {
	const out: Record<Side, Range[]> = { a: [], b: [] };
	for (const side of ['a', 'b'] as const) {
		const pane = panes[side];
		if (!pane || spans[side].length === 0) continue;
		const find = rangeFinder(pane);
		for (const span of spans[side]) {
			const range = find(span.start, span.end);
			if (range) out[side].push(range);
		}
	}
	return out;
}

/**
 * Paints ranges as one named highlight (CSS Custom Highlight API, styled by `::highlight(name)`)
 * or, where the API is missing, marks their sentences with the class `fallback`. Returns the undo.
 */
export function paintRanges(name: string, ranges: Range[], fallback: string): () => void {
	if (typeof CSS !== 'undefined' && 'highlights' in CSS) {
		CSS.highlights.set(name, new Highlight(...ranges));
		return () => CSS.highlights.delete(name);
	}
	const marked: Element[] = [];
	for (const range of ranges) {
		const el = range.startContainer.parentElement?.closest('[data-sentence]');
		if (el) {
			el.classList.add(fallback);
			marked.push(el);
		}
	}
	return () => marked.forEach((el) => el.classList.remove(fallback));
}

/**
 * The one place where DOM positions and article offsets meet. Every rendered piece of article
 * text (sentence or gap) carries `data-start`, its offset in the normalised text; anything without
 * it (furniture labels, link markers) is not article text and is skipped.
 */

interface Chunk {
	el: HTMLElement;
	start: number;
	end: number;
}

/** The rendered text chunks of one article column, in document order. */
function chunksOf(root: Element): Chunk[] {
	return Array.from(root.querySelectorAll<HTMLElement>('[data-start]')).map((el) => {
		const start = Number(el.dataset.start);
		return { el, start, end: start + (el.firstChild?.textContent?.length ?? 0) };
	});
}

/** The text node and offset inside it for an article offset, or null when it is not rendered. */
function pointAt(chunks: Chunk[], offset: number, preferEnd: boolean): [Node, number] | null {
	for (const chunk of chunks) {
		const inside = preferEnd
			? offset > chunk.start && offset <= chunk.end
			: offset >= chunk.start && offset < chunk.end;
		if (inside && chunk.el.firstChild) return [chunk.el.firstChild, offset - chunk.start];
	}
	return null;
}

/** A DOM Range over [start, end) of an article column's text, for highlights and scrolling. */
export function rangeFromOffsets(root: Element, start: number, end: number): Range | null {
	return rangeFinder(root)(start, end);
}

/**
 * Ranges for many spans of one column: the column's chunks are read once, not once per span
 * (reading every `data-start` of a column per span made the first paint's highlights quadratic).
 */
export function rangeFinder(root: Element): (start: number, end: number) => Range | null {
	const chunks = chunksOf(root);
	return (start, end) => {
		const from = pointAt(chunks, start, false);
		const to = pointAt(chunks, end, true);
		if (!from || !to) return null;
		const range = document.createRange();
		range.setStart(from[0], from[1]);
		range.setEnd(to[0], to[1]);
		return range;
	};
}

/**
 * The article offsets a DOM selection covers inside one column, or null when it leaves the
 * column or covers no article text. Works for any boundary points (text or element), because it
 * intersects the range with each rendered text node instead of decoding the boundary points.
 */
export function offsetsFromRange(
	root: Element,
	range: Range
): { start: number; end: number } | null {
	if (!root.contains(range.commonAncestorContainer)) return null;
	let start: number | null = null;
	let end: number | null = null;
	for (const chunk of chunksOf(root)) {
		const node = chunk.el.firstChild;
		if (!node || node.nodeType !== Node.TEXT_NODE || !range.intersectsNode(node)) continue;
		const from = range.startContainer === node ? range.startOffset : 0;
		const to = range.endContainer === node ? range.endOffset : (node.textContent?.length ?? 0);
		if (to <= from) continue; // the range only touches this node's edge
		start ??= chunk.start + from;
		end = chunk.start + to;
	}
	return start === null || end === null ? null : { start, end };
}

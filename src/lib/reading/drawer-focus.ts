import type { Attachment } from 'svelte/attachments';

// what the browser's Tab can land on; filtered further by tabIndex and visibility
const FOCUSABLE =
	'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]';

/** What can hold focus: the charts' marks are SVG elements, tab stops as buttons are. */
type Focusable = HTMLElement | SVGElement;

/** The elements inside `root` that Tab reaches, in document order. */
function tabStops(root: HTMLElement): Focusable[] {
	return Array.from(root.querySelectorAll<Focusable>(FOCUSABLE)).filter(
		(el) => el.tabIndex >= 0 && el.checkVisibility()
	);
}

/**
 * Where Tab (or Shift+Tab, `backwards`) from `at` must go instead of where the browser would take
 * it, in a cycle of the drawer's tab stops followed by those of what floats over it (the Undo
 * toast); null where the browser's own order is right (between two stops of the same part, or
 * focus elsewhere, e.g. in a dialog over both). Focus on nothing (`null`: the page's body, after
 * what held it went away) comes back to the cycle's first or last stop.
 * @example wrapTarget(['close', 'tab'], ['undo'], 'tab', false) // 'undo'
 */
export function wrapTarget<T>(drawer: T[], over: T[], at: T | null, backwards: boolean): T | null {
	const cycle = [...drawer, ...over];
	const first = cycle[0];
	const last = cycle.at(-1);
	if (first === undefined || last === undefined) return null;
	if (at === null) return backwards ? last : first;
	if (!cycle.includes(at)) return null;
	if (at === (backwards ? first : last)) return backwards ? last : first;
	// the seam between the drawer and what floats over it: not neighbours in the document
	if (!over.length || !drawer.length) return null;
	if (!backwards && at === drawer.at(-1)) return over[0];
	if (backwards && at === over[0]) return drawer.at(-1)!;
	return null;
}

/**
 * While attached, a drawer over the page behaves as a dialog for the keyboard: focus moves to its
 * first tab stop (the close button), Tab and Shift+Tab wrap inside it instead of reaching the
 * content it covers, and when it closes focus goes back to `opener` (if it was inside the drawer
 * and would otherwise be left on a hidden element). What `over` returns (the Undo toast, shown
 * over the drawer but rendered outside it) joins the cycle after the drawer's own stops.
 * @example <div {@attach open ? holdDrawerFocus(() => opener, () => [toast]) : null}>…</div>
 */
export function holdDrawerFocus(
	opener: () => HTMLElement | null,
	over: () => (HTMLElement | null)[] = () => []
): Attachment<HTMLElement> {
	return (drawer) => {
		// once the drawer is displayed (its `open` class is set in the same update)
		const frame = requestAnimationFrame(() => tabStops(drawer)[0]?.focus());
		// on the document: Tab pressed in the toast must wrap too, and it is not inside the drawer
		function onkeydown(e: KeyboardEvent) {
			if (e.key !== 'Tab' || e.defaultPrevented) return;
			const floating = over().filter((el): el is HTMLElement => !!el?.checkVisibility());
			const active = document.activeElement;
			// an SVG mark is no HTMLElement: taken for "nothing focused", Tab jumped to the first stop
			const focusable = active instanceof HTMLElement || active instanceof SVGElement;
			const at = focusable && active !== document.body ? active : null;
			const to = wrapTarget(tabStops(drawer), floating.flatMap(tabStops), at, e.shiftKey);
			if (!to) return;
			e.preventDefault();
			to.focus();
		}
		document.addEventListener('keydown', onkeydown);
		return () => {
			cancelAnimationFrame(frame);
			document.removeEventListener('keydown', onkeydown);
			const back = opener();
			if (drawer.contains(document.activeElement) && back?.checkVisibility()) back.focus();
		};
	};
}

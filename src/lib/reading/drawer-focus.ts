import type { Attachment } from 'svelte/attachments';

// what the browser's Tab can land on; filtered further by tabIndex and visibility
const FOCUSABLE =
	'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]';

/** The elements inside `root` that Tab reaches, in document order. */
function tabStops(root: HTMLElement): HTMLElement[] {
	return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
		(el) => el.tabIndex >= 0 && el.checkVisibility()
	);
}

/**
 * While attached, a drawer over the page behaves as a dialog for the keyboard: focus moves to its
 * first tab stop (the close button), Tab and Shift+Tab wrap inside it instead of reaching the
 * content it covers, and when it closes focus goes back to `opener` (if it was inside the drawer
 * and would otherwise be left on a hidden element).
 * @example <div {@attach open ? holdDrawerFocus(() => opener) : null}>…</div>
 */
export function holdDrawerFocus(opener: () => HTMLElement | null): Attachment<HTMLElement> {
	return (drawer) => {
		// once the drawer is displayed (its `open` class is set in the same update)
		const frame = requestAnimationFrame(() => tabStops(drawer)[0]?.focus());
		function onkeydown(e: KeyboardEvent) {
			if (e.key !== 'Tab' || e.defaultPrevented) return;
			const stops = tabStops(drawer);
			const first = stops[0];
			const last = stops.at(-1);
			if (!first || !last) return;
			const at = document.activeElement;
			if (e.shiftKey ? at === first : at === last) {
				e.preventDefault();
				(e.shiftKey ? last : first).focus();
			}
		}
		drawer.addEventListener('keydown', onkeydown);
		return () => {
			cancelAnimationFrame(frame);
			drawer.removeEventListener('keydown', onkeydown);
			const back = opener();
			if (drawer.contains(document.activeElement) && back?.checkVisibility()) back.focus();
		};
	};
}

import type { Attachment } from 'svelte/attachments';
import type { TipEvent } from './hover-hold';

/**
 * Tells `ontip` when the pointer enters or leaves a tooltip's box, for a tooltip that takes no
 * pointer events (so a click through it reaches the mark beneath). Hit-testing the box keeps the
 * tooltip hoverable (WCAG 2.1 SC 1.4.13) without it ever being the click's target.
 * @example <div {@attach trackTipHover((event) => hold.tip(event))}>…</div>
 */
export function trackTipHover(ontip: (event: TipEvent) => void): Attachment<HTMLElement> {
	return (tip) => {
		let inside = false;
		function onpointermove(e: PointerEvent) {
			const box = tip.getBoundingClientRect();
			const now =
				e.clientX >= box.left &&
				e.clientX <= box.right &&
				e.clientY >= box.top &&
				e.clientY <= box.bottom;
			if (now === inside) return;
			inside = now;
			ontip(now ? 'pointerenter' : 'pointerleave');
		}
		document.addEventListener('pointermove', onpointermove);
		return () => document.removeEventListener('pointermove', onpointermove);
	};
}

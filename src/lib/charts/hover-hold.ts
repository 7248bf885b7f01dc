/**
 * When a chart's tooltip shows and hides, kept free of the DOM so it is tested once with fake
 * timers. WCAG 2.1 SC 1.4.13 asks that content shown on hover be hoverable: the reader must be
 * able to move the pointer from a mark onto its tooltip (to read a long line, or to magnify it)
 * without the tooltip vanishing on the way. So leaving a mark or the tooltip hides it only after
 * a short grace period, which entering the tooltip or another mark cancels; while the pointer is
 * on either the mark or the tooltip, it stays. Focus, blur and Escape act at once, as a keyboard
 * reader expects.
 */

/**
 * Long enough to cross the few pixels between a mark and its tooltip (or a gap between rows) at
 * an unhurried hand's speed, short enough that a tooltip left behind does not linger over the
 * next mark the reader looks at.
 */
export const HOVER_GRACE_MS = 300;

/** Something that happened to a mark, as far as its tooltip is concerned. */
export type MarkEvent = 'pointerenter' | 'pointerleave' | 'focus' | 'blur' | 'escape';

/** Something that happened to the tooltip itself: the pointer came onto it or left it. */
export type TipEvent = 'pointerenter' | 'pointerleave';

/**
 * Which mark's tooltip is shown, driven by pointer, focus and key events on marks and on the
 * tooltip; `onchange` hears every change (a chart stores the key in its `$state`).
 * @example
 * const hold = new HoverHold<string>((key) => (active = key));
 * hold.mark('draft', 'pointerenter'); // active = 'draft'
 * hold.mark('draft', 'pointerleave'); // active = null in HOVER_GRACE_MS…
 * hold.tip('pointerenter'); // …unless the pointer reaches the tooltip first
 */
export class HoverHold<K> {
	#active: K | null = null;
	// where the pointer is: the tooltip may cover part of its own mark, so both can be true
	#onMark = false;
	#onTip = false;
	#timer: ReturnType<typeof setTimeout> | undefined;
	readonly #onchange: (key: K | null) => void;
	readonly #graceMs: number;

	/** `onchange` is called with the newly shown mark's key, or null when the tooltip hides. */
	constructor(onchange: (key: K | null) => void, graceMs = HOVER_GRACE_MS) {
		this.#onchange = onchange;
		this.#graceMs = graceMs;
	}

	/** The key of the mark whose tooltip is shown, or null. */
	get active(): K | null {
		return this.#active;
	}

	/** Report an event on the mark `key`. */
	mark(key: K, event: MarkEvent): void {
		switch (event) {
			case 'pointerenter':
				this.#show(key);
				this.#onMark = true;
				break;
			case 'focus':
				// the pointer, if on a mark, is on another one now
				if (this.#active !== key) this.#onMark = false;
				this.#show(key);
				break;
			case 'pointerleave':
				if (this.#active !== key) break;
				this.#onMark = false;
				if (!this.#onTip) this.#hideLater();
				break;
			case 'blur':
				// the pointer resting on the tooltip still holds it (a click there blurs the mark)
				if (this.#active === key && !this.#onTip) this.dismiss();
				break;
			case 'escape':
				this.dismiss();
				break;
		}
	}

	/** Report the pointer entering or leaving the tooltip. */
	tip(event: TipEvent): void {
		if (event === 'pointerenter') {
			if (this.#active === null) return;
			this.#cancel();
			this.#onTip = true;
		} else {
			this.#onTip = false;
			if (this.#active !== null && !this.#onMark) this.#hideLater();
		}
	}

	/** Hide the tooltip at once (Escape, wherever the pointer and focus are). */
	dismiss(): void {
		this.#cancel();
		this.#set(null);
	}

	/** Drop a pending hide without calling back: the component is being destroyed. */
	destroy(): void {
		this.#cancel();
	}

	#show(key: K) {
		this.#cancel();
		this.#set(key);
	}

	#hideLater() {
		this.#cancel();
		this.#timer = setTimeout(() => {
			this.#timer = undefined;
			this.#set(null);
		}, this.#graceMs);
	}

	#cancel() {
		if (this.#timer !== undefined) clearTimeout(this.#timer);
		this.#timer = undefined;
	}

	#set(key: K | null) {
		// hidden, the tooltip holds nothing until a mark shows one again
		if (key === null) this.#onMark = this.#onTip = false;
		if (this.#active === key) return;
		this.#active = key;
		this.#onchange(key);
	}
}

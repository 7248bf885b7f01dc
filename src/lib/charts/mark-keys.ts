/**
 * Keyboard behaviour of chart marks, kept pure so it is tested once: Enter and Space activate a
 * mark like a button; arrow keys, Home and End move through a roving group (the alignment map's
 * sentences and links, where one tab stop per mark would mean a hundred tab stops).
 */

/**
 * Whether a key activates a focused mark (Enter or Space, as for a native button).
 * @example isActivationKey(' ') // true
 */
export function isActivationKey(key: string): boolean {
	return key === 'Enter' || key === ' ' || key === 'Spacebar';
}

/**
 * The index a roving group moves to on `key`, or null when the key does not move it.
 * Stops at both ends rather than wrapping, so a reader knows where an article ends.
 * @example nextRovingIndex(3, 'ArrowDown', 10) // 4
 */
export function nextRovingIndex(current: number, key: string, count: number): number | null {
	if (count <= 0) return null;
	const clamp = (i: number) => Math.min(count - 1, Math.max(0, i));
	switch (key) {
		case 'ArrowDown':
		case 'ArrowRight':
			return clamp(current + 1);
		case 'ArrowUp':
		case 'ArrowLeft':
			return clamp(current - 1);
		case 'PageDown':
			return clamp(current + 10);
		case 'PageUp':
			return clamp(current - 10);
		case 'Home':
			return 0;
		case 'End':
			return count - 1;
		default:
			return null;
	}
}

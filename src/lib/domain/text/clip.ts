import { oneLine } from './plain-text';

// Passages shown where little room is left (a list's choices, a short label) are cut to a length.
// A cut must show ("…"): without it a reader takes the start of a passage for all of it. It falls
// after a whole word where one ends near the limit, and never inside a character as a reader sees
// it (an emoji is several code points, and half of one shows as a broken glyph).

/** The mark that says a text goes on. */
const ELLIPSIS = '…';

/** Splits text into user-perceived characters (grapheme clusters). */
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * `text` on one line and at most `max` characters long, "…" included: kept whole when it fits,
 * else cut after the last whole word that fits, or mid-word when that would keep less than half.
 * @example clipText('the Biden administration had discreetly resumed deportations', 30) // 'the Biden administration had…'
 */
export function clipText(text: string, max: number): string {
	const line = oneLine(text);
	const chars = Array.from(graphemes.segment(line), (g) => g.segment);
	if (chars.length <= max) return line;
	if (max < 1) return '';
	// a space at index max - 1 still lets every word before it stay whole
	const space = chars.lastIndexOf(' ', max - 1);
	const end = space >= Math.floor(max / 2) ? space : max - 1;
	// "council, …" reads as a stutter: the punctuation that led on to the cut words goes too
	const cut = chars
		.slice(0, end)
		.join('')
		.replace(/[\s,;:–—-]+$/u, '');
	return cut + ELLIPSIS;
}

/**
 * Word counts of a line or a sentence without building its words: every paragraph and every
 * sentence of a long article is counted, and a split into an array of words for each cost a
 * share of the analysis.
 */

/** Whether a UTF-16 code unit is white space as `\s` reads it (ECMAScript WhiteSpace and LineTerminator). */
function isSpace(c: number): boolean {
	if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
	if (c < 0xa0) return false;
	return (
		c === 0xa0 ||
		c === 0x1680 ||
		(c >= 0x2000 && c <= 0x200a) ||
		c === 0x2028 ||
		c === 0x2029 ||
		c === 0x202f ||
		c === 0x205f ||
		c === 0x3000 ||
		c === 0xfeff
	);
}

/**
 * How many whitespace-separated words a paragraph has: `wordsOf(text).length` without building
 * the words (every paragraph of a long article is counted).
 * @example wordCount(' Skip  to content ') // 3
 */
export function wordCount(text: string): number {
	let n = 0;
	let inWord = false;
	for (let i = 0; i < text.length; i++) {
		const space = isSpace(text.charCodeAt(i));
		if (!space && !inWord) n++;
		inWord = !space;
	}
	return n;
}

/** Whether a UTF-16 code unit is a letter or a digit; code units past ASCII ask \p{L} / \p{N}. */
function isLetterOrDigit(c: number, text: string, i: number): boolean {
	if (c < 128) return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
	// sticky at i: a surrogate pair is read whole (letters outside the basic plane)
	LETTER_OR_DIGIT.lastIndex = i;
	return LETTER_OR_DIGIT.test(text);
}
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/uy;

/**
 * How many whitespace-separated words of `text` hold a letter or a digit (a dash or a "|"
 * standing alone is no word), as the expression "non-space run holding \p{L} or \p{N}" counts
 * them; counting stops once it passes `stopAfter` (callers ask whether a line passes a limit).
 * @example letteredWordCount('Share | Tweet — now') // 3
 */
export function letteredWordCount(text: string, stopAfter = Infinity): number {
	let n = 0;
	let inWord = false;
	let counted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (isSpace(c)) {
			inWord = false;
			continue;
		}
		if (!inWord) {
			inWord = true;
			counted = false;
		}
		if (!counted && isLetterOrDigit(c, text, i)) {
			counted = true;
			if (++n > stopAfter) return n;
		}
	}
	return n;
}

/**
 * W3C Web Annotation text selectors and the code-point ↔ UTF-16 conversion at their edge.
 *
 * The domain addresses text in UTF-16 offsets (JavaScript string indexes); the W3C model counts
 * a TextPositionSelector's `start`/`end` in Unicode code points. An emoji or any other astral
 * character is two UTF-16 units but one code point, so the two differ after the first one.
 */

/** W3C TextQuoteSelector: the quoted text plus a little text before and after it. */
export interface TextQuoteSelector {
	type: 'TextQuoteSelector';
	exact: string;
	prefix?: string;
	suffix?: string;
}

/** W3C TextPositionSelector: a half-open range counted in Unicode code points. */
export interface TextPositionSelector {
	type: 'TextPositionSelector';
	start: number;
	end: number;
}

/** Converts offsets of one text between UTF-16 units and code points in O(log astral count). */
export interface CodePointIndex {
	/** Length of the text in code points. */
	readonly length: number;
	/** Code-point offset of a UTF-16 offset; an offset inside a surrogate pair rounds down. */
	toCodePoint(utf16Offset: number): number;
	/** UTF-16 offset of a code-point offset. */
	fromCodePoint(cpOffset: number): number;
}

function isHighSurrogate(code: number): boolean {
	return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
	return code >= 0xdc00 && code <= 0xdfff;
}

/** True when a UTF-16 offset falls between the two halves of a surrogate pair. */
export function isInsideSurrogatePair(text: string, utf16Offset: number): boolean {
	return (
		utf16Offset > 0 &&
		utf16Offset < text.length &&
		isLowSurrogate(text.charCodeAt(utf16Offset)) &&
		isHighSurrogate(text.charCodeAt(utf16Offset - 1))
	);
}

function checkRange(offset: number, max: number, unit: string): void {
	if (!Number.isInteger(offset) || offset < 0 || offset > max) {
		throw new RangeError(`${unit} offset ${offset} is outside 0..${max}`);
	}
}

/** Lower bound: how many entries of the ascending array are < value. */
function countBelow(sorted: ArrayLike<number>, value: number): number {
	let lo = 0;
	let hi = sorted.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (sorted[mid] < value) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/**
 * Builds a reusable index of one text so that many offsets convert without rescanning it.
 * Only well-formed surrogate pairs count as one code point; a lone surrogate counts as one, as
 * `Array.from(text)` does.
 * @example createCodePointIndex('😃ab').toCodePoint(3) // 2
 */
export function createCodePointIndex(text: string): CodePointIndex {
	// UTF-16 offsets where an astral character (a surrogate pair) starts, ascending
	const starts: number[] = [];
	for (let i = 0; i < text.length - 1; i++) {
		if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) {
			starts.push(i);
			i++;
		}
	}
	const astral = Int32Array.from(starts);
	// code-point offset of each astral start: every earlier pair took one unit more
	const astralCp = astral.map((u, i) => u - i);
	const length = text.length - astral.length;
	return {
		length,
		toCodePoint(utf16Offset) {
			checkRange(utf16Offset, text.length, 'UTF-16');
			// each pair starting before the offset took two units for one code point; an offset
			// inside a pair counts that pair and so lands on the pair's own code point
			return utf16Offset - countBelow(astral, utf16Offset);
		},
		fromCodePoint(cpOffset) {
			checkRange(cpOffset, length, 'code-point');
			return cpOffset + countBelow(astralCp, cpOffset);
		}
	};
}

/**
 * Code-point offset of a UTF-16 offset (one scan; use createCodePointIndex for many offsets).
 * @example toCodePointOffset('l😃rem', 4) // 3
 */
export function toCodePointOffset(text: string, utf16Offset: number): number {
	checkRange(utf16Offset, text.length, 'UTF-16');
	let cp = 0;
	for (let i = 0; i < utf16Offset; i++) {
		if (!isInsideSurrogatePair(text, i)) cp++;
	}
	// an offset inside a pair rounds down to the pair's own code point
	return isInsideSurrogatePair(text, utf16Offset) ? cp - 1 : cp;
}

/**
 * UTF-16 offset of a code-point offset (one scan; use createCodePointIndex for many offsets).
 * @example fromCodePointOffset('l😃rem', 3) // 4
 */
export function fromCodePointOffset(text: string, cpOffset: number): number {
	if (!Number.isInteger(cpOffset) || cpOffset < 0) {
		throw new RangeError(`code-point offset ${cpOffset} is negative or not an integer`);
	}
	let cp = 0;
	let i = 0;
	while (cp < cpOffset) {
		if (i >= text.length) throw new RangeError(`code-point offset ${cpOffset} is past the end`);
		i += isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
		cp++;
	}
	return i;
}

/**
 * Start of the next occurrence of `exact` after offset `from`, or -1. Occurrences may overlap, and
 * the empty quote occurs at every offset up to the text's end (Apache Annotator's matcher agrees).
 * @example nextOccurrence('banana', 'ana', 1) // 3
 */
export function nextOccurrence(text: string, exact: string, from: number): number {
	return from >= text.length ? -1 : text.indexOf(exact, from + 1);
}

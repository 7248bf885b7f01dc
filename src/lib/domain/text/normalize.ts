/**
 * Text normalisation with an offset map back to the raw input. Every later offset in the domain
 * (sentences, tokens, annotations) is an index into the normalised text; `toRaw` lets an edge
 * (an upload preview, an exported selector) point back into what the user supplied.
 */

/** A normalised text and the maps from its offsets back to the raw input. */
interface NormalizedText {
	text: string;
	/** Raw offset where the normalised character at `offset` came from (`text.length` maps to the raw end of the last character). */
	toRaw(offset: number): number;
	/** Raw offset just after the source of the character before `offset`: use it for span ends. */
	toRawEnd(offset: number): number;
}

/** Characters of a text under construction (UTF-16 code units), each with the raw range it came from. */
interface Mapped {
	codes: Uint16Array;
	from: Int32Array;
	to: Int32Array;
	length: number;
}

/** A character with a combining mark or Hangul medial/final jamo after it may change under NFC. */
const CLUSTER = /[\s\S][\p{M}\u1160-\u11FF]*/gu;

/** Allocates an empty mapped text with room for `capacity` code units. */
function createMapped(capacity: number): Mapped {
	return {
		codes: new Uint16Array(capacity),
		from: new Int32Array(capacity),
		to: new Int32Array(capacity),
		length: 0
	};
}

/** Appends one code unit with its raw range. */
function push(m: Mapped, code: number, from: number, to: number): void {
	m.codes[m.length] = code;
	m.from[m.length] = from;
	m.to[m.length] = to;
	m.length++;
}

const UTF16 = new TextDecoder('utf-16le');

/** The mapped text as a string; lone surrogates become U+FFFD (same length, so offsets hold). */
function toText(m: Mapped): string {
	return UTF16.decode(m.codes.subarray(0, m.length));
}

/**
 * What pass 1 does with a code unit: -1 drops it (BOM / zero-width no-break space, zero-width
 * space, word joiner, soft hyphen; ZWJ/ZWNJ stay because emoji and some scripts need them),
 * 32 for tabs and Unicode spaces, 10 for vertical separators (VT, FF, NEL, U+2028, U+2029).
 */
function cleanCode(c: number): number {
	if (c < 128) return c === 9 ? 32 : c === 11 || c === 12 ? 10 : c;
	if (c === 0xfeff || c === 0x200b || c === 0x2060 || c === 0xad) return -1;
	if (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)) return 32;
	if (c === 0x202f || c === 0x205f || c === 0x3000) return 32;
	if (c === 0x85 || c === 0x2028 || c === 0x2029) return 10;
	return c;
}

/** Pass 1: per-character clean-up (line breaks, spaces, invisible characters). */
function cleanChars(raw: string): Mapped {
	const out = createMapped(raw.length);
	for (let i = 0; i < raw.length; i++) {
		const c = raw.charCodeAt(i);
		if (c === 13) {
			const crlf = raw.charCodeAt(i + 1) === 10;
			push(out, 10, i, crlf ? i + 2 : i + 1);
			if (crlf) i++;
			continue;
		}
		const code = cleanCode(c);
		if (code >= 0) push(out, code, i, i + 1);
	}
	return out;
}

/** Pass 2: NFC per character cluster, so each composed character keeps its cluster's raw range. */
function composeNfc(m: Mapped): Mapped {
	const joined = toText(m);
	if (joined.normalize('NFC') === joined) return m;
	const out = createMapped(m.length * 3); // NFC output is at most 3x its input in code units
	for (const match of joined.matchAll(CLUSTER)) {
		const start = match.index;
		const end = start + match[0].length;
		const nfc = match[0].normalize('NFC');
		if (nfc === match[0]) {
			for (let k = start; k < end; k++) push(out, m.codes[k], m.from[k], m.to[k]);
			continue;
		}
		for (let u = 0; u < nfc.length; u++) push(out, nfc.charCodeAt(u), m.from[start], m.to[end - 1]);
	}
	return out;
}

/** Pass 3: trailing spaces per line, at most one blank line in a row, no blank lines at the ends. */
function tidyLines(m: Mapped): Mapped {
	const out = createMapped(m.length);
	let newlines = 0; // line breaks waiting to be written before the next visible character
	const breakAt = [0, 0]; // the first two of them, the ones that are kept
	let spacesFrom = -1; // first of the spaces that are kept only if the line goes on
	for (let k = 0; k < m.length; k++) {
		const c = m.codes[k];
		if (c === 10) {
			spacesFrom = -1;
			if (newlines < 2) breakAt[newlines] = k;
			newlines++;
			continue;
		}
		if (c === 32) {
			if (spacesFrom < 0) spacesFrom = k;
			continue;
		}
		if (out.length > 0) {
			for (let b = 0; b < Math.min(newlines, 2); b++) {
				push(out, 10, m.from[breakAt[b]], m.to[breakAt[b]]);
			}
		}
		newlines = 0;
		if (spacesFrom >= 0) {
			for (let s = spacesFrom; s < k; s++) push(out, 32, m.from[s], m.to[s]);
			spacesFrom = -1;
		}
		push(out, c, m.from[k], m.to[k]);
	}
	return out;
}

/**
 * Anything the passes below would change: a character pass 1 rewrites or drops, trailing spaces
 * on a line, a blank-line run, a blank line at either end.
 */
const NOT_NORMAL =
	/[\t\v\f\r\u0085\u00a0\u00ad\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]| \n|\n\n\n|^\n|[ \n]$/;
/** A lone surrogate (no u flag: code units are matched), which decoding turns into U+FFFD. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Whether a text is already what {@link normalizeText} makes of it, character for character (an
 * article stored after normalisation is read again for every analysis: no passes needed then).
 * @example isNormalText('A b\n\nc') // true
 */
export function isNormalText(raw: string): boolean {
	return !NOT_NORMAL.test(raw) && !LONE_SURROGATE.test(raw) && raw.normalize('NFC') === raw;
}

/**
 * Normalises an article's raw text (BOM, CRLF, NFC, Unicode spaces, invisible characters, trailing
 * spaces, blank-line runs) and keeps a map from normalised offsets back to raw offsets.
 * Idempotent: normalising the result again returns the same text.
 * @example normalizeText('\uFEFFA\u00A0b  \r\n\r\n\r\nc').text // 'A b\n\nc'
 */
export function normalizeText(raw: string): NormalizedText {
	if (isNormalText(raw)) {
		// every character maps to itself: the identity, clamped like the maps below
		const clampRaw = (offset: number) => Math.max(0, Math.min(raw.length, Math.trunc(offset)));
		return { text: raw, toRaw: clampRaw, toRawEnd: clampRaw };
	}
	return normalizeByPasses(raw);
}

/**
 * {@link normalizeText} through all its passes, even for a text already normal (the tests check
 * that the shortcut gives the same).
 */
export function normalizeByPasses(raw: string): NormalizedText {
	const m = tidyLines(composeNfc(cleanChars(raw)));
	const text = toText(m);
	const n = text.length;
	const { from, to } = m;
	const rawEnd = n > 0 ? to[n - 1] : 0;
	const clamp = (offset: number) => Math.max(0, Math.min(n, Math.trunc(offset)));
	return {
		text,
		toRaw(offset: number): number {
			const k = clamp(offset);
			return k < n ? from[k] : rawEnd;
		},
		toRawEnd(offset: number): number {
			const k = clamp(offset);
			return k > 0 ? to[k - 1] : n > 0 ? from[0] : 0;
		}
	};
}

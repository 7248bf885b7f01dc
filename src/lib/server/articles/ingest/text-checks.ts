/**
 * The first gate of "bring your own articles": bytes of an upload or characters of a paste become
 * trusted text, or a message a person can act on. Pure functions (no DOM, no database), so each
 * rule is table-tested; ingest.ts composes them.
 */

/** An article may hold this many characters (Unicode code points) after extraction. */
export const MAX_CHARACTERS = 200_000;
/** Uploads above this are refused before decoding (the server's body limit is 2 MB as well). */
export const MAX_FILE_BYTES = 2_000_000;
/** Share of control bytes above which a file is binary: text has ~0 %, random bytes ~12 %. */
const CONTROL_SHARE = 0.05;
/** Bytes looked at for the control-character share: enough for any header, cheap for 2 MB. */
const SNIFF_BYTES = 8192;

/** What a file is read as; the extension says it, sniffing may correct text to HTML. */
type FileKind = 'text' | 'markdown' | 'html';

/** Metadata a file states about itself (every field optional: files say what they say). */
export interface FileMeta {
	title?: string;
	outlet?: string;
	author?: string;
	/** YYYY-MM-DD, YYYY-MM or YYYY */
	date?: string;
	genre?: 'opinion' | 'report' | 'analysis';
	sourceUrl?: string;
}

/** An article's text as extracted from a file, with the metadata found in it. */
export interface Extracted {
	/** plain text, paragraphs separated by blank lines */
	text: string;
	meta: FileMeta;
}

/** A value, or the message to show next to the field it came from. */
export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

const EXTENSIONS: Readonly<Record<string, FileKind>> = {
	txt: 'text',
	text: 'text',
	md: 'markdown',
	markdown: 'markdown',
	html: 'html',
	htm: 'html',
	xhtml: 'html'
};

const ACCEPTED = 'Upload .txt, .md or .html.';

/** The messages people see, in one place so tests and e2e can name them. */
export const MESSAGES = {
	binary: `This file looks binary (an image or a PDF?). ${ACCEPTED}`,
	binaryText:
		'This text contains control characters that plain text does not have (binary data pasted by mistake?). Paste plain text.',
	empty: "Paste the article's text or choose a file.",
	emptyFile: 'This file is empty (or holds only spaces).',
	emptyText: 'The text is empty (or holds only spaces).',
	noHtmlText:
		'No article text was found in this HTML page (it may hold only scripts, or load its text with JavaScript). Paste the text instead.',
	both: 'Paste text or choose a file for this article, not both.',
	tooDeep:
		'This HTML page is nested too deeply to read (a broken or hostile file?). Paste the text instead.',
	unsupported: (name: string) => {
		const ext = extensionOf(name);
		const what = ext
			? `.${ext} files are not supported`
			: 'Files without an extension are not supported';
		const hint = ext === 'pdf' ? ' For a PDF, copy its text and paste it here.' : '';
		return `${what}. ${ACCEPTED}${hint}`;
	},
	tooLong: (count: number) =>
		`This text has ${count.toLocaleString('en-US')} characters; an article may have at most ${MAX_CHARACTERS.toLocaleString('en-US')}. Shorten it or split the article.`,
	tooLarge: (bytes: number) =>
		`This file is ${(bytes / 1e6).toFixed(1)} MB; files up to ${MAX_FILE_BYTES / 1e6} MB can be uploaded.`,
	invalidUtf8: (at: number) =>
		`This file is not valid UTF-8 text (the first bad byte is at position ${at.toLocaleString('en-US')}). Save it as UTF-8 and upload it again.`
} as const;

/** The lower-case extension of a file name without the dot ('' when there is none). */
export function extensionOf(name: string): string {
	const base = name.split(/[\\/]/).pop() ?? '';
	const dot = base.lastIndexOf('.');
	return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** How a file name says it should be read, or undefined for types Parallax does not read. */
export function kindOfFileName(name: string): FileKind | undefined {
	return EXTENSIONS[extensionOf(name)];
}

/** Leading bytes of formats people upload by mistake (images, PDFs, office files, archives). */
const SIGNATURES: readonly (readonly number[])[] = [
	[0x89, 0x50, 0x4e, 0x47], // PNG
	[0xff, 0xd8, 0xff], // JPEG
	[0x47, 0x49, 0x46, 0x38], // GIF8
	[0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
	[0x50, 0x4b, 0x03, 0x04], // ZIP: docx, odt, epub
	[0xd0, 0xcf, 0x11, 0xe0], // OLE2: doc, xls
	[0x1f, 0x8b], // gzip
	[0x52, 0x49, 0x46, 0x46], // RIFF: webp, wav, avi
	[0x49, 0x49, 0x2a, 0x00], // TIFF (little-endian)
	[0x4d, 0x4d, 0x00, 0x2a], // TIFF (big-endian)
	[0x7f, 0x45, 0x4c, 0x46], // ELF
	[0x00, 0x61, 0x73, 0x6d] // wasm
];

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
	return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);
}

/** A control byte that text never needs (tab, line feed, form feed and carriage return are text). */
function isControlByte(b: number): boolean {
	return (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f;
}

/**
 * True when bytes are not text: a known binary signature, a NUL byte, or many control bytes.
 * UTF-16 with a byte-order mark is text even though half its bytes are NUL.
 * @example looksBinary(new Uint8Array([0x89, 0x50, 0x4e, 0x47])) // true
 */
export function looksBinary(bytes: Uint8Array): boolean {
	if (startsWith(bytes, UTF16LE_BOM) || startsWith(bytes, UTF16BE_BOM)) return false;
	if (SIGNATURES.some((s) => startsWith(bytes, s))) return true;
	if (bytes.includes(0)) return true;
	const sample = bytes.subarray(0, SNIFF_BYTES);
	let controls = 0;
	for (const b of sample) if (isControlByte(b)) controls++;
	return sample.length > 0 && controls / sample.length > CONTROL_SHARE;
}

/** Offset of the first byte where strict UTF-8 decoding fails (for the message). */
function firstInvalidUtf8(bytes: Uint8Array): number {
	const decoder = new TextDecoder('utf-8', { fatal: true });
	// binary search on prefix validity would mis-handle split sequences; walk instead
	let i = 0;
	while (i < bytes.length) {
		const b = bytes[i];
		const len =
			b < 0x80
				? 1
				: b >= 0xc2 && b < 0xe0
					? 2
					: b >= 0xe0 && b < 0xf0
						? 3
						: b >= 0xf0 && b < 0xf5
							? 4
							: 0;
		if (len === 0 || i + len > bytes.length) return i;
		try {
			decoder.decode(bytes.subarray(i, i + len));
		} catch {
			return i;
		}
		i += len;
	}
	return bytes.length;
}

/**
 * Bytes to text: UTF-8 (strict, the BOM dropped), or UTF-16 when a byte-order mark says so.
 * @example decodeText(new TextEncoder().encode('\uFEFFhi')) // { ok: true, value: 'hi' }
 */
export function decodeText(bytes: Uint8Array): Checked<string> {
	if (startsWith(bytes, UTF16LE_BOM) || startsWith(bytes, UTF16BE_BOM)) {
		const label = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
		try {
			return { ok: true, value: new TextDecoder(label, { fatal: true }).decode(bytes.subarray(2)) };
		} catch {
			return { ok: false, message: MESSAGES.binary };
		}
	}
	const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(3) : bytes;
	try {
		// ignoreBOM: the BOM is already gone; a second one is content, kept as the file has it
		return {
			ok: true,
			value: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body)
		};
	} catch {
		const at = firstInvalidUtf8(body) + (body === bytes ? 0 : 3);
		return { ok: false, message: MESSAGES.invalidUtf8(at) };
	}
}

/** How far into a page its charset declaration must be, as the HTML standard's prescan looks. */
const PRESCAN_BYTES = 1024;

/**
 * The legacy encoding a saved web page declares in its first 1,024 bytes (`<meta charset>` or
 * `<meta http-equiv="Content-Type" content="…; charset=…">`), as TextDecoder names it; undefined
 * when there is none, it is UTF-8 or UTF-16 (the standard reads those as UTF-8) or unknown.
 * @example declaredCharset(new TextEncoder().encode('<meta charset="iso-8859-1">')) // 'windows-1252'
 */
export function declaredCharset(bytes: Uint8Array): string | undefined {
	// the prescan only needs ASCII; any other byte reads as a replacement character
	const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, PRESCAN_BYTES));
	for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
		// <meta charset="…">, or <meta http-equiv="Content-Type" content="text/html; charset=…">
		const attribute = /\scharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
		const pragma = /http-equiv\s*=\s*["']?\s*content-type/i.test(tag)
			? /content\s*=\s*["'][^"']*charset\s*=\s*([\w.:-]+)/i.exec(tag)
			: null;
		const label = attribute?.[1] ?? pragma?.[1];
		if (!label) continue;
		let encoding: string;
		try {
			encoding = new TextDecoder(label).encoding;
		} catch {
			return undefined;
		}
		return encoding === 'utf-8' || encoding.startsWith('utf-16') ? undefined : encoding;
	}
	return undefined;
}

/**
 * windows-1252's 0x80–0x9F (the WHATWG table; 0 where undefined, kept as the C1 control): Node
 * 20's TextDecoder reads windows-1252 as Latin-1 and would turn curly quotes into controls.
 */
const CP1252_HIGH = [
	0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152,
	0, 0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161,
	0x203a, 0x0153, 0, 0x017e, 0x0178
];

/** Bytes in a legacy encoding TextDecoder knows, windows-1252 done by hand (see CP1252_HIGH). */
export function decodeLegacy(bytes: Uint8Array, encoding: string): string {
	if (encoding !== 'windows-1252') return new TextDecoder(encoding).decode(bytes);
	let out = '';
	for (let i = 0; i < bytes.length; i += 8192) {
		const codes = Array.from(bytes.subarray(i, i + 8192), (b) =>
			b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] || b : b
		);
		out += String.fromCharCode(...codes);
	}
	return out;
}

/** True when text opens like an HTML document (a saved web page renamed .txt, say). */
export function looksLikeHtml(text: string): boolean {
	// skip leading whitespace and comments by scanning: a regex for it backtracks exponentially
	let at = 0;
	for (;;) {
		while (at < text.length && /\s/.test(text[at])) at++;
		if (!text.startsWith('<!--', at)) break;
		const close = text.indexOf('-->', at + 4);
		if (close === -1) return false;
		at = close + 3;
	}
	return /^<(?:!doctype\s+html|html[\s>])/i.test(text.slice(at, at + 20));
}

/**
 * An uploaded file to text and the kind to extract it as; refuses unsupported types, oversized
 * files, binary data and invalid UTF-8 (unless an .html file declares another encoding), in that
 * order.
 * @example decodeUpload('a.txt', new TextEncoder().encode('Hi')) // { ok: true, value: { kind: 'text', text: 'Hi' } }
 */
export function decodeUpload(
	name: string,
	bytes: Uint8Array
): Checked<{ kind: FileKind; text: string }> {
	const byName = kindOfFileName(name);
	if (!byName) return { ok: false, message: MESSAGES.unsupported(name) };
	if (bytes.length > MAX_FILE_BYTES) return { ok: false, message: MESSAGES.tooLarge(bytes.length) };
	if (looksBinary(bytes)) return { ok: false, message: MESSAGES.binary };
	let decoded = decodeText(bytes);
	// an older saved page may declare a legacy encoding (windows-1252, Shift_JIS…): honour it
	const legacy = !decoded.ok && byName === 'html' ? declaredCharset(bytes) : undefined;
	if (legacy) decoded = { ok: true, value: decodeLegacy(bytes, legacy) };
	if (!decoded.ok) return decoded;
	if (!decoded.value.trim()) return { ok: false, message: MESSAGES.emptyFile };
	const kind = byName !== 'html' && looksLikeHtml(decoded.value) ? 'html' : byName;
	return { ok: true, value: { kind, text: decoded.value } };
}

/** Counts Unicode code points, which is what a person means by characters. */
export function countCharacters(text: string): number {
	let n = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		// a high surrogate followed by a low one is one character
		if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
			const d = text.charCodeAt(i + 1);
			if (d >= 0xdc00 && d <= 0xdfff) i++;
		}
		n++;
	}
	return n;
}

// control characters other than tab, line feed, form feed, carriage return
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g;

/**
 * Checks article text (pasted or extracted): line ends unified, stray control characters
 * dropped, refused when empty, binary-looking or over MAX_CHARACTERS.
 * @example checkText('  ') // { ok: false, message: MESSAGES.emptyText }
 */
export function checkText(text: string): Checked<string> {
	const unified = text.replace(/\r\n?/g, '\n');
	const controls = unified.match(CONTROL_CHARS)?.length ?? 0;
	if (unified.includes('\0') || (controls > 0 && controls / unified.length > CONTROL_SHARE)) {
		return { ok: false, message: MESSAGES.binaryText };
	}
	const clean = controls > 0 ? unified.replace(CONTROL_CHARS, '') : unified;
	if (!clean.trim()) return { ok: false, message: MESSAGES.emptyText };
	const count = countCharacters(clean);
	if (count > MAX_CHARACTERS) return { ok: false, message: MESSAGES.tooLong(count) };
	return { ok: true, value: clean };
}

/**
 * A date as the article's metadata keeps it (YYYY-MM-DD, or YYYY-MM / YYYY when that is all
 * there is), from an ISO string, a timestamp like 2023-03-26T10:00:00Z or a Date; else undefined.
 * @example toIsoDate('2023-03-26T22:30:00-04:00') // '2023-03-26' (the date as written, not UTC)
 */
export function toIsoDate(value: unknown): string | undefined {
	if (value instanceof Date) {
		return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
	}
	if (typeof value !== 'string') return undefined;
	const m = /^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?=$|[T\s])/.exec(value);
	if (m) {
		const [, y, mo, d] = m;
		if (mo && (+mo < 1 || +mo > 12)) return undefined;
		if (d && (+d < 1 || +d > 31)) return undefined;
		return [y, mo, d].filter(Boolean).join('-');
	}
	// free-form dates ('March 26, 2023') parse as local midnight: read them back in local time
	const parsed = new Date(value);
	if (Number.isNaN(parsed.getTime())) return undefined;
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${parsed.getFullYear()}-${pad(parsed.getMonth() + 1)}-${pad(parsed.getDate())}`;
}

/**
 * An absolute http(s) URL, or undefined (relative links, javascript: and data: are dropped).
 * @example toHttpUrl('https://example.org/a?b#c') // 'https://example.org/a?b#c'
 */
export function toHttpUrl(value: unknown, base?: string): string | undefined {
	if (typeof value !== 'string' || !value.trim()) return undefined;
	try {
		const url = new URL(value.trim(), base);
		return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
	} catch {
		return undefined;
	}
}

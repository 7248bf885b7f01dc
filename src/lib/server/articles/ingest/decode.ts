/**
 * Bytes of an upload to text: binary files refused by their signature or their control bytes,
 * strict UTF-8 (and UTF-16 with a byte-order mark), an older web page's declared legacy encoding
 * honoured, and a saved web page recognised whatever its file name says.
 */
import { opensAsHtmlDocument } from '../../../domain/text';
import {
	CONTROL_SHARE,
	MAX_FILE_BYTES,
	MESSAGES,
	kindOfFileName,
	type Checked,
	type FileKind
} from './text-checks';

/** Bytes looked at for the control-character share: enough for any header, cheap for 2 MB. */
const SNIFF_BYTES = 8192;

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
	const kind = byName !== 'html' && opensAsHtmlDocument(decoded.value) ? 'html' : byName;
	return { ok: true, value: { kind, text: decoded.value } };
}

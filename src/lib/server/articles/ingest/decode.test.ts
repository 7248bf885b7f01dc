import { describe, expect, it } from 'vitest';
import { decodeLegacy, decodeText, decodeUpload, declaredCharset, looksBinary } from './decode';
import { MAX_FILE_BYTES, MESSAGES } from './text-checks';

const utf8 = (s: string) => new TextEncoder().encode(s);
const bytes = (...b: number[]) => new Uint8Array(b);
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48);

describe('looksBinary', () => {
	it.each([
		['plain ASCII', utf8('Hello, world.\nSecond line.\r\n'), false],
		['UTF-8 accents and emoji', utf8('Café — naïve 😃'), false],
		['a tab and a form feed', utf8('a\tb\fc'), false],
		['PNG signature', PNG, true],
		['PDF signature', utf8('%PDF-1.7\n%âãÏÓ\n'), true],
		['ZIP (docx) signature', bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0), true],
		['JPEG signature', bytes(0xff, 0xd8, 0xff, 0xe0), true],
		['a NUL byte in text', utf8('text\0more text'), true],
		['many control bytes', bytes(...utf8('abcdefghij'), 1, 2, 3, 4), true],
		['one stray control byte in a long text', utf8(`${'word '.repeat(100)}\u0001`), false],
		['UTF-16 LE with BOM (NUL bytes are text there)', bytes(0xff, 0xfe, 0x48, 0, 0x69, 0), false],
		['empty', bytes(), false]
	])('%s -> %s', (_name, input, expected) => {
		expect(looksBinary(input)).toBe(expected);
	});
});

describe('decodeText', () => {
	it.each([
		['UTF-8', utf8('Grüße'), 'Grüße'],
		['UTF-8 with BOM (dropped)', bytes(0xef, 0xbb, 0xbf, ...utf8('Hi')), 'Hi'],
		['UTF-16 LE with BOM', bytes(0xff, 0xfe, 0x48, 0, 0x69, 0), 'Hi'],
		['UTF-16 BE with BOM', bytes(0xfe, 0xff, 0, 0x48, 0, 0x69), 'Hi']
	])('%s', (_name, input, text) => {
		expect(decodeText(input)).toEqual({ ok: true, value: text });
	});

	it.each([
		['a Latin-1 é', bytes(...utf8('caf'), 0xe9, 0x20, 0x6f), 3],
		['a lone continuation byte', bytes(0x61, 0x80), 1],
		['a truncated 3-byte sequence at the end', bytes(0x61, 0x62, 0xe2, 0x82), 2],
		['an overlong encoding', bytes(0x41, 0xc0, 0xaf), 1],
		['an encoded surrogate', bytes(0xed, 0xa0, 0x80), 0],
		['bad byte after a BOM (position counts the BOM)', bytes(0xef, 0xbb, 0xbf, 0x61, 0xff), 4]
	])('refuses %s and names the byte', (_name, input, at) => {
		expect(decodeText(input)).toEqual({ ok: false, message: MESSAGES.invalidUtf8(at) });
	});
});

describe('decodeUpload', () => {
	it.each([
		['a .txt file', 'a.txt', utf8('Hello.'), { kind: 'text', text: 'Hello.' }],
		['a .md file', 'a.md', utf8('# Hi'), { kind: 'markdown', text: '# Hi' }],
		['an .html file', 'a.html', utf8('<p>x</p>'), { kind: 'html', text: '<p>x</p>' }],
		[
			'a saved page named .txt is read as HTML',
			'a.txt',
			utf8('<!doctype html><p>x</p>'),
			{ kind: 'html', text: '<!doctype html><p>x</p>' }
		]
	])('reads %s', (_name, name, input, value) => {
		expect(decodeUpload(name, input)).toEqual({ ok: true, value });
	});

	// a page saved by an older site: “Café” in windows-1252 (curly quotes 0x93/0x94, é 0xE9)
	const legacyPage = (meta: string) =>
		bytes(
			...utf8(`<!doctype html><html><head>${meta}</head><body><p>`),
			0x93,
			...utf8('Caf'),
			0xe9,
			0x94,
			...utf8('</p></body></html>')
		);

	it.each([
		['<meta charset>', '<meta charset="windows-1252">'],
		['iso-8859-1 (read as windows-1252, as browsers do)', "<meta charset='ISO-8859-1'>"],
		['http-equiv', '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">']
	])('reads a saved page in the legacy encoding it declares: %s', (_name, meta) => {
		const read = decodeUpload('old.html', legacyPage(meta));
		expect(read.ok && read.value.text).toContain('<p>“Café”</p>');
	});

	it.each([
		['no declaration', ''],
		['a declared UTF-8 that is not', '<meta charset="utf-8">'],
		['an unknown encoding', '<meta charset="x-klingon">'],
		['a charset in some other meta', '<meta name="note" content="charset=windows-1252">']
	])('refuses invalid UTF-8 in a page with %s', (_name, meta) => {
		const read = decodeUpload('old.html', legacyPage(meta));
		expect(read.ok).toBe(false);
	});

	it('honours a declaration in .html files only (a .txt has no way to declare one)', () => {
		expect(decodeUpload('old.txt', legacyPage('<meta charset="windows-1252">')).ok).toBe(false);
	});

	it.each<[string, number[], string, string]>([
		['the euro sign', [0x80], 'windows-1252', '€'],
		['an undefined byte stays a control', [0x81], 'windows-1252', '\u0081'],
		['curly quotes and a dash', [0x93, 0x96, 0x94], 'windows-1252', '“–”'],
		['Ÿ at the top of the range', [0x9f], 'windows-1252', 'Ÿ'],
		['Latin-1 above the range', [0xe9, 0xff], 'windows-1252', 'éÿ'],
		['Shift_JIS through ICU', [0x93, 0xfa, 0x96, 0x7b], 'shift_jis', '日本']
	])('decodeLegacy: %s', (_name, input, encoding, text) => {
		expect(decodeLegacy(bytes(...input), encoding)).toBe(text);
	});

	it.each([
		['<meta charset="shift_jis">', 'shift_jis'],
		['<META HTTP-EQUIV=content-type CONTENT="text/html;charset=euc-kr">', 'euc-kr'],
		['<meta charset="utf-16le">', undefined],
		['<p>no meta</p>', undefined]
	])('declaredCharset(%j) is %j', (html, encoding) => {
		expect(declaredCharset(utf8(html))).toBe(encoding);
	});

	it.each([
		['a .pdf', 'report.pdf', utf8('%PDF-1.4'), MESSAGES.unsupported('report.pdf')],
		['a .png', 'photo.png', PNG, MESSAGES.unsupported('photo.png')],
		['a name without extension', 'README', utf8('text'), MESSAGES.unsupported('README')],
		['a PNG named .html', 'page.html', PNG, MESSAGES.binary],
		['binary bytes named .txt', 'notes.txt', bytes(0, 1, 2, 3, 250, 251), MESSAGES.binary],
		['invalid UTF-8', 'latin1.txt', bytes(...utf8('caf'), 0xe9), MESSAGES.invalidUtf8(3)],
		['an empty file', 'empty.txt', bytes(), MESSAGES.emptyFile],
		['a file of spaces', 'spaces.md', utf8(' \n\t\n'), MESSAGES.emptyFile],
		[
			'a file over the byte limit',
			'big.txt',
			new Uint8Array(MAX_FILE_BYTES + 1).fill(0x61),
			MESSAGES.tooLarge(MAX_FILE_BYTES + 1)
		]
	])('refuses %s', (_name, name, input, message) => {
		expect(decodeUpload(name, input)).toEqual({ ok: false, message });
	});

	it('names the file type and hints at pasting for PDFs', () => {
		expect(MESSAGES.unsupported('r.pdf')).toContain('.pdf files are not supported');
		expect(MESSAGES.unsupported('r.pdf')).toContain('copy its text');
		expect(MESSAGES.unsupported('p.png')).not.toContain('copy its text');
	});
});

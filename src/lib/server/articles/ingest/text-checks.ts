/**
 * The first gate of "bring your own articles": what may come in (limits, file kinds, the
 * messages people see) and the checks every article text passes, pasted or extracted. Bytes
 * become text in decode.ts; the metadata values a file states are read in meta-values.ts. Pure
 * functions (no DOM, no database), so each rule is table-tested; new-comparison.ts composes them.
 */
import { hasContent } from '../../../domain/text';

/** An article may hold this many characters (Unicode code points) after extraction. */
export const MAX_CHARACTERS = 200_000;
/** Uploads above this are refused before decoding (the server's body limit is 2 MB as well). */
export const MAX_FILE_BYTES = 2_000_000;
/** Share of control bytes above which a file is binary: text has ~0 %, random bytes ~12 %. */
export const CONTROL_SHARE = 0.05;

/** What a file is read as; the extension says it, sniffing may correct text to HTML. */
export type FileKind = 'text' | 'markdown' | 'html';

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

// PDFs are read before these checks (form-sources.ts → pdf.ts), so they are accepted too
const ACCEPTED = 'Upload .txt, .md, .html or .pdf.';

/** The messages people see, in one place so tests and e2e can name them. */
export const MESSAGES = {
	binary: `This file looks binary (an image, or a PDF under another extension?). ${ACCEPTED}`,
	binaryText:
		'This text contains control characters that plain text does not have (binary data pasted by mistake?). Paste plain text.',
	empty: "Paste the article's text or choose a file.",
	/** the same where the form has no file input (editing a comparison's texts) */
	emptyNoFile: "Paste the article's text.",
	emptyFile: 'This file is empty (or holds only spaces).',
	emptyText: 'The text is empty (or holds only spaces).',
	noWords:
		'This text has no words, only symbols or broken characters (a file in another encoding?). Paste the article’s text.',
	noContent:
		'There is nothing to compare in this text: it has no word of two letters or more, only single letters, numbers or symbols. Give the article’s whole text.',
	noHtmlText:
		'No article text was found in this HTML page (it may hold only scripts, or load its text with JavaScript). Paste the text instead.',
	both: 'Paste text or choose a file for this article, not both.',
	/** pasted page source read into its text; `held`: nothing was stored, the form is back */
	pastedHtml: (filled: readonly string[], held: boolean) =>
		'Your pasted text looked like HTML; we kept its readable text.' +
		(filled.length ? ` Filled ${filled.join(', ')} from it.` : '') +
		(held ? ' Nothing is stored yet: check the text, then send the form again.' : ''),
	tooDeep:
		'This HTML page is nested too deeply to read (a broken or hostile file?). Paste the text instead.',
	unsupported: (name: string) => {
		const ext = extensionOf(name);
		const what = ext
			? `.${ext} files are not supported`
			: 'Files without an extension are not supported';
		// PDFs are read before this check; one that reaches it came by another way
		if (ext === 'pdf') return `${what} here. For a PDF, copy its text and paste it here.`;
		return `${what}. ${ACCEPTED}`;
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

/** A letter or a digit: a text without one has nothing to compare. */
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * Checks article text (pasted or extracted): line ends unified, stray control characters
 * dropped, refused when empty, without a letter or digit, without a word of two letters
 * (hasContent: "x" is no article), binary-looking or over MAX_CHARACTERS.
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
	// nothing to segment or compare: "�" where a form's broken characters were replaced
	if (!WORD_CHARACTER.test(clean)) return { ok: false, message: MESSAGES.noWords };
	// a short but real text is stored with the reading view's 'short' warning; this is the floor
	if (!hasContent(clean)) return { ok: false, message: MESSAGES.noContent };
	const count = countCharacters(clean);
	if (count > MAX_CHARACTERS) return { ok: false, message: MESSAGES.tooLong(count) };
	return { ok: true, value: clean };
}

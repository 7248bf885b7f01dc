// An uploaded file to article text and metadata, by format: bytes are checked and decoded
// (decode.ts), HTML and Markdown extracted (html.ts, markdown.ts), then the text is checked like
// a paste. A new import format is a module beside these and one branch here (its file kind in
// text-checks.ts). PDFs are read before the form (pdf.ts, through form-sources.ts).
import { decodeUpload } from './decode';
import { extractHtml } from './html';
import { extractMarkdown } from './markdown';
import { MESSAGES, checkText, type Checked, type Extracted } from './text-checks';

/** An uploaded file as the route hands it over. */
export interface UploadedFile {
	name: string;
	bytes: Uint8Array;
}

/**
 * An uploaded file to article text and metadata: checks type, size, binary data and encoding,
 * then extracts HTML or Markdown, then checks the text like a paste.
 * @example readUpload({ name: 'a.txt', bytes: new TextEncoder().encode('Hi.') }) // { ok: true, value: { text: 'Hi.', meta: {} } }
 */
export function readUpload(file: UploadedFile): Checked<Extracted> {
	const decoded = decodeUpload(file.name, file.bytes);
	if (!decoded.ok) return decoded;
	const { kind, text } = decoded.value;
	if (kind === 'html') return readHtml(text);
	const extracted: Checked<Extracted> =
		kind === 'markdown' ? extractMarkdown(text) : { ok: true, value: { text, meta: {} } };
	return checkExtracted(extracted, MESSAGES.emptyFile);
}

/**
 * HTML source (an uploaded page, or a page's source pasted into the text box) to its article
 * text and metadata, checked like a paste; nothing in it runs (see html.ts).
 * @example readHtml('<p>Hi there.</p><script>x()</script>') // { ok: true, value: { text: 'Hi there.', meta: {} } }
 */
export function readHtml(html: string): Checked<Extracted> {
	return checkExtracted(extractHtml(html), MESSAGES.noHtmlText);
}

/** Extracted text checked like a paste; an empty one gets the format's own message. */
function checkExtracted(extracted: Checked<Extracted>, emptyMessage: string): Checked<Extracted> {
	if (!extracted.ok) return extracted;
	const checked = checkText(extracted.value.text);
	if (!checked.ok) {
		const empty = checked.message === MESSAGES.emptyText;
		return { ok: false, message: empty ? emptyMessage : checked.message };
	}
	return { ok: true, value: { text: checked.value, meta: extracted.value.meta } };
}

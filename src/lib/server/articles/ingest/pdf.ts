/**
 * A PDF upload to article text, with Mozilla's pdf.js (legacy build: the one meant for Node).
 * Only the text layer is read: positioned runs go to domain/pdf-layout, which rebuilds columns,
 * paragraphs and hyphenated words and sets running headers and page numbers apart. Nothing is
 * rendered and no script in the PDF runs (eval is off, as the advisory for pdf.js fonts advises).
 */
import { layoutPdf, type PdfPage, type PdfRun } from '../../../domain/pdf-layout';
import { MAX_FILE_BYTES, checkText, type Checked, type Extracted } from './text-checks';

/** More pages than this is a book, not an article. */
export const MAX_PDF_PAGES = 100;

/** The messages a PDF upload can get. */
export const PDF_MESSAGES = {
	notPdf: 'This file is named .pdf but is not a PDF.',
	unreadable:
		'This PDF could not be read (it may be damaged or protected by a password). Copy its text and paste it instead.',
	scanned:
		'This PDF has no text layer (a scan or photographed pages?). Parallax does not read text from images; copy the text from a version with selectable text, or type it in.',
	tooManyPages: (pages: number) =>
		`This PDF has ${pages} pages; up to ${MAX_PDF_PAGES} can be read. Upload the article's pages only.`,
	tooLarge: (bytes: number) =>
		`This file is ${(bytes / 1e6).toFixed(1)} MB; files up to ${MAX_FILE_BYTES / 1e6} MB can be uploaded.`
} as const;

interface TextItemLike {
	str?: string;
	transform?: number[];
	width?: number;
	height?: number;
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let loaded: Promise<PdfJs> | undefined;

/** pdf.js with its worker in this thread (Node has no web workers to give it). */
function pdfjs(): Promise<PdfJs> {
	loaded ??= (async () => {
		// registering the worker module as globalThis.pdfjsWorker makes pdf.js run it in-process
		await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
		return import('pdfjs-dist/legacy/build/pdf.mjs');
	})();
	return loaded;
}

/** A pdf.js text item as a run: baseline from the top of the page, font size from the matrix. */
function runOf(item: TextItemLike, pageHeight: number): PdfRun | undefined {
	if (!item.str || !item.transform) return undefined;
	const [a, b, c, d, e, f] = item.transform;
	const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height || 0;
	return { text: item.str, x: e, y: pageHeight - f, width: item.width ?? 0, height: size };
}

/** The PDF's document title and author, when it states them (Chromium writes the page title). */
function infoMeta(info: Record<string, unknown>): Extracted['meta'] {
	const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
	const meta: Extracted['meta'] = {};
	const title = text(info.Title);
	if (title && !/^(untitled|microsoft word - )/i.test(title)) meta.title = title;
	const author = text(info.Author);
	if (author) meta.author = author;
	// no date: the file's creation date is rarely the article's
	return meta;
}

/**
 * A PDF's bytes to the article's text (paragraphs, blank-line separated) and the title and
 * author its properties state; furniture lines are dropped. Refuses non-PDFs, damaged or locked
 * files and scans without a text layer.
 */
export async function readPdf(
	bytes: Uint8Array
): Promise<Checked<Extracted & { furniture: string[] }>> {
	if (bytes.length > MAX_FILE_BYTES)
		return { ok: false, message: PDF_MESSAGES.tooLarge(bytes.length) };
	const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
	if (!head.includes('%PDF-')) return { ok: false, message: PDF_MESSAGES.notPdf };
	const lib = await pdfjs();
	// pdf.js takes ownership of (and detaches) the buffer it is given: hand it a copy
	const task = lib.getDocument({
		data: bytes.slice(),
		isEvalSupported: false,
		disableFontFace: true,
		useSystemFonts: false,
		stopAtErrors: false,
		verbosity: 0
	});
	try {
		const doc = await task.promise;
		if (doc.numPages > MAX_PDF_PAGES) {
			return { ok: false, message: PDF_MESSAGES.tooManyPages(doc.numPages) };
		}
		const pages: PdfPage[] = [];
		for (let n = 1; n <= doc.numPages; n++) {
			const page = await doc.getPage(n);
			const [, , width, height] = page.view;
			const content = await page.getTextContent();
			const runs = (content.items as TextItemLike[])
				.map((item) => runOf(item, height))
				.filter((r): r is PdfRun => r !== undefined);
			pages.push({ width, height, runs });
			page.cleanup();
		}
		const { info } = await doc.getMetadata().catch(() => ({ info: {} }));
		const laid = layoutPdf(pages);
		const text = laid.paragraphs.join('\n\n');
		if (text.replace(/\s/g, '').length < 20) return { ok: false, message: PDF_MESSAGES.scanned };
		const checked = checkText(text);
		if (!checked.ok) return checked;
		return {
			ok: true,
			value: {
				text: checked.value,
				meta: infoMeta((info ?? {}) as Record<string, unknown>),
				furniture: laid.furniture
			}
		};
	} catch {
		return { ok: false, message: PDF_MESSAGES.unreadable };
	} finally {
		await task.destroy();
	}
}

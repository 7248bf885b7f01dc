/**
 * A PDF's positioned text runs to an article's paragraphs. A PDF stores glyphs at positions, not
 * paragraphs: lines must be rebuilt from runs, columns found and read one after the other, running
 * headers, footers and page numbers set apart, line breaks inside paragraphs removed and words
 * hyphenated at a line end joined again (segmentation would otherwise cut sentences at every line).
 * Pure: the pdf.js edge (server/ingest-pdf.ts) hands over the runs; everything here is table-tested.
 */

/** One text run as the PDF places it; y grows downwards from the page's top, in points. */
export interface PdfRun {
	text: string;
	x: number;
	/** baseline, from the page's top */
	y: number;
	width: number;
	/** font size */
	height: number;
}

/** One page's runs and size. */
export interface PdfPage {
	width: number;
	height: number;
	runs: PdfRun[];
}

/** A piece of one line inside one column: runs on the same baseline without a wide gap. */
export interface PdfLine {
	text: string;
	x0: number;
	x1: number;
	y: number;
	height: number;
}

/** Runs closer than this share a baseline (× font size). */
const SAME_LINE = 0.4;
/** A horizontal gap wider than this between runs of one baseline splits columns (× font size). */
const COLUMN_GAP = 1.2;
/** A gap wider than this between runs is a word space (× font size). */
const WORD_GAP = 0.15;
/** Lines crossing a gutter (headlines, centred furniture) are at most this share of a page's lines. */
const SPANNING_SHARE = 0.1;
/** Page margins where running headers and footers live (share of page height). */
const MARGIN = 0.12;

/**
 * Runs to lines: runs on one baseline, left to right, split where a gap is wide enough to be a
 * column gutter; spaces added where runs leave a word gap.
 * @example linesOf([{ text: 'Hello', x: 0, y: 10, width: 25, height: 10 }, { text: 'world', x: 28, y: 10, width: 25, height: 10 }])[0].text // 'Hello world'
 */
export function linesOf(runs: readonly PdfRun[]): PdfLine[] {
	const sorted = runs
		.filter((r) => r.text.length > 0)
		.slice()
		.sort((a, b) => a.y - b.y || a.x - b.x);
	const rows: PdfRun[][] = [];
	for (const run of sorted) {
		const row = rows[rows.length - 1];
		if (row && Math.abs(row[0].y - run.y) <= SAME_LINE * Math.max(row[0].height, run.height)) {
			row.push(run);
		} else rows.push([run]);
	}
	const lines: PdfLine[] = [];
	for (const row of rows) {
		row.sort((a, b) => a.x - b.x);
		let line: PdfLine | undefined;
		for (const run of row) {
			const size = Math.max(run.height, line?.height ?? 0) || 1;
			const gap = line ? run.x - line.x1 : 0;
			if (!line || gap > COLUMN_GAP * size) {
				if (line) lines.push(line);
				line = { text: run.text, x0: run.x, x1: run.x + run.width, y: run.y, height: run.height };
				continue;
			}
			const spaced = /\s$/.test(line.text) || /^\s/.test(run.text);
			line.text += !spaced && gap > WORD_GAP * size ? ` ${run.text}` : run.text;
			line.x1 = Math.max(line.x1, run.x + run.width);
			line.height = Math.max(line.height, run.height);
		}
		if (line) lines.push(line);
	}
	return lines
		.map((l) => ({ ...l, text: l.text.replace(/\s+/g, ' ').trim() }))
		.filter((l) => l.text);
}

/**
 * The columns of a page as x ranges: a gutter is a vertical strip at least a font size wide that
 * few lines cross (headlines and centred page furniture may) with text on both sides of it.
 * @example columnsOf(twoColumnLines) // [[56, 283], [312, 539]]
 */
export function columnsOf(lines: readonly PdfLine[]): [number, number][] {
	if (lines.length === 0) return [];
	const left = Math.floor(Math.min(...lines.map((l) => l.x0)));
	const right = Math.ceil(Math.max(...lines.map((l) => l.x1)));
	const cover = new Array<number>(right - left + 1).fill(0);
	for (const l of lines) {
		for (let x = Math.ceil(l.x0) - left; x <= Math.floor(l.x1) - left; x++) cover[x]++;
	}
	// a strip crossed by at most this many lines is empty enough to be a gutter
	const few = Math.max(1, Math.floor(lines.length * SPANNING_SHARE));
	const sizes = lines.map((l) => l.height).sort((a, b) => a - b);
	const minGutter = sizes[Math.floor(sizes.length / 2)] * 0.8;
	const columns: [number, number][] = [];
	let start = 0;
	let x = 0;
	while (x < cover.length) {
		if (cover[x] > few) {
			x++;
			continue;
		}
		let end = x;
		while (end < cover.length && cover[end] <= few) end++;
		const inside = x > 0 && end < cover.length;
		if (inside && end - x >= minGutter) {
			columns.push([left + start, left + x]);
			start = end;
		}
		x = end;
	}
	columns.push([left + start, right]);
	return columns;
}

/**
 * A page's lines in reading order: lines spanning columns cut the page into bands; inside a
 * band, each column is read top to bottom, columns left to right.
 */
export function readingOrder(lines: readonly PdfLine[]): PdfLine[][] {
	const columns = columnsOf(lines);
	if (columns.length <= 1) return lines.length ? [[...lines].sort((a, b) => a.y - b.y)] : [];
	const columnOf = (l: PdfLine) => {
		const at = columns.findIndex(([a, b]) => l.x0 >= a - 1 && l.x1 <= b + 1);
		return at; // -1: the line crosses a gutter, it spans columns
	};
	const byY = [...lines].sort((a, b) => a.y - b.y);
	const out: PdfLine[][] = [];
	let band: PdfLine[][] = columns.map(() => []);
	const flush = () => {
		for (const column of band) if (column.length) out.push(column);
		band = columns.map(() => []);
	};
	for (const line of byY) {
		const at = columnOf(line);
		if (at === -1) {
			flush();
			out.push([line]);
		} else band[at].push(line);
	}
	flush();
	return out;
}

/** A line's text with digits generalised, so "Page 3" and "Page 4" are the same running line. */
function furnitureKey(text: string): string {
	return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

/** A page number on its own ("7", "- 7 -", "Page 7 of 12", "7 / 12"). */
export function isPageNumber(text: string): boolean {
	return /^[-–—\s]*(page\s+)?\d{1,4}(\s*(of|\/)\s*\d{1,4})?[-–—\s]*$/i.test(text.trim());
}

/**
 * Which lines of each page are furniture: in the top or bottom margin and either a lone page
 * number or a line that repeats (digits aside) on at least half the pages, two at least, at about
 * the same height. Returns, per page, the indexes of those lines.
 */
export function furnitureOf(
	pages: readonly { height: number; lines: readonly PdfLine[] }[]
): Set<number>[] {
	const inMargin = (l: PdfLine, height: number) =>
		l.y < height * MARGIN || l.y > height * (1 - MARGIN);
	const seen = new Map<string, Set<number>>();
	pages.forEach((page, p) => {
		for (const line of page.lines) {
			if (!inMargin(line, page.height)) continue;
			const key = `${furnitureKey(line.text)}@${Math.round(line.y / 4)}`;
			if (!seen.has(key)) seen.set(key, new Set());
			seen.get(key)?.add(p);
		}
	});
	const repeats = Math.max(2, Math.ceil(pages.length / 2));
	return pages.map((page) => {
		const out = new Set<number>();
		page.lines.forEach((line, i) => {
			if (!inMargin(line, page.height)) return;
			const key = `${furnitureKey(line.text)}@${Math.round(line.y / 4)}`;
			if (isPageNumber(line.text) || (seen.get(key)?.size ?? 0) >= repeats) out.add(i);
		});
		return out;
	});
}

/**
 * Two lines of one paragraph as one: a word hyphenated at the line end ("depor-" + "tation")
 * is joined without the hyphen when the next line goes on in lower case; else a space.
 * @example joinLine('the depor-', 'tation of') // 'the deportation of'
 */
export function joinLine(before: string, after: string): string {
	if (/\u00ad$/.test(before)) return before.slice(0, -1) + after;
	if (/\p{L}-$/u.test(before) && /^\p{Ll}/u.test(after)) return before.slice(0, -1) + after;
	return `${before} ${after}`;
}

/** Ends a sentence: a paragraph broken here at a column or page end really ended. */
const SENTENCE_END = /[.!?:;…]["'”’)\]]*$/;

/** The usual distance between baselines of a column (the lower median: paragraph gaps are the outliers). */
function lineStep(column: readonly PdfLine[]): number {
	const steps = column
		.slice(1)
		.map((l, i) => l.y - column[i].y)
		.filter((d) => d > 0)
		.sort((a, b) => a - b);
	return steps.length ? steps[Math.floor((steps.length - 1) / 2)] : 0;
}

/**
 * Columns of lines (in reading order) to paragraphs: a new paragraph where the vertical gap is
 * clearly wider than the column's line spacing, where a line is indented, or where the font size
 * changes (a heading); otherwise lines join (see joinLine). A paragraph cut by a column or page
 * end continues when its last line did not end a sentence.
 * @example paragraphsOf([[line('First line of'), line('the paragraph.')]]) // ['First line of the paragraph.']
 */
export function paragraphsOf(columns: readonly (readonly PdfLine[])[]): string[] {
	const paragraphs: string[] = [];
	let last: PdfLine | undefined; // the line before, across column and page breaks
	const resized = (a: PdfLine, b: PdfLine) =>
		Math.abs(a.height - b.height) > 0.15 * Math.max(a.height, b.height);
	for (const column of columns) {
		const step = lineStep(column);
		const left = Math.min(...column.map((l) => l.x0));
		column.forEach((line, i) => {
			const prev = column[i - 1];
			const indented = line.x0 > left + line.height * 0.8;
			let starts: boolean;
			if (!prev || !last) {
				// a paragraph that did not end a sentence goes on after a column or page break
				const ended =
					paragraphs.length === 0 || SENTENCE_END.test(paragraphs[paragraphs.length - 1]);
				starts = !last || ended || indented || resized(line, last);
			} else {
				const gap = line.y - prev.y;
				const wide = step > 0 ? gap > step * 1.35 : gap > line.height * 1.8;
				starts = wide || (indented && line.x0 > prev.x0 + 1) || resized(line, prev);
			}
			if (starts || paragraphs.length === 0) paragraphs.push(line.text);
			else
				paragraphs[paragraphs.length - 1] = joinLine(paragraphs[paragraphs.length - 1], line.text);
			last = line;
		});
	}
	return paragraphs;
}

/** A PDF's text laid out as an article: paragraphs, and the furniture lines set apart. */
interface PdfText {
	paragraphs: string[];
	furniture: string[];
}

/**
 * Pages of runs to the article's paragraphs: lines rebuilt, furniture set apart, columns read
 * in order, paragraphs joined across line, column and page breaks.
 */
export function layoutPdf(pages: readonly PdfPage[]): PdfText {
	const lined = pages.map((p) => ({ height: p.height, lines: linesOf(p.runs) }));
	const furniture = furnitureOf(lined);
	const columns: PdfLine[][] = [];
	const setApart: string[] = [];
	lined.forEach((page, p) => {
		const body = page.lines.filter((line, i) => {
			if (furniture[p].has(i)) setApart.push(line.text);
			return !furniture[p].has(i);
		});
		columns.push(...readingOrder(body));
	});
	return { paragraphs: paragraphsOf(columns), furniture: setApart };
}

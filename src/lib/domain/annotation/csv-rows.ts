/**
 * CSV export of annotations for spreadsheets: one row per annotation, each followed by one row
 * per reply (linked to it by id), in words a teacher reads (labels, not codes), and safe to open
 * in Excel, LibreOffice or Google Sheets.
 */
import { stringify } from 'csv-stringify/sync';
import type { Side } from '../types';
import {
	ENTMAN_LABELS,
	EVIDENCE_LABELS,
	KIND_LABELS,
	RELATION_LABELS,
	frameLabel,
	type Annotation,
	type ComparisonTexts
} from './model';

/** The header row, in column order. */
export const CSV_HEADER: readonly string[] = [
	'kind',
	'relation',
	'quote A',
	'quote B',
	'frame',
	'Entman function',
	'evidence',
	'evidence URL',
	'note',
	'author',
	'created',
	'replies',
	'id',
	'reply to'
];

/** The kind column of a reply's row. */
const REPLY_KIND = 'Reply';

/** Marks a quote taken from an earlier version of its article than the one compared now. */
export const EARLIER_VERSION_MARK = '[earlier version] ';

/*
 * A spreadsheet treats a cell that starts with one of these as a formula (tab and carriage return
 * can hide one), so a note like "=HYPERLINK(...)" from a classmate would run when opened. OWASP's
 * advice: start such cells with a single quote, which the spreadsheet shows as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
/*
 * Where a spreadsheet may start a new cell inside ours: Excel in a locale whose list separator is
 * ";" splits "x;=cmd|' /C calc'!A0" there (our quotes do not protect a field it does not see
 * start with one), a pasted cell splits at tabs, a naive reader at line breaks. A trigger after
 * one (spaces and quotes between) gets the same single quote.
 */
const FORMULA_AFTER_SEPARATOR = /([;\t\r\n][\s"]*)(?=[=+\-@])/g;

function quote(annotation: Annotation, side: Side, articles: ComparisonTexts): string {
	const target = annotation.targets.find((t) => t.side === side);
	if (!target) return '';
	const earlier = target.articleVersion !== articles[side].version;
	return earlier ? EARLIER_VERSION_MARK + target.exact : target.exact;
}

/**
 * The cells of the CSV: CSV_HEADER, then one row per annotation in the given order, each followed
 * by its replies (oldest first; kind REPLY_KIND, the reply in the note column and the
 * annotation's id under "reply to"). A framing's or note's quote goes in its article's column; a
 * quote from an earlier article version than `articles` carries EARLIER_VERSION_MARK.
 * @example toCsvRows([note], articles)[1] // ['Note', '', 'quietly', '', '', '', '', '', 'Why?', 'Dana', '2024-…', '0', '<id>', '']
 */
export function toCsvRows(
	annotations: readonly Annotation[],
	articles: ComparisonTexts
): string[][] {
	const rows = annotations.flatMap((a) => [
		annotationRow(a, articles),
		...[...a.replies]
			.sort((x, y) => x.createdAt.localeCompare(y.createdAt) || x.id.localeCompare(y.id))
			.map((r) => [
				REPLY_KIND,
				...Array<string>(7).fill(''),
				r.note,
				r.author.name,
				r.createdAt,
				'',
				r.id,
				a.id
			])
	]);
	return [[...CSV_HEADER], ...rows];
}

function annotationRow(a: Annotation, articles: ComparisonTexts): string[] {
	return [
		KIND_LABELS[a.kind],
		a.relation ? RELATION_LABELS[a.relation] : '',
		quote(a, 'a', articles),
		quote(a, 'b', articles),
		a.frame ? frameLabel(a.frame) : '',
		a.entman ? ENTMAN_LABELS[a.entman] : '',
		a.evidence ? EVIDENCE_LABELS[a.evidence] : '',
		a.evidenceUrl ?? '',
		a.note,
		a.author.name,
		a.createdAt,
		String(a.replies.length),
		a.id,
		''
	];
}

/**
 * A cell made inert for spreadsheets: one that would start a formula gets a leading single quote,
 * and so does a formula trigger after a separator a spreadsheet may split the cell at.
 * @example neutralizeCell('=1+1') // "'=1+1"
 * @example neutralizeCell("x;=cmd|' /C calc'!A0;") // "x;'=cmd|' /C calc'!A0;"
 */
export function neutralizeCell(cell: string): string {
	const inner = cell.replace(FORMULA_AFTER_SEPARATOR, "$1'");
	return FORMULA_START.test(inner) ? `'${inner}` : inner;
}

/**
 * CSV text (RFC 4180: CRLF rows, fields quoted when they hold a comma, quote or line break) with
 * a UTF-8 byte-order mark, without which Excel misreads curly quotes and emoji, and every cell
 * neutralised against formula injection.
 * @example toCsv([['kind', 'note'], ['Note', 'a, "b"']]) // '\uFEFFkind,note\r\nNote,"a, ""b"""\r\n'
 */
export function toCsv(rows: readonly (readonly string[])[]): string {
	return stringify(
		rows.map((row) => row.map(neutralizeCell)),
		// with CRLF rows csv-stringify no longer quotes a lone line break; a spreadsheet would
		// split the row there, so quote every field that holds one; and one with a ";" (the list
		// separator of many locales), which a spreadsheet reading ";" keeps whole when it starts
		{ bom: true, record_delimiter: 'windows', quoted_match: /[\r\n;]/ }
	);
}

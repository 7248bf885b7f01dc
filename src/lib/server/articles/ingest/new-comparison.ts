/**
 * Bring your own articles: two sides of pasted text or uploaded files (.txt, .md, .html) plus
 * metadata become a stored comparison with its analysis, or field messages and nothing stored.
 * `readForm` is pure (no database) so every rule is table-tested; `create` stores.
 */
import { labelMessage, labelProblem, oneLine } from '../../../domain/text';
import type { ArticleMeta, ArticleOrigin, Side } from '../../../domain/types';
import * as articles from '../article-versions';
import { getAnalysis } from '../analysis';
import * as comparisons from '../comparisons';
import type { ComparisonView } from '../comparisons';
import type { Db } from '../../db/connect';
import { extractHtml } from './html';
import { extractMarkdown } from './markdown';
import { originClaim, originFromClaim, revisedOrigin } from './origin';
import { decodeUpload } from './decode';
import {
	MESSAGES,
	checkText,
	countCharacters,
	type Checked,
	type Extracted,
	type FileMeta
} from './text-checks';

import { MAX_TITLE, META_FIELDS, checkArticleMeta, type MetaField } from './metadata';

export { MAX_CHARACTERS, MAX_FILE_BYTES, MESSAGES } from './text-checks';
export { GENRES, META_FIELDS, checkArticleMeta, type MetaField } from './metadata';

/** The two sides, in the order the form shows them. */
export const SIDES: readonly Side[] = ['a', 'b'];
/** An uploaded file as the route hands it over. */
interface UploadedFile {
	name: string;
	bytes: Uint8Array;
}

/** One side of the form as submitted: strings, plus a file if one was chosen. */
export interface SideForm {
	text: string;
	file?: UploadedFile;
	meta: Record<MetaField, string>;
	/** where the text came from when the server just read it (a link or a PDF) */
	origin?: ArticleOrigin;
	/** the hidden field's origin claim from an earlier read (see ingest-origin), or '' */
	claim?: string;
}

/** The whole form: a comparison title and two sides. */
export interface ComparisonForm {
	title: string;
	a: SideForm;
	b: SideForm;
}

/** Form values keyed by field name ('title', 'a.text', 'b.outlet', …): all strings. */
type FormValues = Record<string, string>;
/** Messages keyed by the field they belong to ('a.file', 'b.date', …). */
type FieldErrors = Record<string, string>;

/** What the form gets back: the values to show, messages by field, and what was read. */
export interface FormOutcome {
	values: FormValues;
	errors: FieldErrors;
	/** per side: what was read from its file (for a polite status line) */
	notices: Partial<Record<Side, string>>;
	/** set when there are no errors and the mode was 'create' */
	input?: { title: string; a: articles.ArticleInput; b: articles.ArticleInput };
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
	const extracted: Checked<Extracted> =
		kind === 'html'
			? extractHtml(text)
			: kind === 'markdown'
				? extractMarkdown(text)
				: { ok: true, value: { text, meta: {} } };
	if (!extracted.ok) return extracted;
	const checked = checkText(extracted.value.text);
	if (!checked.ok) {
		const empty = checked.message === MESSAGES.emptyText;
		const message =
			empty && kind === 'html' ? MESSAGES.noHtmlText : empty ? MESSAGES.emptyFile : checked.message;
		return { ok: false, message };
	}
	return { ok: true, value: { text: checked.value, meta: extracted.value.meta } };
}

/** Form values as they were submitted (files are not values: browsers never re-fill them). */
function valuesOf(form: ComparisonForm): FormValues {
	const values: FormValues = { title: form.title };
	for (const side of SIDES) {
		values[`${side}.text`] = form[side].text;
		values[`${side}.origin`] = form[side].claim ?? '';
		for (const field of META_FIELDS) values[`${side}.${field}`] = form[side].meta[field];
	}
	return values;
}

function fillFromFile(values: FormValues, side: Side, meta: FileMeta, genreToo: boolean): string[] {
	const filled: string[] = [];
	for (const field of META_FIELDS) {
		const value = meta[field];
		if (!value || (field === 'genre' && !genreToo)) continue;
		const key = `${side}.${field}`;
		if (field !== 'genre' && values[key].trim()) continue;
		values[key] = field === 'title' ? value.slice(0, MAX_TITLE) : value;
		filled.push(field === 'sourceUrl' ? 'source URL' : field);
	}
	return filled;
}

function notice(file: UploadedFile, text: string, filled: string[]): string {
	const count = countCharacters(text).toLocaleString('en-US');
	const fields = filled.length ? `; filled ${filled.join(', ')} from it` : '';
	return `Read “${file.name}”: ${count} characters${fields}.`;
}

/** A short title from the text's first line, for sides whose title was left empty. */
function firstLine(text: string): string {
	const line =
		text
			.split('\n')
			.find((l) => l.trim())
			?.trim() ?? '';
	return line.length > 120 ? `${line.slice(0, 117).trimEnd()}…` : line;
}

function checkSideMeta(
	values: FormValues,
	side: Side,
	text: string | undefined,
	errors: FieldErrors
): ArticleMeta {
	// only a text that passed its checks may lend its first line as the title
	if (!values[`${side}.title`].trim() && text) values[`${side}.title`] = firstLine(text);
	const fields = Object.fromEntries(META_FIELDS.map((f) => [f, values[`${side}.${f}`]]));
	const checked = checkArticleMeta(fields as Record<MetaField, string>);
	for (const [field, message] of Object.entries(checked.errors)) {
		errors[`${side}.${field}`] ??= message;
	}
	return checked.meta;
}

/**
 * Reads the submitted form. 'read' extracts uploaded files into the text and empty metadata
 * fields (so a person can check them); 'create' also validates everything and, when all is
 * well, returns the articles to store. Files that read well fill the values either way, so a
 * form sent back with errors needs no second upload.
 */
export function readForm(form: ComparisonForm, mode: 'read' | 'create'): FormOutcome {
	const values = valuesOf(form);
	const errors: FieldErrors = {};
	const notices: FormOutcome['notices'] = {};
	const raws: Partial<Record<Side, string>> = {};
	const origins: Partial<Record<Side, ArticleOrigin>> = {};
	for (const side of SIDES) {
		const { file, text } = form[side];
		const fresh = form[side].origin;
		if (fresh && !file) {
			// a link or PDF the server just read: its text is the side's text
			origins[side] = fresh;
			values[`${side}.origin`] = originClaim(fresh, text);
		}
		if (file) {
			if (mode === 'create' && text.trim()) {
				errors[`${side}.file`] = MESSAGES.both;
				continue;
			}
			const read = readUpload(file);
			if (!read.ok) {
				errors[`${side}.file`] = read.message;
				continue;
			}
			values[`${side}.text`] = read.value.text;
			raws[side] = read.value.text;
			origins[side] = { kind: 'file', name: file.name };
			values[`${side}.origin`] = originClaim(origins[side], read.value.text);
			notices[side] = notice(
				file,
				read.value.text,
				fillFromFile(values, side, read.value.meta, mode === 'read')
			);
		} else if (mode === 'create') {
			const checked = checkText(text);
			if (!checked.ok) {
				errors[`${side}.text`] =
					checked.message === MESSAGES.emptyText ? MESSAGES.empty : checked.message;
			} else {
				raws[side] = checked.value;
				origins[side] ??= originFromClaim(form[side].claim ?? '', checked.value);
			}
		}
	}
	if (mode === 'read') {
		if (!form.a.file && !form.b.file) errors['a.file'] = 'Choose a file to read.';
		return { values, errors, notices };
	}
	const metas = SIDES.map((side) => checkSideMeta(values, side, raws[side], errors));
	if (values.title.trim().length > MAX_TITLE)
		errors.title = `Keep the title under ${MAX_TITLE} characters.`;
	const titleProblem = labelProblem(oneLine(values.title));
	if (titleProblem) errors.title ??= labelMessage('The title', titleProblem);
	if (Object.keys(errors).length > 0 || raws.a === undefined || raws.b === undefined) {
		return { values, errors, notices };
	}
	const title = values.title.trim() || `${metas[0].title} / ${metas[1].title}`.slice(0, MAX_TITLE);
	return {
		values,
		errors,
		notices,
		input: {
			title,
			a: { raw: raws.a, meta: metas[0], origin: origins.a },
			b: { raw: raws.b, meta: metas[1], origin: origins.b }
		}
	};
}

/** Stores two checked articles and the comparison of them, in one transaction. */
export async function storeComparison(
	db: Db,
	input: { title: string; a: ArticleInput; b: ArticleInput },
	ownerWorkspaceId: string | null
): Promise<ComparisonView> {
	return db.transaction(async (tx) => {
		const a = await articles.create(tx, input.a);
		const b = await articles.create(tx, input.b);
		return comparisons.create(tx, {
			title: input.title,
			articleAId: a.id,
			articleBId: b.id,
			ownerWorkspaceId
		});
	});
}

/** What articles.create stores for one side. */
type ArticleInput = Parameters<typeof articles.create>[1];

/**
 * Stores both articles and the comparison in one transaction (all or nothing), then runs the
 * engine once so the analysis is cached before anyone opens the comparison.
 */
export async function create(
	db: Db,
	input: NonNullable<FormOutcome['input']>,
	ownerWorkspaceId: string | null = null
): Promise<ComparisonView> {
	const view = await storeComparison(db, input, ownerWorkspaceId);
	await getAnalysis(db, view);
	return view;
}

/** A File from FormData, or undefined when none was chosen (browsers send an unnamed part). */
async function fileOf(value: FormDataEntryValue | null): Promise<UploadedFile | undefined> {
	if (!value || typeof value === 'string' || !value.name) return undefined;
	return { name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) };
}

/** The new-comparison form from a request's FormData (missing fields read as ''). */
export async function parseFormData(data: FormData): Promise<ComparisonForm> {
	const str = (key: string) => {
		const v = data.get(key);
		return typeof v === 'string' ? v : '';
	};
	const side = async (s: Side): Promise<SideForm> => ({
		text: str(`${s}.text`),
		file: await fileOf(data.get(`${s}.file`)),
		claim: str(`${s}.origin`),
		meta: Object.fromEntries(META_FIELDS.map((f) => [f, str(`${s}.${f}`)])) as SideForm['meta']
	});
	return { title: str('title'), a: await side('a'), b: await side('b') };
}

/** What a revision changed: the comparison now, and the sides that got a new article version. */
interface Revision {
	comparison: ComparisonView;
	changed: Side[];
	/** the edit became a new comparison (others work on the old one, which is unchanged) */
	copied: boolean;
}

/**
 * Edits a comparison's texts or metadata: each side whose text or metadata changed becomes a new
 * article version (previous_id = the one shown), and the comparison is re-pointed at both, in one
 * transaction. Annotations stay on their versions; the annotation module re-anchors them on read.
 * With `copyFor` (a workspace: others have rooms on it) the comparison is left as it is and a new
 * one of the new versions is made for that workspace instead.
 */
export async function revise(
	db: Db,
	current: ComparisonView,
	input: NonNullable<FormOutcome['input']>,
	options: { copyFor?: string } = {}
): Promise<Revision> {
	const updated = await db.transaction(async (tx) => {
		// the edit form has texts only: an unchanged text keeps its origin, a changed one is edited
		const edit = (side: Side) =>
			articles.create(tx, {
				...input[side],
				origin: revisedOrigin(current[side], input[side].raw),
				previousId: current[side].id
			});
		const a = await edit('a');
		const b = await edit('b');
		const pair = { title: input.title, articleAId: a.id, articleBId: b.id };
		const same =
			a.id === current.a.id && b.id === current.b.id && input.title.trim() === current.title;
		// nothing changed: no copy of the same texts
		if (options.copyFor && same) return current;
		if (options.copyFor)
			return comparisons.create(tx, { ...pair, ownerWorkspaceId: options.copyFor });
		return comparisons.update(tx, current.id, pair);
	});
	if (!updated) throw new comparisons.ComparisonInputError('the comparison no longer exists');
	await getAnalysis(db, updated);
	const changed = SIDES.filter((side) => updated[side].id !== current[side].id);
	return { comparison: updated, changed, copied: updated.id !== current.id };
}

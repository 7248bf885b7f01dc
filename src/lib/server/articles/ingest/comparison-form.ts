// The new-comparison form's rules, pure (no database) so every rule is table-tested: two sides
// of pasted text or an uploaded file plus metadata become checked article inputs, or messages by
// field. 'read' fills the form from the files; 'create' validates everything.
import { labelMessage, labelProblem, looksLikeHtml, oneLine } from '../../../domain/text';
import type { ArticleMeta, ArticleOrigin, Side } from '../../../domain/types';
import type * as articles from '../article-versions';
import { MAX_TITLE, META_FIELDS, checkArticleMeta, type MetaField } from './metadata';
import { originClaim, originFromClaim } from './origin';
import { MESSAGES, checkText, countCharacters, type FileMeta } from './text-checks';
import { readHtml, readUpload, type UploadedFile } from './upload';

/** The two sides, in the order the form shows them. */
export const SIDES: readonly Side[] = ['a', 'b'];
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
	/** a side's pasted HTML was read into its text */
	let pasted = false;
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
		} else if (looksLikeHtml(text)) {
			// a page's source pasted into the box is read as an uploaded page is: its tags and
			// scripts would otherwise be stored as the article's words. The person sees the result
			// before anything is stored (the form comes back without input)
			const read = readHtml(text);
			if (!read.ok) {
				errors[`${side}.text`] = read.message;
				continue;
			}
			values[`${side}.text`] = read.value.text;
			const filled = fillFromFile(values, side, read.value.meta, mode === 'read');
			notices[side] = MESSAGES.pastedHtml(filled, mode === 'create');
			pasted = true;
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
		if (!form.a.file && !form.b.file && !pasted) errors['a.file'] = 'Choose a file to read.';
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

/**
 * The new-comparison form with the sources that need the network or a parser first: a link per
 * side (fetched by link.ts) and PDF uploads (read by pdf.ts). Each becomes that side's
 * text and fills its empty metadata fields before the ordinary form rules run (ingest.readForm),
 * so a linked or PDF article is checked exactly like a pasted one, and nothing is stored when
 * any side fails.
 */
import type { Side } from '../../../domain/types';
import {
	META_FIELDS,
	SIDES,
	parseFormData,
	readForm,
	type ComparisonForm,
	type FormOutcome,
	type SideForm
} from './new-comparison';
import { readPdf } from './pdf';
import { readLink, type FetchOptions } from './link';
import { countCharacters, extensionOf, type FileMeta } from './text-checks';

/** Messages of the link field. */
export const SOURCE_MESSAGES = {
	linkAndFile: 'Give a link or choose a file for this article, not both.',
	linkAndText: 'Give a link or paste the text for this article, not both.',
	nothingToRead: 'Choose a file or give a link to read.'
} as const;

/** The message readForm gives a read with no file: replaced when a link was given instead. */
const NO_FILE = 'Choose a file to read.';

/** Empty metadata fields of a side filled from what its source states; the names filled. */
function fill(meta: SideForm['meta'], found: FileMeta, genreToo: boolean): string[] {
	const filled: string[] = [];
	for (const field of META_FIELDS) {
		const value = found[field];
		if (!value || (field === 'genre' && !genreToo)) continue;
		if (field !== 'genre' && meta[field].trim()) continue;
		meta[field] = field === 'title' ? value.slice(0, 300) : value;
		filled.push(field === 'sourceUrl' ? 'source URL' : field);
	}
	return filled;
}

function notice(what: string, text: string, filled: string[]): string {
	const count = countCharacters(text).toLocaleString('en-US');
	const fields = filled.length ? `; filled ${filled.join(', ')} from it` : '';
	return `Read ${what}: ${count} characters${fields}.`;
}

/** What one side's link or PDF gave: its text is in the form now, or there is a message. */
interface SourceOutcome {
	error?: [field: string, message: string];
	notice?: string;
	/** true when the side's text now comes from its link (the link field empties) */
	linked?: boolean;
}

async function readSide(
	form: ComparisonForm,
	side: Side,
	link: string,
	mode: 'read' | 'create',
	options: FetchOptions
): Promise<SourceOutcome> {
	const current = form[side];
	const genreToo = mode === 'read';
	if (link) {
		if (current.file) return { error: [`${side}.url`, SOURCE_MESSAGES.linkAndFile] };
		if (mode === 'create' && current.text.trim()) {
			return { error: [`${side}.url`, SOURCE_MESSAGES.linkAndText] };
		}
		const read = await readLink(link, options);
		if (!read.ok) return { error: [`${side}.url`, read.message] };
		current.text = read.value.text;
		current.origin = { kind: 'link', url: read.value.finalUrl, fetchedAt: read.value.fetchedAt };
		const filled = fill(current.meta, read.value.meta, genreToo);
		return { notice: notice(read.value.finalUrl, read.value.text, filled), linked: true };
	}
	const file = current.file;
	if (file && extensionOf(file.name) === 'pdf') {
		if (mode === 'create' && current.text.trim()) return {}; // readForm says "not both"
		const read = await readPdf(file.bytes);
		if (!read.ok) return { error: [`${side}.file`, read.message] };
		current.file = undefined;
		current.text = read.value.text;
		current.origin = { kind: 'file', name: file.name };
		const filled = fill(current.meta, read.value.meta, genreToo);
		const said = notice(`“${file.name}”`, read.value.text, filled);
		const apart = read.value.furniture.length;
		// say what was left out, so a missing line is no mystery
		const furniture = apart
			? ` ${apart} running header, footer and page-number line${apart === 1 ? ' was' : 's were'} left out.`
			: '';
		return { notice: said + furniture };
	}
	return {};
}

/**
 * Reads the new-comparison form with its links and PDFs (see readForm for the modes). A side
 * whose link or PDF fails keeps its message and stops the form; the others are read as usual.
 */
export async function readSubmission(
	data: FormData,
	mode: 'read' | 'create',
	options: FetchOptions = {}
): Promise<FormOutcome> {
	const form = await parseFormData(data);
	const links = Object.fromEntries(
		SIDES.map((side) => {
			const v = data.get(`${side}.url`);
			return [side, typeof v === 'string' ? v.trim() : ''];
		})
	) as Record<Side, string>;
	// links first and both at once (two slow sites cost one deadline, not two), PDFs after: pdf.js
	// parses in this thread, and a parse beside a fetch would eat into the fetch's deadline
	const read = (side: Side) => readSide(form, side, links[side], mode, options);
	const fetched = await Promise.all(SIDES.map((side) => (links[side] ? read(side) : undefined)));
	const outcomes: SourceOutcome[] = [];
	for (const [i, side] of SIDES.entries()) outcomes.push(fetched[i] ?? (await read(side)));
	const failed = new Set(SIDES.filter((_, i) => outcomes[i].error));
	// a side whose source failed must not be judged as empty text as well
	const judged: ComparisonForm = { ...form };
	for (const side of failed) judged[side] = { ...form[side], file: undefined };
	const outcome = readForm(judged, mode);
	const errors: FormOutcome['errors'] = {};
	SIDES.forEach((side, i) => {
		const { error, notice: said, linked } = outcomes[i];
		if (error) errors[error[0]] = error[1];
		if (said) outcome.notices[side] = said;
		outcome.values[`${side}.url`] = linked ? '' : links[side];
	});
	const given = outcomes.some((o) => o.notice || o.error);
	for (const [field, message] of Object.entries(outcome.errors)) {
		if (message === NO_FILE) {
			if (!given) errors[field] = SOURCE_MESSAGES.nothingToRead;
			continue;
		}
		if (failed.has(field.split('.')[0] as Side) && field.endsWith('.text')) continue;
		errors[field] ??= message;
	}
	if (Object.keys(errors).length > 0) {
		return { values: outcome.values, errors, notices: outcome.notices };
	}
	return { ...outcome, errors };
}

/**
 * Field checks shared by annotation and reply validation: each reads one untrusted JSON value,
 * records a message a person can act on, and returns the typed value or undefined.
 */
import type { Side } from '../types';
import {
	TARGET_FIELDS,
	createTarget,
	passageAt,
	unknownPosition,
	type AnnotationKind,
	type ComparisonTexts,
	type Target
} from './model';
import { isInsideSurrogatePair } from './selectors';

/** One problem with one field ('' for the whole value); `message` is shown to the user. */
export interface FieldError {
	field: string;
	message: string;
}

/** A validated value, or every problem found (up to a cap). */
export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** Most messages one validation returns: enough to fix a form, bounded for hostile input. */
const MAX_ERRORS = 50;
/** Unknown field names listed one by one before the rest are summed up. */
const MAX_UNKNOWN_LISTED = 10;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** ISO 8601 in UTC as Date#toISOString writes it (the W3C model's xsd:dateTime with a zone). */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;
const COUNT = new Intl.NumberFormat('en-US');

/** True for a plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own property only: `{}.constructor` must not pass for a field the input never had. */
export function own(obj: Record<string, unknown>, key: string): unknown {
	return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/** Collects field errors up to MAX_ERRORS. */
export class Issues {
	readonly list: FieldError[] = [];

	/** Records a problem; returns undefined so a checker can `return issues.add(...)`. */
	add(field: string, message: string): undefined {
		if (this.list.length < MAX_ERRORS) this.list.push({ field, message });
		return undefined;
	}

	has(field: string): boolean {
		return this.list.some((e) => e.field === field);
	}

	/** Names each field outside `allowed` (rejected, never silently dropped). */
	unknownFields(
		obj: Record<string, unknown>,
		allowed: readonly string[],
		prefix: string,
		what: string
	): void {
		const unknown = Object.keys(obj).filter((k) => !allowed.includes(k));
		for (const key of unknown.slice(0, MAX_UNKNOWN_LISTED)) {
			this.add(`${prefix}${key}`, `Unknown field "${key}": it is not part of ${what}.`);
		}
		if (unknown.length > MAX_UNKNOWN_LISTED) {
			this.add(
				prefix.replace(/\.$/, ''),
				`${COUNT.format(unknown.length - MAX_UNKNOWN_LISTED)} more unknown fields.`
			);
		}
	}

	/** A UTF-16 offset into a text of `length` units: a finite whole number inside it. */
	offset(field: string, raw: unknown, length: number, name: string): number | undefined {
		if (typeof raw !== 'number') return this.add(field, `${field} must be a number.`);
		if (!Number.isFinite(raw)) return this.add(field, `${field} must be a finite number.`);
		if (!Number.isInteger(raw)) return this.add(field, `${field} must be a whole number.`);
		if (raw < 0 || raw > length) {
			return this.add(
				field,
				`The passage (${COUNT.format(raw)}) is outside ${name} (0–${COUNT.format(length)}).`
			);
		}
		return raw;
	}
}

/** A string without NUL characters or lone surrogates, at most `max` characters (code points). */
export function checkText(
	issues: Issues,
	field: string,
	raw: unknown,
	opts: { label: string; max?: number; required?: boolean }
): string | undefined {
	if (typeof raw !== 'string') return issues.add(field, `${opts.label} must be text.`);
	if (opts.required && raw.trim() === '') return issues.add(field, `${opts.label} is empty.`);
	if (opts.max !== undefined && raw.length > opts.max) {
		// code points, as a person counts characters; a UTF-16 length ≤ max is always within it
		const count = [...raw].length;
		if (count > opts.max) {
			return issues.add(
				field,
				`${opts.label} is longer than ${COUNT.format(opts.max)} characters (${COUNT.format(count)}).`
			);
		}
	}
	if (raw.includes('\0')) return issues.add(field, `${opts.label} contains a NUL character.`);
	if (!raw.isWellFormed())
		return issues.add(field, `${opts.label} contains a broken character (a lone surrogate).`);
	return raw;
}

/** One of a fixed list of values (absent is fine unless required). */
export function checkEnum<T extends string>(
	issues: Issues,
	field: string,
	raw: unknown,
	values: readonly T[],
	label: string,
	required = false
): T | undefined {
	if (raw === undefined || raw === null)
		return required ? issues.add(field, `${label} is missing.`) : undefined;
	if (typeof raw === 'string' && (values as readonly string[]).includes(raw)) return raw as T;
	const shown = typeof raw === 'string' ? `"${raw.slice(0, 40)}"` : typeof raw;
	return issues.add(field, `${label} ${shown} is not one of: ${values.join(', ')}.`);
}

/** A uuid, returned in lower case (the form crypto.randomUUID writes and urn:uuid ids use). */
export function checkUuid(
	issues: Issues,
	field: string,
	raw: unknown,
	label: string
): string | undefined {
	if (typeof raw !== 'string' || !UUID.test(raw))
		return issues.add(field, `${label} must be a uuid.`);
	return raw.toLowerCase();
}

/** An http(s) link without credentials, returned in the URL standard's serialisation. */
export function checkUrl(
	issues: Issues,
	field: string,
	raw: unknown,
	max: number
): string | undefined {
	const label = 'The evidence link';
	const text = checkText(issues, field, raw, { label, max });
	if (text === undefined) return undefined;
	let url: URL;
	try {
		url = new URL(text.trim());
	} catch {
		return issues.add(field, `${label} is not a web address (it should start with https://).`);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		return issues.add(field, `${label} must start with https:// or http://.`);
	}
	if (url.username || url.password)
		return issues.add(field, `${label} must not contain a user name or password.`);
	if (url.href.length > max)
		return issues.add(field, `${label} is longer than ${COUNT.format(max)} characters.`);
	return url.href;
}

/**
 * An ISO 8601 UTC timestamp that names a real calendar time in the years 1–9999 (four digits;
 * PostgreSQL has no year 0, though JavaScript parses it).
 */
export function checkTimestamp(issues: Issues, field: string, raw: unknown): string | undefined {
	const ms =
		typeof raw === 'string' && TIMESTAMP.test(raw) && !raw.startsWith('0000-')
			? Date.parse(raw)
			: NaN;
	// Date.parse rolls 30 February over to March: compare the calendar fields back
	if (
		!Number.isFinite(ms) ||
		new Date(ms).toISOString().slice(0, 19) !== (raw as string).slice(0, 19)
	) {
		return issues.add(field, `${field} must be a UTC time such as 2024-03-18T09:30:00.000Z.`);
	}
	return raw as string;
}

const SIDE_NAME: Record<Side, string> = { a: 'article A', b: 'article B' };
/** Article versions are content hashes (64 hex digits); far longer is not one. */
const MAX_VERSION_LENGTH = 200;
/** What a message about a passage read from a file adds: the file, not the reader, is wrong. */
const EDITED_FILE = '(was the file changed by hand?)';

/**
 * Where passages come from, which decides what a passage on another version of its article is
 * and what a message advises:
 * - 'selection': a reader's new passages, refused unless on the current text (select it again);
 * - 'file': read from an import; a passage on another version is kept unplaced (an edit left it
 *   so on the server that exported it), to be re-attached by a person;
 * - 'kept': stored passages a change leaves as they are, unplaced ones included.
 */
export interface PassageRules {
	from: 'selection' | 'file' | 'kept';
	/** texts of earlier article versions by version, where an unplaced passage is looked up */
	earlier?: ReadonlyMap<string, string>;
}

const SELECTION: PassageRules = { from: 'selection' };

/** Checks one passage against the current text of its article; fills in missing context. */
function checkTarget(
	issues: Issues,
	field: string,
	raw: unknown,
	articles: ComparisonTexts,
	rules: PassageRules
): Target | undefined {
	if (!isRecord(raw)) return issues.add(field, 'Each passage must be an object.');
	issues.unknownFields(raw, TARGET_FIELDS, `${field}.`, 'a passage');
	const side = own(raw, 'side');
	if (side !== 'a' && side !== 'b') {
		return issues.add(
			`${field}.side`,
			'Each passage must say which article it is in ("a" or "b").'
		);
	}
	const name = SIDE_NAME[side];
	const { text, version } = articles[side];
	const articleVersion = own(raw, 'articleVersion');
	if (typeof articleVersion !== 'string') {
		return issues.add(`${field}.articleVersion`, `The version of ${name} is missing.`);
	}
	if (articleVersion !== version) {
		if (rules.from !== 'selection')
			return checkUnplaced(issues, field, raw, side, articleVersion, rules);
		return issues.add(
			`${field}.articleVersion`,
			`The text of ${name} has changed since this passage was selected. Select it again.`
		);
	}
	const fromFile = rules.from === 'file';
	const start = issues.offset(`${field}.start`, own(raw, 'start'), text.length, name);
	const end = issues.offset(`${field}.end`, own(raw, 'end'), text.length, name);
	if (start === undefined || end === undefined) return undefined;
	if (start >= end)
		return issues.add(field, 'The passage is empty: its end must come after its start.');
	if (isInsideSurrogatePair(text, start) || isInsideSurrogatePair(text, end)) {
		return issues.add(
			field,
			'The passage starts or ends inside an emoji or other two-part character.'
		);
	}
	const exact = checkText(issues, `${field}.exact`, own(raw, 'exact'), { label: 'The quote' });
	if (exact === undefined) return undefined;
	if (exact !== text.slice(start, end)) {
		return issues.add(
			`${field}.exact`,
			fromFile
				? `The quote in the file is not what ${name} says at this place ${EDITED_FILE}.`
				: `The quoted passage no longer matches ${name} at this place: the text may have changed. Select it again.`
		);
	}
	const described = createTarget(text, side, version, { start, end });
	const context = { text, name, fromFile };
	const prefix = checkContext(issues, `${field}.prefix`, own(raw, 'prefix'), context, start, -1);
	const suffix = checkContext(issues, `${field}.suffix`, own(raw, 'suffix'), context, end, 1);
	return {
		...described,
		prefix: prefix ?? described.prefix,
		suffix: suffix ?? described.suffix
	};
}

/**
 * A passage on another version of its article than the current one, kept unplaced: its quote is
 * what finds it again, so it must have one. Offsets given (a stored passage) are kept; a file
 * gives none (they count in a text the importer may not have), so they are looked up in that
 * version's text when this server has it (the quote with its context, found once), and stand in
 * (unknownPosition) when it has not. Never placed in the current text here: re-anchoring does
 * that when the annotation is read, and lists it to re-attach when it cannot.
 */
function checkUnplaced(
	issues: Issues,
	field: string,
	raw: Record<string, unknown>,
	side: Side,
	articleVersion: string,
	rules: PassageRules
): Target | undefined {
	const name = SIDE_NAME[side];
	const version = checkText(issues, `${field}.articleVersion`, articleVersion, {
		label: `The version of ${name}`,
		max: MAX_VERSION_LENGTH,
		required: true
	});
	const exact = checkText(issues, `${field}.exact`, own(raw, 'exact'), { label: 'The quote' });
	if (exact === '')
		issues.add(`${field}.exact`, 'The quote is empty: a passage that is not placed needs it.');
	const context = (key: 'prefix' | 'suffix') => {
		const value = own(raw, key);
		if (value === undefined || value === null) return '';
		return checkText(issues, `${field}.${key}`, value, { label: 'The context of the passage' });
	};
	const prefix = context('prefix');
	const suffix = context('suffix');
	if (version === undefined || !exact || prefix === undefined || suffix === undefined)
		return undefined;
	const quote = { side, articleVersion: version, exact, prefix, suffix };
	const earlier = rules.earlier?.get(version);
	if (own(raw, 'start') !== undefined || own(raw, 'end') !== undefined) {
		const length = earlier?.length ?? Number.MAX_SAFE_INTEGER;
		const start = issues.offset(`${field}.start`, own(raw, 'start'), length, name);
		const end = issues.offset(`${field}.end`, own(raw, 'end'), length, name);
		if (start === undefined || end === undefined) return undefined;
		if (start >= end)
			return issues.add(field, 'The passage is empty: its end must come after its start.');
		const target = { ...quote, start, end };
		if (earlier !== undefined && rules.from === 'file' && !passageAt(earlier, target))
			return issues.add(
				`${field}.exact`,
				`The quote is not at this place in the version of ${name} it names ${EDITED_FILE}.`
			);
		return target;
	}
	if (earlier === undefined) return { ...quote, ...unknownPosition(exact) };
	const needle = prefix + exact + suffix;
	const at = earlier.indexOf(needle);
	if (at === -1)
		return issues.add(
			`${field}.exact`,
			`The quote is not in the version of ${name} it names ${EDITED_FILE}.`
		);
	// context too short to tell repeats apart (not ours): the place is not known
	if (earlier.indexOf(needle, at + 1) !== -1) return { ...quote, ...unknownPosition(exact) };
	return { ...quote, start: at + prefix.length, end: at + prefix.length + exact.length };
}

/** A given prefix (step -1) or suffix (step 1) must be the text right before or after the passage. */
function checkContext(
	issues: Issues,
	field: string,
	raw: unknown,
	{ text, name, fromFile }: { text: string; name: string; fromFile: boolean },
	at: number,
	step: 1 | -1
): string | undefined {
	if (raw === undefined || raw === null) return undefined;
	const value = checkText(issues, field, raw, { label: 'The context of the passage' });
	if (value === undefined) return undefined;
	const fits =
		step === -1
			? value.length <= at && text.slice(at - value.length, at) === value
			: text.slice(at, at + value.length) === value;
	if (!fits) {
		const where = step === -1 ? 'before' : 'after';
		issues.add(
			field,
			fromFile
				? `The text ${where} the passage in the file is not what ${name} has there ${EDITED_FILE}.`
				: `The text ${where} the passage no longer matches ${name}. Select it again.`
		);
		return undefined;
	}
	return value;
}

/**
 * Shared fact: one passage per side, returned A first; framing and note: exactly one. `rules`
 * say where the passages come from (a reader's selection unless given).
 */
export function checkTargets(
	issues: Issues,
	kind: AnnotationKind,
	raw: unknown,
	articles: ComparisonTexts,
	rules: PassageRules = SELECTION
): Target[] | undefined {
	if (!Array.isArray(raw)) return issues.add('targets', 'The passages (targets) must be a list.');
	const wanted = kind === 'shared-fact' ? 2 : 1;
	if (raw.length !== wanted) {
		const what =
			kind === 'shared-fact'
				? 'A shared fact links two passages, one in each article'
				: `A ${kind} marks exactly one passage`;
		return issues.add('targets', `${what} (got ${raw.length}).`);
	}
	const targets = raw.map((t, i) => checkTarget(issues, `targets[${i}]`, t, articles, rules));
	if (targets.some((t) => t === undefined)) return undefined;
	const valid = targets as Target[];
	if (kind !== 'shared-fact') return valid;
	const a = valid.find((t) => t.side === 'a');
	const b = valid.find((t) => t.side === 'b');
	if (!a || !b)
		return issues.add(
			'targets',
			'A shared fact needs one passage in article A and one in article B.'
		);
	return [a, b];
}

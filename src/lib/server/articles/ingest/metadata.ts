/**
 * Article metadata from a form or a comparison file (title, outlet, author, date, genre, source
 * URL): checked field by field, so each message can sit next to its field.
 */
import type { ArticleMeta } from '../../../domain/types';
import { toHttpUrl } from './meta-values';

/** Metadata fields of each side, named as ArticleMeta names them. */
export const META_FIELDS = ['title', 'outlet', 'author', 'date', 'genre', 'sourceUrl'] as const;
/** One metadata field of a side. */
export type MetaField = (typeof META_FIELDS)[number];
/** The genres a person can choose (ArticleMeta's). */
export const GENRES: readonly NonNullable<ArticleMeta['genre']>[] = [
	'opinion',
	'report',
	'analysis'
];

/** Titles longer than this are cut when they come from a file or a first line. */
export const MAX_TITLE = 300;
/** Outlet and author: a masthead or a list of bylines, never an essay. */
const MAX_SHORT = 200;
/** URLs longer than this are not addresses people paste. */
const MAX_URL = 2000;

/**
 * Checks one article's metadata fields (trimmed strings, '' for empty); an empty title is
 * left empty here (callers fill it first). Messages come back by field.
 * @example checkArticleMeta({ ...empty, title: 'T', genre: 'report' }).meta // { title: 'T', genre: 'report' }
 */
export function checkArticleMeta(fields: Record<MetaField, string>): {
	meta: ArticleMeta;
	errors: Partial<Record<MetaField, string>>;
} {
	const errors: Partial<Record<MetaField, string>> = {};
	const get = (field: MetaField) => fields[field].trim();
	const problem = (field: MetaField, message: string) => (errors[field] ??= message);
	for (const field of META_FIELDS) {
		// eslint-disable-next-line no-control-regex
		if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(get(field)))
			problem(field, 'This field contains control characters; type it again.');
		// a lone surrogate (only JSON can carry one) would be stored as U+FFFD
		if (!get(field).isWellFormed())
			problem(field, 'This field contains a broken character; type it again.');
	}
	if (get('title').length > MAX_TITLE)
		problem('title', `Keep the title under ${MAX_TITLE} characters.`);
	for (const field of ['outlet', 'author'] as const) {
		if (get(field).length > MAX_SHORT) problem(field, `Keep this under ${MAX_SHORT} characters.`);
	}
	const date = get('date');
	if (date && !/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/.test(date)) {
		problem('date', 'Write the date as YYYY-MM-DD (or YYYY-MM, or YYYY).');
	}
	// empty: not given (a pasted text is not labelled until someone chooses its genre)
	const genre = (get('genre') || undefined) as ArticleMeta['genre'];
	if (genre !== undefined && !GENRES.includes(genre))
		problem('genre', 'Choose opinion, report or analysis, or leave the genre as not given.');
	const url = get('sourceUrl');
	if (url && (url.length > MAX_URL || !toHttpUrl(url) || !/^https?:\/\//i.test(url))) {
		problem('sourceUrl', 'Give a full web address starting with http:// or https://.');
	}
	const meta: ArticleMeta = { title: get('title') };
	if (genre) meta.genre = genre;
	if (get('outlet')) meta.outlet = get('outlet');
	if (get('author')) meta.author = get('author');
	if (date) meta.date = date;
	if (url) meta.sourceUrl = url;
	return { meta, errors };
}

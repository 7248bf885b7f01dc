/**
 * Readable names for downloaded files ("parallax-period-3-media-literacy-2026-12-06.csv"), so a
 * teacher's downloads folder says what each file is instead of listing UUIDs.
 */

import { slugify } from '../framing/theme-measure';

/** Longest slug kept from a title, cut at a word boundary. */
const MAX_SLUG_LENGTH = 60;

/**
 * File-name safe ASCII words of a title: accents dropped, everything else a dash; `fallback`
 * when nothing is left (a title in another script).
 * @example slugOf('Période 3 – “Media” literacy!') // 'periode-3-media-literacy'
 */
export function slugOf(title: string, fallback = 'comparison'): string {
	const words = slugify(title, '');
	if (words.length <= MAX_SLUG_LENGTH) return words || fallback;
	const cut = words.slice(0, MAX_SLUG_LENGTH + 1);
	const boundary = cut.lastIndexOf('-');
	return boundary > 0 ? cut.slice(0, boundary) : cut.slice(0, MAX_SLUG_LENGTH);
}

/**
 * The name of an export: `parallax-<title slug>-<YYYY-MM-DD>.<extension>` (the date in UTC).
 * @example exportFileName('Period 3', new Date('2026-12-06T09:00:00Z'), 'csv') // 'parallax-period-3-2026-12-06.csv'
 */
export function exportFileName(
	title: string,
	date: Date,
	extension: string,
	fallback = 'annotations'
): string {
	return `parallax-${slugOf(title, fallback)}-${date.toISOString().slice(0, 10)}.${extension}`;
}

/**
 * A Content-Disposition header value that downloads under `fileName` (ASCII, as exportFileName
 * makes; anything else is replaced so the header stays valid).
 * @example attachment('parallax-x-2026-12-06.csv') // 'attachment; filename="parallax-x-2026-12-06.csv"'
 */
export function attachment(fileName: string): string {
	return `attachment; filename="${fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"`;
}

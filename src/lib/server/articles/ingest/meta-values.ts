/**
 * The metadata values a file states about itself, in the forms an article's metadata keeps: a
 * date as YYYY-MM-DD (or YYYY-MM, YYYY) and an absolute http(s) URL. Anything else is dropped.
 */

/**
 * A date as the article's metadata keeps it (YYYY-MM-DD, or YYYY-MM / YYYY when that is all
 * there is), from an ISO string, a timestamp like 2023-03-26T10:00:00Z or a Date; else undefined.
 * @example toIsoDate('2023-03-26T22:30:00-04:00') // '2023-03-26' (the date as written, not UTC)
 */
export function toIsoDate(value: unknown): string | undefined {
	if (value instanceof Date) {
		return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
	}
	if (typeof value !== 'string') return undefined;
	const m = /^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?=$|[T\s])/.exec(value);
	if (m) {
		const [, y, mo, d] = m;
		if (mo && (+mo < 1 || +mo > 12)) return undefined;
		if (d && (+d < 1 || +d > 31)) return undefined;
		return [y, mo, d].filter(Boolean).join('-');
	}
	// free-form dates ('March 26, 2023') parse as local midnight: read them back in local time
	const parsed = new Date(value);
	if (Number.isNaN(parsed.getTime())) return undefined;
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${parsed.getFullYear()}-${pad(parsed.getMonth() + 1)}-${pad(parsed.getDate())}`;
}

/**
 * An absolute http(s) URL, or undefined (relative links, javascript: and data: are dropped).
 * @example toHttpUrl('https://example.org/a?b#c') // 'https://example.org/a?b#c'
 */
export function toHttpUrl(value: unknown, base?: string): string | undefined {
	if (typeof value !== 'string' || !value.trim()) return undefined;
	try {
		const url = new URL(value.trim(), base);
		return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
	} catch {
		return undefined;
	}
}

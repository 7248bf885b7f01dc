/**
 * An article's origin (a link and when it was fetched, a file name, or pasted text): read from
 * untrusted places (a comparison file, a form's hidden field, a database row) into one checked
 * shape, kept through edits, and written the way the context card says it.
 */
import type { ArticleOrigin } from './types';

/** Longer addresses than this are not a link a person gave (browsers cap near 2,000 too). */
const MAX_URL = 2048;
/** File systems cap a name near 255 bytes; a longer "name" is not a file's. */
const MAX_NAME = 255;
// eslint-disable-next-line no-control-regex -- control characters are what is looked for
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const isRecord = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

function httpUrl(value: unknown): string | undefined {
	if (typeof value !== 'string' || value.length > MAX_URL || CONTROL.test(value)) return undefined;
	try {
		const url = new URL(value);
		return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
	} catch {
		return undefined;
	}
}

function isoTime(value: unknown): string | undefined {
	if (typeof value !== 'string' || !/^\d{4}-\d\d-\d\dT/.test(value)) return undefined;
	const time = Date.parse(value);
	return Number.isFinite(time) ? new Date(time).toISOString() : undefined;
}

function fileName(value: unknown): string | undefined {
	if (typeof value !== 'string') return undefined;
	// a name only: a path someone wrote into a file would say where it lay on their disk
	const name = value.split(/[\\/]/).pop()?.trim() ?? '';
	return name && name.length <= MAX_NAME && !CONTROL.test(name) ? name : undefined;
}

/**
 * Any value to a checked origin, or undefined when it is not one (unknown kind, a link that is
 * not http(s), a time that is no ISO time, a name with control characters).
 * @example toOrigin({ kind: 'file', name: 'C:\\packs\\course-pack.pdf' }) // { kind: 'file', name: 'course-pack.pdf' }
 */
export function toOrigin(value: unknown): ArticleOrigin | undefined {
	if (!isRecord(value)) return undefined;
	const edited = value.edited === true ? { edited: true as const } : {};
	if (value.edited !== undefined && typeof value.edited !== 'boolean') return undefined;
	if (value.kind === 'pasted') return { kind: 'pasted' };
	if (value.kind === 'file') {
		const name = fileName(value.name);
		return name ? { kind: 'file', name, ...edited } : undefined;
	}
	if (value.kind === 'link') {
		const url = httpUrl(value.url);
		const fetchedAt = isoTime(value.fetchedAt);
		return url && fetchedAt ? { kind: 'link', url, fetchedAt, ...edited } : undefined;
	}
	return undefined;
}

/**
 * The origin of a text changed by hand: still from its link or file, now edited; pasted text
 * stays pasted and an unknown origin stays unknown.
 * @example editedOrigin({ kind: 'file', name: 'a.pdf' }) // { kind: 'file', name: 'a.pdf', edited: true }
 */
export function editedOrigin(origin: ArticleOrigin | null): ArticleOrigin | null {
	if (!origin || origin.kind === 'pasted') return origin;
	return { ...origin, edited: true };
}

/** Whether two origins say the same (key order aside: jsonb does not keep it). */
export function sameOrigin(a: ArticleOrigin | null, b: ArticleOrigin | null): boolean {
	const key = (o: ArticleOrigin | null) =>
		!o
			? ''
			: o.kind === 'pasted'
				? 'pasted'
				: JSON.stringify([
						o.kind,
						o.kind === 'link' ? o.url : o.name,
						o.kind === 'link' ? o.fetchedAt : '',
						o.edited === true
					]);
	return key(a) === key(b);
}

/**
 * A fetch time as a reader writes it, always in UTC (the server and every reader agree on it).
 * @example formatFetchedAt('2026-12-06T21:14:09.000Z') // '6 Dec 2026, 21:14 UTC'
 */
export function formatFetchedAt(iso: string): string {
	const d = new Date(iso);
	if (Number.isNaN(d.getTime())) return iso;
	const two = (n: number) => String(n).padStart(2, '0');
	const date = `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
	return `${date}, ${two(d.getUTCHours())}:${two(d.getUTCMinutes())} UTC`;
}

/**
 * A link shortened for reading: host and path, no scheme, query or fragment, cut at 60 characters.
 * @example linkLabel('https://www.ledger.example/news/garage?utm_source=x') // 'www.ledger.example/news/garage'
 */
export function linkLabel(url: string): string {
	let label: string;
	try {
		const u = new URL(url);
		label = `${u.host}${u.pathname === '/' ? '' : u.pathname}`;
	} catch {
		label = url;
	}
	return label.length > 60 ? `${label.slice(0, 59)}…` : label;
}

/**
 * An article from a link: the server fetches the page and reads it exactly as an HTML upload
 * (Readability via html.ts). Fetching on someone's behalf is a way into the server's network,
 * so every hop is checked: http(s) only, every address the host resolves to must be public
 * (link-addresses.ts), the connection goes to the address that was checked (no second DNS answer
 * can swap it: the socket's lookup is pinned), redirects are followed by hand and re-checked (at
 * most 5), the body is capped while it streams, and the whole fetch has one deadline. The page
 * is parsed without a browser and never rendered. Each hop's request is guarded-request.ts; the
 * limits and the messages that name them are link-limits.ts.
 */
import { allowList } from './link-addresses';
import { Refusal, checkedAddress, readableType, request } from './guarded-request';
import {
	FETCH_TIMEOUT_MS,
	MAX_PAGE_BYTES,
	MAX_REDIRECTS,
	TEASER_CHARS,
	URL_MESSAGES
} from './link-limits';
import { extractHtml } from './html';
import { declaredCharset, decodeLegacy } from './decode';
import { toHttpUrl } from './meta-values';
import { MESSAGES, checkText, type Checked, type Extracted } from './text-checks';

export { URL_MESSAGES } from './link-limits';

/** A page as fetched: its body decoded to text, where it ended up and when. */
interface FetchedPage {
	/** the page's text (HTML or plain text) */
	body: string;
	kind: 'html' | 'text';
	/** the address after redirects */
	finalUrl: string;
	/** ISO timestamp of the fetch */
	fetchedAt: string;
}

/** Options for tests: the allow list (default from PARALLAX_FETCH_ALLOW) and the caps. */
export interface FetchOptions {
	allow?: Set<string>;
	timeoutMs?: number;
	maxBytes?: number;
}

/**
 * A page's bytes as text: the charset the Content-Type header names, else the one its <meta>
 * declares (the same prescan as HTML uploads), else UTF-8 (bad bytes become U+FFFD: a web page
 * is read as a browser reads it, not refused).
 */
export function decodePage(bytes: Uint8Array, contentType: string, kind: 'html' | 'text'): string {
	const header = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType)?.[1];
	let encoding: string | undefined;
	if (header) {
		try {
			encoding = new TextDecoder(header).encoding;
		} catch {
			encoding = undefined;
		}
	}
	encoding ??= kind === 'html' ? declaredCharset(bytes) : undefined;
	if (encoding && encoding !== 'utf-8') return decodeLegacy(bytes, encoding);
	return new TextDecoder('utf-8').decode(bytes);
}

/** The deadline: PARALLAX_FETCH_TIMEOUT_MS when set (the e2e tests shorten it), else 10 s. */
function deadlineFromEnv(): number {
	const ms = Number(process.env.PARALLAX_FETCH_TIMEOUT_MS);
	return Number.isFinite(ms) && ms > 0 ? Math.min(ms, FETCH_TIMEOUT_MS) : FETCH_TIMEOUT_MS;
}

/**
 * Fetches a link with every safety check; the page's decoded text, or the message to show.
 * @example await fetchPage('http://10.0.0.1/') // { ok: false, message: URL_MESSAGES.refused('private') }
 */
export async function fetchPage(
	link: string,
	options: FetchOptions = {}
): Promise<Checked<FetchedPage>> {
	const allow = options.allow ?? allowList(process.env.PARALLAX_FETCH_ALLOW);
	const maxBytes = options.maxBytes ?? MAX_PAGE_BYTES;
	let url: URL;
	try {
		url = new URL(link.trim());
	} catch {
		return { ok: false, message: URL_MESSAGES.badUrl };
	}
	const timeoutMs = options.timeoutMs ?? deadlineFromEnv();
	const signal = AbortSignal.timeout(timeoutMs);
	const fetchedAt = new Date().toISOString();
	try {
		for (let hop = 0; ; hop++) {
			if (url.protocol !== 'http:' && url.protocol !== 'https:')
				throw new Refusal(URL_MESSAGES.scheme);
			if (url.username || url.password) throw new Refusal(URL_MESSAGES.badUrl);
			const address = await checkedAddress(url, allow);
			if (signal.aborted) throw new Refusal(URL_MESSAGES.timeout(timeoutMs));
			const res = await request(url, address, signal, maxBytes);
			if (res.status >= 300 && res.status < 400 && res.location) {
				if (hop >= MAX_REDIRECTS) throw new Refusal(URL_MESSAGES.tooManyRedirects);
				try {
					url = new URL(res.location, url);
				} catch {
					throw new Refusal(URL_MESSAGES.badUrl);
				}
				continue;
			}
			if (res.status === 401 || res.status === 402 || res.status === 403) {
				throw new Refusal(URL_MESSAGES.paywall);
			}
			if (res.status < 200 || res.status >= 300) throw new Refusal(URL_MESSAGES.status(res.status));
			const kind = readableType(res.contentType);
			if (!kind || !res.bytes) {
				throw new Refusal(URL_MESSAGES.notHtml(res.contentType.split(';')[0].trim()));
			}
			const body = decodePage(res.bytes, res.contentType, kind);
			return { ok: true, value: { body, kind, finalUrl: url.href, fetchedAt } };
		}
	} catch (e) {
		if (e instanceof Refusal) return { ok: false, message: e.message };
		if (signal.aborted) return { ok: false, message: URL_MESSAGES.timeout(timeoutMs) };
		return { ok: false, message: URL_MESSAGES.network };
	}
}

/**
 * Signs that a page is a paywall or login wall: a password field, schema.org's
 * isAccessibleForFree=false, a locked content tier, or paywall/regwall class names.
 */
export function paywallSigns(html: string): boolean {
	return (
		/<input\b[^>]*type\s*=\s*["']?password/i.test(html) ||
		/"isAccessibleForFree"\s*:\s*"?false/i.test(html) ||
		/<meta\b[^>]*content_tier[^>]*content\s*=\s*["']?(locked|metered)/i.test(html) ||
		/\b(class|id)\s*=\s*["'][^"']*\b(paywall|regwall|piano-offer|subscriber-only|login-wall)/i.test(
			html
		)
	);
}

/** What a link gives: the article, and where and when it was fetched. */
interface LinkedArticle extends Extracted {
	finalUrl: string;
	fetchedAt: string;
}

/**
 * A link to its article: fetched safely, then read as an HTML upload is (text plus title,
 * outlet, author, date; the canonical address, else the final one, as the source URL). Refuses
 * paywall and login pages and pages without article text.
 */
export async function readLink(
	link: string,
	options: FetchOptions = {}
): Promise<Checked<LinkedArticle>> {
	const fetched = await fetchPage(link, options);
	if (!fetched.ok) return fetched;
	const { body, kind, finalUrl, fetchedAt } = fetched.value;
	const extracted: Checked<Extracted> =
		kind === 'html' ? extractHtml(body) : { ok: true, value: { text: body, meta: {} } };
	const walled = kind === 'html' && paywallSigns(body);
	if (!extracted.ok)
		return { ok: false, message: walled ? URL_MESSAGES.paywall : URL_MESSAGES.noText };
	if (walled && extracted.value.text.length < TEASER_CHARS) {
		return { ok: false, message: URL_MESSAGES.paywall };
	}
	const checked = checkText(extracted.value.text);
	if (!checked.ok)
		return {
			ok: false,
			message: checked.message === MESSAGES.emptyText ? URL_MESSAGES.noText : checked.message
		};
	const meta = { ...extracted.value.meta };
	meta.sourceUrl = toHttpUrl(meta.sourceUrl) ?? finalUrl;
	return { ok: true, value: { text: checked.value, meta, finalUrl, fetchedAt } };
}

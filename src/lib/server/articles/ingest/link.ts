/**
 * An article from a link: the server fetches the page and reads it exactly as an HTML upload
 * (Readability via html.ts). Fetching on someone's behalf is a way into the server's network,
 * so every hop is checked: http(s) only, every address the host resolves to must be public
 * (link-addresses.ts), the connection goes to the address that was checked (no second DNS answer
 * can swap it: the socket's lookup is pinned), redirects are followed by hand and re-checked (at
 * most 5), the body is capped while it streams, and the whole fetch has one deadline. The page
 * is parsed without a browser and never rendered.
 */
import { lookup } from 'node:dns/promises';
import type { LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { allowList, hostPort, refusedAddress } from './link-addresses';
import { extractHtml } from './html';
import { declaredCharset, decodeLegacy } from './decode';
import { toHttpUrl } from './meta-values';
import { MESSAGES, checkText, type Checked, type Extracted } from './text-checks';

/** A page larger than this is refused (read as it streams, never buffered past it). */
const MAX_PAGE_BYTES = 5_000_000;
/** The whole fetch, redirects included, must end within this many milliseconds. */
const FETCH_TIMEOUT_MS = 10_000;
/** Redirects followed before giving up. */
const MAX_REDIRECTS = 5;
/** Article text shorter than this next to paywall or login signs is a teaser, not the article. */
const TEASER_CHARS = 1500;

/** The messages a refused link gets, in one place so tests can name them. */
export const URL_MESSAGES = {
	badUrl: 'This is not a web address. Give a full link starting with http:// or https://.',
	scheme: 'Only http:// and https:// links can be read.',
	noHost: 'The address of this link could not be found (check the spelling).',
	refused: (why: string) =>
		`This link points into a private network (${why}); Parallax only reads public web pages.`,
	tooManyRedirects: `This link redirects more than ${MAX_REDIRECTS} times; open it in a browser and paste the final address.`,
	timeout: (ms = FETCH_TIMEOUT_MS) =>
		`The site did not answer within ${ms / 1000} seconds. Try again later, or save the page and upload it.`,
	tooBig: `This page is larger than ${MAX_PAGE_BYTES / 1e6} MB; save the article's text and paste it instead.`,
	notHtml: (type: string) =>
		`This link gives ${type || 'a file of unknown type'}, not a web page. Links to HTML pages or plain text can be read (upload a PDF as a file).`,
	status: (code: number) =>
		`The site answered ${code} (${http.STATUS_CODES[code] ?? 'error'}): the page could not be read.`,
	paywall:
		'This page asks for a login or subscription (a paywall or login page was detected), so the article text is not there. Paste the text instead.',
	noText:
		'No article text was found on this page (it may load its text with JavaScript). Paste the text instead.',
	network: 'The site could not be reached (the connection failed). Check the link and try again.'
} as const;

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

class Refusal extends Error {}

/** Resolves a host and checks every address it has; the first one is the one to connect to. */
async function checkedAddress(url: URL, allow: Set<string>): Promise<LookupAddress> {
	const host = url.hostname.replace(/^\[|\]$/g, '');
	let addresses: LookupAddress[];
	try {
		addresses = await lookup(host, { all: true, verbatim: true });
	} catch {
		throw new Refusal(URL_MESSAGES.noHost);
	}
	if (addresses.length === 0) throw new Refusal(URL_MESSAGES.noHost);
	if (!allow.has(hostPort(url))) {
		for (const { address } of addresses) {
			const why = refusedAddress(address);
			if (why) throw new Refusal(URL_MESSAGES.refused(why));
		}
	}
	return addresses[0];
}

/** A lookup that always answers with the address already checked (no DNS rebinding). */
function pinned(address: LookupAddress): LookupFunction {
	return ((_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
		if (options?.all) callback(null, [address]);
		else callback(null, address.address, address.family);
	}) as LookupFunction;
}

interface Response {
	status: number;
	location?: string;
	contentType: string;
	bytes?: Uint8Array;
}

/** One request to a checked address; reads the body only for a 2xx with a readable type. */
function request(url: URL, address: LookupAddress, signal: AbortSignal, maxBytes: number) {
	return new Promise<Response>((resolvePromise, reject) => {
		const client = url.protocol === 'https:' ? https : http;
		const req = client.request(
			url,
			{
				method: 'GET',
				lookup: pinned(address),
				signal,
				headers: {
					'user-agent': 'Parallax/0.1 (article reader; +https://github.com/)',
					accept: 'text/html,application/xhtml+xml,text/plain;q=0.8',
					'accept-encoding': 'identity'
				}
			},
			(res) => {
				const status = res.statusCode ?? 0;
				const contentType = String(res.headers['content-type'] ?? '');
				const location = res.headers.location;
				if (status < 200 || status >= 300 || !readableType(contentType)) {
					res.resume();
					res.destroy();
					return resolvePromise({ status, location, contentType });
				}
				const declared = Number(res.headers['content-length']);
				if (Number.isFinite(declared) && declared > maxBytes) {
					res.destroy();
					return reject(new Refusal(URL_MESSAGES.tooBig));
				}
				// identity was asked for; a server that compresses anyway is decoded, and the cap
				// counts decoded bytes (a small compressed body can inflate enormously)
				const coding = String(res.headers['content-encoding'] ?? '')
					.toLowerCase()
					.trim();
				const body: Readable =
					coding === 'gzip' || coding === 'x-gzip'
						? res.pipe(zlib.createGunzip())
						: coding === 'deflate'
							? res.pipe(zlib.createInflate())
							: coding === 'br'
								? res.pipe(zlib.createBrotliDecompress())
								: res;
				const chunks: Buffer[] = [];
				let size = 0;
				body.on('data', (chunk: Buffer) => {
					size += chunk.length;
					if (size > maxBytes) {
						res.destroy();
						body.destroy();
						reject(new Refusal(URL_MESSAGES.tooBig));
						return;
					}
					chunks.push(chunk);
				});
				body.on('end', () =>
					resolvePromise({ status, contentType, bytes: new Uint8Array(Buffer.concat(chunks)) })
				);
				if (body !== res) body.on('error', () => reject(new Refusal(URL_MESSAGES.network)));
				res.on('error', reject);
				res.on('close', () => {
					if (!res.complete) reject(new Refusal(URL_MESSAGES.network));
				});
			}
		);
		req.on('error', reject);
		// a deadline mid-body must end the promise even if the socket closes quietly
		signal.addEventListener('abort', () => reject(new Error('deadline')), {
			once: true
		});
		req.end();
	});
}

/** The kind a Content-Type names, or undefined for types that are not pages. */
function readableType(contentType: string): 'html' | 'text' | undefined {
	const type = contentType.split(';')[0].trim().toLowerCase();
	if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
	if (type === 'text/plain') return 'text';
	return undefined;
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

// The limits of reading a link (size, time, redirects, what counts as a teaser) and the messages
// a refused link gets, which name them: one place for both, shared by the fetch (link.ts) and
// the guarded request (guarded-request.ts), so tests can name every message.
import http from 'node:http';

/** A page larger than this is refused (read as it streams, never buffered past it). */
export const MAX_PAGE_BYTES = 5_000_000;
/** The whole fetch, redirects included, must end within this many milliseconds. */
export const FETCH_TIMEOUT_MS = 10_000;
/** Redirects followed before giving up. */
export const MAX_REDIRECTS = 5;
/** Article text shorter than this next to paywall or login signs is a teaser, not the article. */
export const TEASER_CHARS = 1500;

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

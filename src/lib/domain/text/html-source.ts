// Whether a text is HTML source rather than an article's words: a saved page renamed .txt, or a
// page's source pasted into the text box (copied from "view source"). Such a text is read as an
// uploaded page is, into its readable text; stored as it is, its tags would be the article.
// The rules are conservative, as a false alarm rewrites someone's article: plain text that
// mentions a tag ("the <b> tag"), compares ("a < b") or quotes an address ("<ana@example.org>")
// is never HTML.

/**
 * Elements of an article page's source. A "tag" of another name (<3, <ana@example.org>, a
 * made-up <Placeholder>) is not markup to these rules.
 */
const ELEMENTS = new Set(
	(
		'a abbr address article aside b blockquote body br button caption cite code dd del details div ' +
		'dl dt em figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hr html i iframe img input ' +
		'ins label li link main mark meta nav noscript ol p picture pre q s script section small source ' +
		'span strong style sub summary sup svg table tbody td template tfoot th thead time title tr u ul'
	).split(' ')
);
/** Elements that have no closing tag, so may end a fragment. */
const VOID = new Set('br hr img input link meta source'.split(' '));
/** A tag: `<p>`, `</p>`, `<div class="x">`, `<br/>`; the name decides whether it is markup. */
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)(?:\s[^<>]*)?\/?>/g;
/** Markup this dense is source even without a clean start and end (a copy from mid-page). */
const DENSE = { tags: 20, share: 0.3 } as const;

/** Where the text starts once leading whitespace and comments are skipped; -1 in an open comment. */
function contentStart(text: string): number {
	// a scan, not a regex: a regex over nested comment openers backtracks exponentially
	let at = 0;
	for (;;) {
		while (at < text.length && /\s/.test(text[at])) at++;
		if (!text.startsWith('<!--', at)) return at;
		const close = text.indexOf('-->', at + 4);
		if (close === -1) return -1;
		at = close + 3;
	}
}

/** Where the text ends once trailing whitespace and comments are cut. */
function contentEnd(text: string): number {
	let end = text.trimEnd().length;
	while (text.slice(0, end).endsWith('-->')) {
		const open = text.lastIndexOf('<!--', end - 3);
		if (open === -1) break;
		end = text.slice(0, open).trimEnd().length;
	}
	return end;
}

/**
 * True when a text opens as an HTML document: `<!doctype html` or `<html`, after whitespace and
 * comments (a saved page renamed .txt, say).
 * @example opensAsHtmlDocument('<!-- saved --> <!DOCTYPE html><p>x') // true
 * @example opensAsHtmlDocument('Plain text mentioning <html> later') // false
 */
export function opensAsHtmlDocument(text: string): boolean {
	const at = contentStart(text);
	return at >= 0 && /^<(?:!doctype\s+html|html[\s>])/i.test(text.slice(at, at + 20));
}

/**
 * True when pasted text is clearly HTML source: it opens with `<!doctype html`; or it starts with
 * an element's tag and ends with one (after comments), with at least two closing tags between;
 * or at least 20 element tags make up 30 % of its visible characters. Prose that mentions tags,
 * maths and addresses in angle brackets stay text.
 * @example looksLikeHtml('<html><body><p>Text</p><script>x()</script></body></html>') // true
 * @example looksLikeHtml('The <b> tag makes text bold, and a < b.') // false
 */
export function looksLikeHtml(text: string): boolean {
	const start = contentStart(text);
	if (start < 0) return false;
	if (/^<!doctype\s+html[\s>]/i.test(text.slice(start, start + 20))) return true;
	const end = contentEnd(text);
	let first: RegExpMatchArray | undefined;
	let last: RegExpMatchArray | undefined;
	let closing = 0;
	let count = 0;
	let markup = 0;
	for (const m of text.matchAll(TAG)) {
		const name = m[2].toLowerCase();
		if (!ELEMENTS.has(name)) continue;
		first ??= m;
		last = m;
		count++;
		markup += m[0].replace(/\s/g, '').length;
		if (m[1]) closing++;
	}
	if (!first || !last) return false;
	const opensWithTag = first.index === start && !first[1];
	const lastEnd = last.index! + last[0].length;
	const closesWithTag = lastEnd === end && (!!last[1] || VOID.has(last[2].toLowerCase()));
	if (opensWithTag && closesWithTag && closing >= 2) return true;
	const visible = text.replace(/\s/g, '').length;
	return count >= DENSE.tags && markup / visible >= DENSE.share;
}

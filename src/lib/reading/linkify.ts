/** A piece of a plain-text note: text, or a web link to make clickable. */
type NotePart = { text: string; href?: undefined } | { text: string; href: string };

// http(s) links only; trailing punctuation that usually ends a sentence is left out of the link
const URL_RE = /\bhttps?:\/\/[^\s<>"']+/gi;
const TRAILING = /[.,;:!?)\]]+$/;

/**
 * Split a plain-text note into text and http(s) links, so links can be clickable while the note
 * itself is never rendered as HTML.
 * @example linkify('see https://x.org.') // [{text:'see '},{text:'https://x.org',href:'https://x.org'},{text:'.'}]
 */
export function linkify(note: string): NotePart[] {
	const parts: NotePart[] = [];
	let at = 0;
	for (const match of note.matchAll(URL_RE)) {
		const raw = match[0];
		const url = raw.replace(TRAILING, '');
		const start = match.index;
		if (start > at) parts.push({ text: note.slice(at, start) });
		parts.push({ text: url, href: url });
		at = start + url.length;
	}
	if (at < note.length) parts.push({ text: note.slice(at) });
	return parts;
}

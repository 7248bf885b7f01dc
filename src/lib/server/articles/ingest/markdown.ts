/**
 * Markdown upload -> plain article text and the metadata of its front matter (gray-matter).
 * Markup is dropped line by line: soft-wrapped lines join into one paragraph, and headings,
 * list items and quotes become paragraphs of their own, blank-line separated, so segmentation
 * sees the same paragraphs a reader sees. No Markdown library is installed; this covers what
 * articles use (CommonMark blocks, emphasis, links, images, code, tables, footnotes, HTML).
 */
import matter from 'gray-matter';
import { toHttpUrl, toIsoDate } from './meta-values';
import type { Checked, Extracted, FileMeta } from './text-checks';

/** Front matter languages read; gray-matter would eval `---js` blocks, so those are refused. */
const FRONT_MATTER_LANGUAGES = new Set(['', 'yaml', 'yml', 'json']);

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: '\u00a0',
	mdash: '\u2014',
	ndash: '\u2013',
	hellip: '\u2026',
	lsquo: '\u2018',
	rsquo: '\u2019',
	ldquo: '\u201c',
	rdquo: '\u201d'
};

function decodeEntities(s: string): string {
	return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
		if (body[0] === '#') {
			const code =
				body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : +body.slice(1);
			return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
		}
		return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
	});
}

/**
 * Drops HTML comments with a linear scan (a lazy regex would be quadratic on a text full of
 * unclosed `<!--`); an unclosed comment hides the rest, as in HTML.
 */
function dropComments(s: string): string {
	let out = '';
	let from = 0;
	for (;;) {
		const open = s.indexOf('<!--', from);
		if (open === -1) return out + s.slice(from);
		out += s.slice(from, open);
		const close = s.indexOf('-->', open + 4);
		if (close === -1) return out;
		from = close + 3;
	}
}

/**
 * Inline markup of one line to its text. Every pattern is bounded ({0,N}) or cannot backtrack,
 * so a hostile 2 MB line costs linear time, not minutes.
 */
export function stripInline(line: string): string {
	let s = dropComments(line);
	const codes: string[] = [];
	// code spans first: their content is literal
	s = s.replace(/(`+)([\s\S]{0,1000}?[^`])\1(?!`)/g, (_m, _t, code: string) => {
		codes.push(code.trim());
		return `\uE000${codes.length - 1}\uE000`;
	});
	// backslash escapes next: an escaped * or _ is never emphasis
	s = s.replace(
		/\\([\\`*_{}[\]()#+\-.!|~<>"'])/g,
		(_m, c: string) => `\uE000e${c.charCodeAt(0)}\uE000`
	);
	s = s
		.replace(/!\[[^\]]{0,500}\]\([^)]{0,2000}\)/g, '') // images: not article text
		.replace(/!\[[^\]]{0,500}\]\[[^\]]{0,500}\]/g, '')
		.replace(/\[\^[^\]]{1,100}\]/g, '') // footnote references
		// [text](url "title"), the url may hold one level of parentheses
		.replace(
			/\[([^\]]{1,500})\]\((?:[^()\s]|\([^()\s]{0,500}\)){0,2000}(?:\s+(?:"[^"]{0,500}"|'[^']{0,500}'))?\s*\)/g,
			'$1'
		)
		.replace(/\[([^\]]{1,500})\]\[[^\]]{0,500}\]/g, '$1') // [text][ref]
		.replace(/<((?:https?|mailto):[^>\s]{1,2000})>/gi, '$1') // autolinks
		.replace(/<\/?[a-z][a-z0-9-]{0,50}(?:\s[^<>]{0,2000})?\/?>/gi, '') // inline HTML tags
		// emphasis: delimiter runs that open (after a non-word) or close (before one) go; runs
		// inside words stay (snake_case, 2*3*4)
		.replace(/(^|[^\p{L}\p{N}])[*_]+(?=\S)/gu, '$1')
		.replace(/(\S)[*_]+(?=$|[^\p{L}\p{N}])/gu, '$1')
		.replace(/~~/g, '');
	s = s
		.replace(/\uE000(\d+)\uE000/g, (_m, i: string) => codes[+i])
		.replace(/\uE000e(\d+)\uE000/g, (_m, c: string) => String.fromCharCode(+c));
	return decodeEntities(s);
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const ATX = /^\s{0,3}#{1,6}(?:\s+|$)/;
const SETEXT = /^\s{0,3}(=+|-+)\s*$/;
const RULE = /^\s{0,3}([-*_])(?:\s*\1){2,}\s*$/;
const LIST_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?/;
const QUOTE = /^\s{0,3}(?:>\s?)+/;
const REFERENCE = /^\s{0,3}\[[^\]^]+\]:\s*\S+/;
const FOOTNOTE = /^\s{0,3}\[\^[^\]]+\]:\s*/;
/** A table's delimiter row (| --- | :-: |): pipes, colons and dashes only. */
const isTableRule = (line: string) =>
	/^[\s|:-]+$/.test(line) && line.includes('|') && line.includes('-');

/** '## Title ##' -> 'Title' without a regex (trailing runs of spaces or # would backtrack). */
function dropClosingHashes(heading: string): string {
	const text = heading.trimEnd();
	let end = text.length;
	while (end > 0 && text[end - 1] === '#') end--;
	if (end === text.length) return text;
	if (end === 0 || text[end - 1] === ' ' || text[end - 1] === '\t')
		return text.slice(0, end).trimEnd();
	return text;
}

/**
 * Markdown to plain text, one paragraph per block, blank-line separated.
 * @example markdownToText('# Title\n\nSome *very*\nwrapped text.') // 'Title\n\nSome very wrapped text.'
 */
export function markdownToText(markdown: string): string {
	const lines = dropComments(markdown.replace(/\r\n?/g, '\n')).split('\n');
	const paragraphs: string[] = [];
	let current: string[] = [];
	let fence: string | null = null;
	let quoted = false;
	const flush = () => {
		const text = current.join(' ').replace(/\s+/g, ' ').trim();
		if (text) paragraphs.push(text);
		current = [];
	};
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i];
		if (fence !== null) {
			if (line.trim().startsWith(fence)) {
				fence = null;
				continue;
			}
			if (line.trim()) paragraphs.push(line.trim());
			continue;
		}
		const open = FENCE.exec(line);
		if (open) {
			flush();
			fence = open[1];
			continue;
		}
		// a === or --- line under text underlines a (setext) heading: the text is its own paragraph
		if (SETEXT.test(line) && current.length) {
			flush();
			continue;
		}
		if (!line.trim() || RULE.test(line) || REFERENCE.test(line) || isTableRule(line)) {
			flush();
			continue;
		}
		// a quote starts and ends a paragraph even without a blank line around it
		if (QUOTE.test(line) !== quoted) flush();
		quoted = QUOTE.test(line);
		let body = line.replace(QUOTE, '');
		const heading = ATX.test(body);
		const item = LIST_ITEM.test(body);
		if (heading) body = dropClosingHashes(body.replace(ATX, ''));
		if (item) body = body.replace(LIST_ITEM, '');
		if (FOOTNOTE.test(body)) body = body.replace(FOOTNOTE, '');
		const row = /^\s*\|.*\|\s*$/.test(body);
		if (row) {
			body = body
				.trim()
				.slice(1, -1)
				.split('|')
				.map((c) => c.trim())
				.filter(Boolean)
				.join(' ');
		}
		if (heading || item || row) flush();
		// two trailing spaces or a backslash: a hard line break, so a paragraph of its own
		const hardBreak = line.endsWith('  ') || line.endsWith('\\');
		current.push(stripInline(body.replace(/\\$/, '')));
		if (heading || row || hardBreak) flush();
	}
	flush();
	return paragraphs.join('\n\n');
}

function text(value: unknown): string | undefined {
	if (typeof value === 'string') return value.replace(/\s+/g, ' ').trim() || undefined;
	if (typeof value === 'number') return String(value);
	if (Array.isArray(value)) {
		// one level only: a list of names, never a tree (hostile YAML could nest deeply)
		const names = value
			.slice(0, 20)
			.map((v) => (Array.isArray(v) ? undefined : text(v)))
			.filter(Boolean);
		return names.length ? names.join(', ') : undefined;
	}
	if (value && typeof value === 'object' && 'name' in value) return text(value.name);
	return undefined;
}

function first(data: Record<string, unknown>, ...keys: string[]): unknown {
	for (const key of keys) if (data[key] !== undefined && data[key] !== null) return data[key];
	return undefined;
}

/** Front matter fields to metadata; the common spellings of static-site generators. */
export function frontMatterMeta(data: Record<string, unknown>): FileMeta {
	const genre = text(first(data, 'genre', 'type'))?.toLowerCase();
	const meta: FileMeta = {
		title: text(first(data, 'title', 'headline')),
		outlet: text(first(data, 'outlet', 'publication', 'site', 'site_name', 'publisher')),
		author: text(first(data, 'author', 'authors', 'byline', 'creator')),
		date: toIsoDate(first(data, 'date', 'published', 'publishDate', 'pubDate', 'published_at')),
		genre: genre === 'opinion' || genre === 'report' || genre === 'analysis' ? genre : undefined,
		sourceUrl: toHttpUrl(
			text(first(data, 'source_url', 'sourceUrl', 'canonical', 'canonical_url', 'url', 'link'))
		)
	};
	return Object.fromEntries(Object.entries(meta).filter(([, v]) => v)) as FileMeta;
}

function refuseEval(): never {
	throw new Error('JavaScript front matter is not read');
}

/**
 * A Markdown file to plain text plus its front matter's metadata. Front matter in a language
 * other than YAML or JSON, or that does not parse, is refused with a message.
 * @example extractMarkdown('---\ntitle: T\n---\nBody').value // { text: 'Body', meta: { title: 'T' } }
 */
export function extractMarkdown(source: string): Checked<Extracted> {
	// '----' opens no front matter (gray-matter agrees), so it is not a language either
	const language = /^---(?!-)([^\n]*)\n/.exec(source)?.[1].trim().toLowerCase() ?? '';
	if (!FRONT_MATTER_LANGUAGES.has(language)) {
		return {
			ok: false,
			message: `The front matter is written in "${language.slice(0, 20)}"; only YAML or JSON front matter can be read.`
		};
	}
	let parsed: { data: Record<string, unknown>; content: string };
	try {
		// options given: gray-matter then keeps no module-level cache of every file it saw
		parsed = matter(source, { language: 'yaml', engines: { javascript: refuseEval } });
	} catch (e) {
		const reason = e instanceof Error ? e.message.split('\n')[0] : 'it does not parse';
		return {
			ok: false,
			message: `The front matter (between the --- lines) could not be read: ${reason}`
		};
	}
	const data = parsed.data && typeof parsed.data === 'object' ? parsed.data : {};
	return { ok: true, value: { text: markdownToText(parsed.content), meta: frontMatterMeta(data) } };
}

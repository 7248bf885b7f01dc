/**
 * HTML upload -> the article's main text and the metadata the page states. The page is parsed
 * by linkedom, which builds a DOM without a browser: no script runs, nothing is fetched, nothing
 * is rendered. Readability picks the article out of navigation, ads and comments; the result is
 * plain text with one paragraph per block, blank-line separated, as segmentation expects.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { toHttpUrl, toIsoDate } from './meta-values';
import { MESSAGES, type Checked, type Extracted, type FileMeta } from './text-checks';

/** Elements whose text is never article text (code, chrome, widgets, embedded documents). */
const DROPPED = [
	'script',
	'style',
	'noscript',
	'template',
	'iframe',
	'object',
	'embed',
	'svg',
	'math',
	'canvas',
	'video',
	'audio',
	'form',
	'button',
	'select',
	'textarea',
	'input',
	'dialog'
];
/** Page chrome: never the argument (an aside's pull quote repeats the body). */
const CHROME = ['nav', 'aside', 'footer', 'menu'];
/** id/class words of chrome and reader comments in the whole-body fallback. */
const CHROME_NAMES =
	/(^|[-_\s])(comments?|respond|reply|sidebar|widget|advert|ads?|promo|sponsor|share|social|related|newsletter|subscribe|cookie|banner|menu|nav|breadcrumbs?|footer|masthead)([-_\s]|$)/i;
/** One class or id token of an ad or promo slot (whole tokens: 'ad-slot' yes, 'head' no). */
const AD_TOKEN = /^(ads?|adv|advert\w*|ad[-_]\w+|\w+[-_]ads?|sponsor\w*|promo\w*|\w+[-_]promo)$/i;
/** Elements that start a new paragraph. */
const BLOCKS = new Set(
	(
		'address article aside blockquote body dd details div dl dt fieldset figcaption figure footer ' +
		'h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody thead tfoot tr ul caption'
	).split(' ')
);
/** Real pages nest 20–80 elements deep; far deeper is a parser bomb (Readability slows down as depth squared). */
const MAX_DEPTH = 200;
/** Elements a sloppy page leaves open without nesting (the parser closes them): not counted. */
const SELF_CLOSING = new Set(
	'area base br col embed hr img input link meta source track wbr p li dt dd tr td th option'.split(
		' '
	)
);
/** Readability gives up above this many elements: bounds the work a hostile page can cause. */
const MAX_ELEMENTS = 60_000;
/** Readability's default is 500: a short op-ed section must still count as an article. */
const CHAR_THRESHOLD = 300;

/** Nesting depth by counting tags, before parsing (an overestimate for very sloppy markup). */
export function tagDepth(html: string): number {
	let depth = 0;
	let max = 0;
	for (const m of html.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^<>]*?(\/?)>/g)) {
		const name = m[2].toLowerCase();
		if (m[3] || SELF_CLOSING.has(name)) continue;
		depth = m[1] ? Math.max(0, depth - 1) : depth + 1;
		if (depth > max) max = depth;
	}
	return max;
}

/** Element nesting depth of a parsed tree, without recursion. */
function domDepth(root: Element): number {
	let max = 0;
	const stack: [Element, number][] = [[root, 1]];
	while (stack.length > 0) {
		const [el, depth] = stack.pop() as [Element, number];
		if (depth > max) max = depth;
		for (const child of el.children) stack.push([child, depth + 1]);
	}
	return max;
}

/** A full document for linkedom, which needs an <html> root to give a head and body. */
function toDocument(html: string): Document {
	const source = /<html[\s>]/i.test(html)
		? html
		: `<!doctype html><html><head></head><body>${html}</body></html>`;
	return parseHTML(source).document as unknown as Document;
}

function collapse(s: string): string {
	return s.replace(/\s+/g, ' ').trim();
}

function metaContent(doc: Document, ...keys: string[]): string | undefined {
	for (const key of keys) {
		for (const el of doc.querySelectorAll('meta')) {
			const name = (el.getAttribute('property') ?? el.getAttribute('name') ?? '').toLowerCase();
			const content = collapse(el.getAttribute('content') ?? '');
			if (name === key && content) return content;
		}
	}
	return undefined;
}

function linkHref(doc: Document, rel: string): string | undefined {
	for (const el of doc.querySelectorAll('link')) {
		const rels = (el.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
		if (rels.includes(rel)) return el.getAttribute('href') ?? undefined;
	}
	return undefined;
}

function genreOf(...hints: (string | undefined)[]): FileMeta['genre'] {
	const text = hints.filter(Boolean).join(' ').toLowerCase();
	if (/\b(opinion|op-ed|oped|commentary|editorial|column)\b/.test(text)) return 'opinion';
	if (/\banalysis\b/.test(text)) return 'analysis';
	return undefined;
}

/** An author meta that is a profile URL (as article:author often is) names nobody. */
function personName(value: string | undefined): string | undefined {
	if (!value || /^[a-z]+:\/\//i.test(value)) return undefined;
	return value.replace(/^by\s+/i, '').trim() || undefined;
}

/** What the page's head says about the article (read before Readability edits the DOM). */
export function readHtmlMeta(doc: Document): FileMeta {
	const canonical = toHttpUrl(linkHref(doc, 'canonical')) ?? toHttpUrl(metaContent(doc, 'og:url'));
	const meta: FileMeta = {
		title: metaContent(doc, 'og:title', 'twitter:title', 'dc.title'),
		outlet: metaContent(doc, 'og:site_name', 'application-name'),
		author:
			personName(metaContent(doc, 'article:author')) ??
			personName(metaContent(doc, 'author', 'dc.creator')),
		date: toIsoDate(
			metaContent(
				doc,
				'article:published_time',
				'datepublished',
				'pubdate',
				'publishdate',
				'date',
				'dc.date'
			)
		),
		genre: genreOf(metaContent(doc, 'article:section'), metaContent(doc, 'article:tag')),
		sourceUrl: canonical
	};
	return Object.fromEntries(Object.entries(meta).filter(([, v]) => v)) as FileMeta;
}

function isHidden(el: Element): boolean {
	return (
		el.hasAttribute('hidden') ||
		el.getAttribute('aria-hidden') === 'true' ||
		/display\s*:\s*none|visibility\s*:\s*hidden/i.test(el.getAttribute('style') ?? '')
	);
}

/**
 * The text of an element as paragraphs: every block element and <br> ends one; whitespace inside
 * a paragraph collapses, as a browser would show it.
 */
export function blocksOf(root: Element): string[] {
	const out: string[] = [];
	let line = '';
	const flush = () => {
		const text = collapse(line);
		if (text) out.push(text);
		line = '';
	};
	const walk = (node: Node) => {
		if (node.nodeType === 3) {
			line += node.textContent ?? '';
			return;
		}
		if (node.nodeType !== 1) return; // comments, processing instructions
		const el = node as Element;
		const tag = el.localName.toLowerCase();
		if (DROPPED.includes(tag) || isHidden(el)) return;
		if (tag === 'br') return flush();
		if (tag === 'td' || tag === 'th') line += ' ';
		const block = BLOCKS.has(tag);
		if (block) flush();
		for (const child of el.childNodes) walk(child);
		if (block) flush();
	};
	walk(root);
	flush();
	return out;
}

/** An ad or promo container, told by its class or id tokens. */
function isAdSlot(el: Element): boolean {
	if (['html', 'body', 'main', 'article'].includes(el.localName)) return false;
	const tokens = `${el.getAttribute('id') ?? ''} ${el.getAttribute('class') ?? ''}`.split(/\s+/);
	return tokens.some((t) => AD_TOKEN.test(t));
}

/** Removes elements by selector (on a detached copy of the list, as removal mutates it). */
function removeAll(doc: Document, selector: string, keep?: (el: Element) => boolean): void {
	for (const el of [...doc.querySelectorAll(selector)]) if (!keep?.(el)) el.remove();
}

/** The whole body minus chrome: for pages Readability cannot score (short or unusual ones). */
function fallbackBlocks(doc: Document): string[] {
	removeAll(doc, 'header');
	removeAll(doc, '[id],[class]', (el) => {
		const names = `${el.getAttribute('id') ?? ''} ${el.getAttribute('class') ?? ''}`;
		return !CHROME_NAMES.test(names) || ['body', 'html', 'main', 'article'].includes(el.localName);
	});
	const body = doc.body as Element | null;
	return body ? blocksOf(body) : [];
}

function articleBlocks(doc: Document): {
	blocks: string[];
	title?: string;
	byline?: string;
	site?: string;
	published?: string;
} {
	try {
		const reader = new Readability<Node>(doc, {
			serializer: (node) => node,
			maxElemsToParse: MAX_ELEMENTS,
			charThreshold: CHAR_THRESHOLD
		});
		const parsed = reader.parse();
		const blocks = parsed?.content ? blocksOf(parsed.content as Element) : [];
		if (blocks.join('').length > 0) {
			return {
				blocks,
				title: parsed?.title ?? undefined,
				byline: parsed?.byline ?? undefined,
				site: parsed?.siteName ?? undefined,
				published: parsed?.publishedTime ?? undefined
			};
		}
	} catch {
		// too many elements, or a page Readability chokes on: read the body instead
	}
	return { blocks: [] };
}

/**
 * An HTML page to its article: main text (headline first) and metadata from og:/article: tags,
 * author, canonical link, then Readability's guesses. Refuses pages with no readable text.
 * @example extractHtml('<title>T</title><article><p>Body text.</p></article>') // { ok: true, value: { text: 'T\n\nBody text.', meta: {...} } }
 */
export function extractHtml(html: string): Checked<Extracted> {
	if (tagDepth(html) > MAX_DEPTH) return { ok: false, message: MESSAGES.tooDeep };
	const doc = toDocument(html);
	if (domDepth(doc.documentElement) > MAX_DEPTH) return { ok: false, message: MESSAGES.tooDeep };
	const meta = readHtmlMeta(doc);
	const docTitle = collapse(doc.querySelector('title')?.textContent ?? '');
	removeAll(doc, [...DROPPED, ...CHROME].join(','));
	removeAll(doc, '[id],[class]', (el) => !isAdSlot(el));
	// a second document: Readability strips the one it reads, the fallback needs it intact
	const found = articleBlocks(toDocument(doc.documentElement.outerHTML));
	const blocks = found.blocks.length ? found.blocks : fallbackBlocks(doc);
	if (blocks.length === 0) return { ok: false, message: MESSAGES.noHtmlText };
	const title =
		meta.title ?? (found.title ? collapse(found.title) : undefined) ?? (docTitle || undefined);
	if (title) meta.title = title;
	meta.author ??= personName(found.byline ? collapse(found.byline) : undefined);
	meta.outlet ??= found.site ? collapse(found.site) : undefined;
	meta.date ??= toIsoDate(found.published);
	const clean = Object.fromEntries(Object.entries(meta).filter(([, v]) => v)) as FileMeta;
	// the headline is usually outside the block Readability keeps; segmentation wants it first
	const withTitle = title && collapse(blocks[0]) !== title ? [title, ...blocks] : blocks;
	return { ok: true, value: { text: withTitle.join('\n\n'), meta: clean } };
}

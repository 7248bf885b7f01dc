import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { blocksOf, extractHtml, readHtmlMeta, tagDepth } from './html';
import { MESSAGES } from './text-checks';

const fixture = (name: string) =>
	readFileSync(new URL(`../../../../../tests/fixtures/byo/${name}`, import.meta.url), 'utf8');

const page = (head: string, body: string) =>
	`<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

/** An article long enough for Readability to score it as one. */
const STORY = Array.from(
	{ length: 5 },
	(_, i) =>
		`<p>Paragraph ${i + 1} says the harbour council met on Tuesday and voted on the budget for the new sea wall, which residents debated for hours.</p>`
).join('');

function ok(html: string) {
	const r = extractHtml(html);
	if (!r.ok) throw new Error(r.message);
	return r.value;
}

describe('extractHtml on saved pages', () => {
	it.each([
		['ledger.html', 'Council votes to turn Market Street garage into 240 homes', 10],
		['weekly.html', "The garage vote trades downtown's future for a ribbon-cutting", 10]
	])('%s: headline first, body paragraphs, no chrome', (name, title, paragraphs) => {
		const { text } = ok(fixture(name));
		const blocks = text.split('\n\n');
		expect(blocks[0]).toBe(title);
		expect(blocks).toHaveLength(paragraphs);
		for (const noise of [
			'SCRIPT RAN',
			'Advertisement',
			'Subscribe',
			'Comments (3)',
			'eyesore', // a reader comment on the Ledger
			'Great column', // a reader comment on the Weekly
			'Most read',
			'Related stories',
			'All rights reserved',
			'cookies',
			'Support local journalism',
			'Share'
		]) {
			expect(text).not.toContain(noise);
		}
		// every paragraph is one line: segmentation reads one paragraph per line
		expect(blocks.every((b) => b.trim() === b && !b.includes('\n'))).toBe(true);
	});

	it('reads the metadata the pages state', () => {
		expect(ok(fixture('ledger.html')).meta).toEqual({
			title: 'Council votes to turn Market Street garage into 240 homes',
			outlet: 'The Harbourside Ledger',
			author: 'Dana Whitfield',
			date: '2025-10-14',
			sourceUrl: 'https://ledger.example/news/2025/10/14/market-street-garage-homes'
		});
		expect(ok(fixture('weekly.html')).meta).toEqual({
			title: "The garage vote trades downtown's future for a ribbon-cutting",
			outlet: 'Northgate Weekly',
			author: 'Omar Haddad', // article:author is a profile URL, so the author meta wins
			date: '2025-10-16',
			genre: 'opinion',
			sourceUrl: 'https://northgate-weekly.example/opinion/garage-vote-ribbon-cutting'
		});
	});

	it('refuses a page that only holds scripts', () => {
		expect(extractHtml(fixture('scripts-only.html'))).toEqual({
			ok: false,
			message: MESSAGES.noHtmlText
		});
	});
});

describe('extractHtml edge cases', () => {
	it.each([
		['an empty body', page('<title>Empty</title>', '')],
		['only navigation and a footer', page('', '<nav><a>Home</a></nav><footer>© 2025</footer>')],
		['only hidden text', page('', '<p hidden>Secret</p><div style="display:none">Gone</div>')],
		['only comments', page('', '<!-- a comment --><!-- another -->')],
		['a bare script fragment', '<script>alert(1)</script>']
	])('refuses %s', (_name, html) => {
		expect(extractHtml(html)).toEqual({ ok: false, message: MESSAGES.noHtmlText });
	});

	it.each([
		['a bare fragment', '<p>Hello there, reader.</p>', 'Hello there, reader.'],
		['plain text in an .html file', 'Just words.', 'Just words.'],
		[
			'entities decoded',
			'<p>Fish &amp; chips &mdash; &#8220;yes&#8221;</p>',
			'Fish & chips — “yes”'
		],
		['line breaks split paragraphs', '<p>Line one<br>Line two</p>', 'Line one\n\nLine two'],
		[
			'whitespace collapsed inside a paragraph',
			'<p>Many\n   spaces\tand\nlines</p>',
			'Many spaces and lines'
		]
	])('reads %s', (_name, html, text) => {
		expect(ok(html).text).toBe(text);
	});

	it('keeps the headline once when the body already starts with it', () => {
		const html = page(
			'<meta property="og:title" content="Sea wall approved">',
			`<article><h1>Sea wall approved</h1>${STORY}</article>`
		);
		const { text } = ok(html);
		expect(text.match(/Sea wall approved/g)).toHaveLength(1);
		expect(text.startsWith('Sea wall approved\n\nParagraph 1')).toBe(true);
	});

	it('uses <title> when there is no og:title', () => {
		expect(ok(page('<title>Harbour news</title>', `<article>${STORY}</article>`)).meta.title).toBe(
			'Harbour news'
		);
	});

	it('never follows javascript: or relative canonical links', () => {
		const meta = (href: string) =>
			readHtmlMeta(parseHTML(page(`<link rel="canonical" href="${href}">`, '')).document as never);
		expect(meta('javascript:alert(1)').sourceUrl).toBeUndefined();
		expect(meta('/relative').sourceUrl).toBeUndefined();
		expect(meta('https://ok.example/a').sourceUrl).toBe('https://ok.example/a');
	});

	it('drops ad slots inside the article', () => {
		const html = page('', `<article>${STORY}<div class="ad-slot"><p>Buy now</p></div></article>`);
		expect(ok(html).text).not.toContain('Buy now');
	});
});

describe('blocksOf', () => {
	it.each([
		['<div><p>a</p><p>b</p></div>', ['a', 'b']],
		['<div>loose <b>text</b><p>para</p>tail</div>', ['loose text', 'para', 'tail']],
		['<ul><li>one</li><li>two <i>more</i></li></ul>', ['one', 'two more']],
		['<table><tr><td>a</td><td>b</td></tr></table>', ['a b']],
		['<div><script>x()</script><style>p{}</style>kept</div>', ['kept']],
		['<div><span aria-hidden="true">icon</span>label</div>', ['label']]
	])('%s', (html, expected) => {
		const { document } = parseHTML(page('', html));
		expect(blocksOf(document.body as never)).toEqual(expected);
	});
});

describe('nesting bombs', () => {
	it.each([
		['<p>a<p>b<p>c', 0], // unclosed paragraphs do not nest
		['<div><div><img src=x></div></div>', 2],
		['<div><br/><span>a</span></div>', 2],
		['</div></div><b>x</b>', 1]
	])('tagDepth(%j) = %i', (html, depth) => {
		expect(tagDepth(html)).toBe(depth);
	});

	it('refuses a page nested thousands deep at once (Readability would take minutes)', () => {
		const n = 20_000;
		const html = `<html><body>${'<div>'.repeat(n)}text${'</div>'.repeat(n)}</body></html>`;
		expect(extractHtml(html)).toEqual({ ok: false, message: MESSAGES.tooDeep });
	});

	it('reads ordinary nesting', () => {
		const html = `<html><body>${'<div>'.repeat(60)}<p>Deep but fine.</p>${'</div>'.repeat(60)}</body></html>`;
		expect(ok(html).text).toBe('Deep but fine.');
	});
});

import { describe, expect, it } from 'vitest';
import { looksLikeHtml, opensAsHtmlDocument } from './html-source';

describe('opensAsHtmlDocument', () => {
	it.each([
		['<!DOCTYPE html><html>', true],
		['  \n<html lang="en">', true],
		['<!-- saved from url --> <!doctype html>', true],
		['<!-- an open comment <!doctype html>', false],
		['<p>a fragment</p>', false],
		['Plain text mentioning <html> later', false]
	])('%j -> %s', (text, expected) => {
		expect(opensAsHtmlDocument(text)).toBe(expected);
	});
});

const ARTICLE =
	'The harbour authority voted on Monday to raise the island ferry fare from $4 to $5 from June 1.';

describe('looksLikeHtml: pasted page source', () => {
	it.each([
		['a whole page', '<html><body><p>Text</p><script>alert(1)</script></body></html>'],
		['a page with a doctype', `<!doctype html>\n<title>Fares</title>\n<p>${ARTICLE}`],
		['a doctype after a comment', `<!-- saved from url=(0042) -->\n<!DOCTYPE html>${ARTICLE}`],
		['paragraphs', `<p>${ARTICLE}</p>\n<p>Commuters will pay $90 a month.</p>`],
		[
			'an article element with attributes',
			`  <article class="story" data-id="7">\n<h1>Fares rise</h1>\n<p>${ARTICLE}</p>\n</article>\n`
		],
		['a fragment ending in a line break', `<div><p>${ARTICLE}</p><p>More.</p><br></div><br/>`],
		['a fragment with a closing comment', `<section><p>${ARTICLE}</p></section>\n<!-- /story -->`],
		['upper-case tags', `<DIV><P>${ARTICLE}</P></DIV>`],
		[
			'dense markup copied from the middle of a page',
			`${ARTICLE}</p>` +
				'<li><a href="/a">A</a></li><li><a href="/b">B</a></li>'.repeat(3) +
				' and the rest of the menu'
		]
	])('%s is HTML', (_what, text) => {
		expect(looksLikeHtml(text)).toBe(true);
	});

	it.each([
		['plain prose', ARTICLE],
		['a mention of a tag', 'Use the <b> tag to make text bold, then close it.'],
		['maths', 'If a < b and b > c, nothing follows about a and c.'],
		['maths without spaces', 'We know a<b and c>d here.'],
		['a tag mentioned mid-sentence with its closing tag', 'Wrap it in <p> and </p> tags.'],
		['one bold phrase at the start', '<b>Breaking:</b> the fare rises on Monday.'],
		['one bold phrase around the text', '<b>The fare rises on Monday.</b>'],
		['an address in angle brackets', 'Write to Ana <ana@example.org> or <3 the post.'],
		['a made-up placeholder', '<Name> wrote to <Editor> about </Name> and </Editor>.'],
		['an article about HTML', `${ARTICLE} Its site still uses <table> and <font> from 1999.`],
		['html mentioned first', '<html> is the root element of a page, and </html> ends it.'],
		['an open comment', '<!-- draft'],
		['empty', ''],
		['spaces', '   \n ']
	])('%s is not HTML', (_what, text) => {
		expect(looksLikeHtml(text)).toBe(false);
	});
});

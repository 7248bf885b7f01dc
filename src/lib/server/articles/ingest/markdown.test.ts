import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractMarkdown, frontMatterMeta, markdownToText, stripInline } from './markdown';

const fixture = (name: string) =>
	readFileSync(new URL(`../../../../../tests/fixtures/byo/${name}`, import.meta.url), 'utf8');

describe('markdownToText', () => {
	it.each([
		['ATX heading', '# Title\n\nBody.', 'Title\n\nBody.'],
		['closing hashes', '## Title ##', 'Title'],
		['setext heading', 'Title\n=====\nBody.', 'Title\n\nBody.'],
		['soft-wrapped lines join', 'One line\nwrapped here.', 'One line wrapped here.'],
		['hard break (two spaces)', 'One  \ntwo', 'One\n\ntwo'],
		['hard break (backslash)', 'One\\\ntwo', 'One\n\ntwo'],
		['list items are paragraphs', '- a\n- b\n1. c\n2) d', 'a\n\nb\n\nc\n\nd'],
		['task list', '- [x] done', 'done'],
		['quote', '> Said\n> this.', 'Said this.'],
		[
			'quote without blank lines around it',
			'Before.\n> Quote.\nAfter.',
			'Before.\n\nQuote.\n\nAfter.'
		],
		['horizontal rule', 'a\n\n***\n\nb', 'a\n\nb'],
		['fenced code kept line by line', '```js\nlet a;\nlet b;\n```', 'let a;\n\nlet b;'],
		['reference definitions dropped', 'See [it][r].\n\n[r]: https://x.org', 'See it.'],
		['table', '| a | b |\n|---|:-:|\n| 1 | 2 |', 'a b\n\n1 2'],
		['HTML comment', 'a <!-- hidden\nnote --> b', 'a b'],
		['CRLF', 'a\r\nb\r\n\r\nc', 'a b\n\nc']
	])('%s', (_name, md, text) => {
		expect(markdownToText(md)).toBe(text);
	});
});

describe('stripInline', () => {
	it.each([
		['**bold** and __bold__', 'bold and bold'],
		['*em* and _em_', 'em and em'],
		['snake_case_name stays', 'snake_case_name stays'],
		['2*3*4 stays', '2*3*4 stays'],
		['~~gone~~', 'gone'],
		['`a *literal*`', 'a *literal*'],
		['[link](https://x.org "t")', 'link'],
		['[link](https://x.org/a_(b))', 'link'],
		['![alt](img.png) text', ' text'],
		['<https://x.org>', 'https://x.org'],
		['a <span class="x">b</span>', 'a b'],
		['note[^1]', 'note'],
		['\\*not em\\*', '*not em*'],
		['&amp; &lt; &#8212; &#x2019; &bogus;', '& < — ’ &bogus;']
	])('%j -> %j', (line, text) => {
		expect(stripInline(line)).toBe(text);
	});
});

describe('frontMatterMeta', () => {
	it.each([
		[
			{ title: 'T', author: 'A' },
			{ title: 'T', author: 'A' }
		],
		[{ authors: ['A', 'B'] }, { author: 'A, B' }],
		[{ author: { name: 'A' } }, { author: 'A' }],
		[{ date: new Date(Date.UTC(2025, 9, 15)) }, { date: '2025-10-15' }],
		[{ published: '2025-10-15T08:00:00Z' }, { date: '2025-10-15' }],
		[{ publication: 'Gazette' }, { outlet: 'Gazette' }],
		[{ url: 'https://x.org/a' }, { sourceUrl: 'https://x.org/a' }],
		[{ url: 'javascript:alert(1)' }, {}],
		[{ genre: 'Opinion' }, { genre: 'opinion' }],
		[{ genre: 'satire' }, {}],
		[{ title: 42 }, { title: '42' }],
		[{ title: { nested: true } }, {}]
	])('%j', (data, meta) => {
		expect(frontMatterMeta(data)).toEqual(meta);
	});
});

describe('extractMarkdown', () => {
	it('reads the fixture: front matter to metadata, body to paragraphs', () => {
		const r = extractMarkdown(fixture('council-notes.md'));
		expect(r.ok && r.value.meta).toEqual({
			title: 'What the garage vote means for renters',
			author: 'Priya Natarajan',
			date: '2025-10-15',
			outlet: "Harbourside Tenants' Union Newsletter",
			sourceUrl: 'https://tenants.example/newsletter/garage-vote',
			genre: 'analysis'
		});
		const text = r.ok ? r.value.text : '';
		expect(text.split('\n\n').slice(0, 3)).toEqual([
			'What the garage vote means for renters',
			'The council voted 7–2 on Tuesday to convert the Market Street garage into 240 apartments. Here is what that means for people who rent in Harbourside today.',
			'The affordable units'
		]);
		expect(text).toContain('The project will cost $38 million.');
		expect(text).not.toMatch(/[*#>[\]]/);
	});

	it.each([
		['no front matter', '# T\n\nBody.', 'T\n\nBody.'],
		['empty front matter', '---\n---\nBody.', 'Body.'],
		['a rule line is not front matter', '----\n\nBody.', 'Body.'],
		['JSON front matter', '---json\n{"title": "J"}\n---\nBody.', 'Body.']
	])('reads %s', (_name, md, text) => {
		const r = extractMarkdown(md);
		expect(r.ok && r.value.text).toBe(text);
	});

	it.each([
		[
			'JavaScript front matter (gray-matter would eval it)',
			'---js\n{ title: globalThis.pwned = 1 }\n---\nx'
		],
		['JavaScript spelled out', '---javascript\n{}\n---\nx'],
		['CoffeeScript front matter', '---coffee\ntitle: 1\n---\nx'],
		['broken YAML', '---\ntitle: [unclosed\n---\nx'],
		['YAML with a JS type tag', '---\ntitle: !!js/function "function () {}"\n---\nx']
	])('refuses %s', (_name, md) => {
		const r = extractMarkdown(md);
		expect(r.ok).toBe(false);
		expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
	});
});

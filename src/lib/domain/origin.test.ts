import { describe, expect, it } from 'vitest';
import { editedOrigin, formatFetchedAt, linkLabel, sameOrigin, toOrigin } from './origin';
import type { ArticleOrigin } from './types';

describe('toOrigin', () => {
	it.each([
		['pasted', { kind: 'pasted' }, { kind: 'pasted' }],
		['pasted ignores extra keys', { kind: 'pasted', url: 'x' }, { kind: 'pasted' }],
		[
			'a file',
			{ kind: 'file', name: 'course-pack.pdf' },
			{ kind: 'file', name: 'course-pack.pdf' }
		],
		[
			'a file with a path keeps the name only',
			{ kind: 'file', name: 'C:\\packs\\course-pack.pdf' },
			{ kind: 'file', name: 'course-pack.pdf' }
		],
		[
			'an edited file',
			{ kind: 'file', name: 'a.md', edited: true },
			{ kind: 'file', name: 'a.md', edited: true }
		],
		[
			'edited: false is left out',
			{ kind: 'file', name: 'a.md', edited: false },
			{ kind: 'file', name: 'a.md' }
		],
		[
			'a link, its time made canonical',
			{ kind: 'link', url: 'https://ledger.example/a', fetchedAt: '2026-12-06T22:14:09+01:00' },
			{ kind: 'link', url: 'https://ledger.example/a', fetchedAt: '2026-12-06T21:14:09.000Z' }
		],
		['no kind', { name: 'a.txt' }, undefined],
		['an unknown kind', { kind: 'scan', name: 'a.txt' }, undefined],
		['a file without a name', { kind: 'file', name: '  ' }, undefined],
		['a name with a control character', { kind: 'file', name: 'a\u0007.txt' }, undefined],
		['a name too long', { kind: 'file', name: `${'x'.repeat(256)}.txt` }, undefined],
		['edited not a boolean', { kind: 'file', name: 'a.txt', edited: 'yes' }, undefined],
		[
			'a link that is not http(s)',
			{ kind: 'link', url: 'javascript:alert(1)', fetchedAt: '2026-12-06T21:14:09Z' },
			undefined
		],
		['a link without a time', { kind: 'link', url: 'https://a.example/' }, undefined],
		[
			'a link with a date, not a time',
			{ kind: 'link', url: 'https://a.example/', fetchedAt: '2026-12-06' },
			undefined
		],
		['null', null, undefined],
		['a string', 'pasted', undefined],
		['an array', [{ kind: 'pasted' }], undefined]
	])('%s', (_, value, expected) => {
		expect(toOrigin(value)).toEqual(expected);
	});
});

describe('editedOrigin and sameOrigin', () => {
	const link: ArticleOrigin = {
		kind: 'link',
		url: 'https://a.example/x',
		fetchedAt: '2026-12-06T21:14:09.000Z'
	};
	it.each([
		['a link becomes an edited link', link, { ...link, edited: true }],
		[
			'a file becomes an edited file',
			{ kind: 'file', name: 'a.pdf' },
			{ kind: 'file', name: 'a.pdf', edited: true }
		],
		['pasted stays pasted', { kind: 'pasted' }, { kind: 'pasted' }],
		['unknown stays unknown', null, null]
	] as [string, ArticleOrigin | null, ArticleOrigin | null][])('%s', (_, origin, expected) => {
		expect(editedOrigin(origin)).toEqual(expected);
	});
	it.each([
		[
			'key order does not matter',
			link,
			{ fetchedAt: link.fetchedAt, url: link.url, kind: 'link' },
			true
		],
		['edited differs', link, { ...link, edited: true }, false],
		['another time differs', link, { ...link, fetchedAt: '2026-12-07T00:00:00.000Z' }, false],
		['unknown is not pasted', null, { kind: 'pasted' }, false],
		['two unknowns agree', null, null, true]
	] as [string, ArticleOrigin | null, ArticleOrigin | null, boolean][])('%s', (_, a, b, same) => {
		expect(sameOrigin(a, b)).toBe(same);
	});
});

describe('formatFetchedAt and linkLabel', () => {
	it.each([
		['2026-12-06T21:14:09.000Z', '6 Dec 2026, 21:14 UTC'],
		['2026-01-31T00:05:00+02:00', '30 Jan 2026, 22:05 UTC'],
		['not a time', 'not a time']
	])('%s → %s', (iso, shown) => {
		expect(formatFetchedAt(iso)).toBe(shown);
	});
	it.each([
		['https://www.ledger.example/news/garage?utm_source=x#top', 'www.ledger.example/news/garage'],
		['http://127.0.0.1:4410/article', '127.0.0.1:4410/article'],
		['https://a.example/', 'a.example'],
		[`https://a.example/${'p'.repeat(80)}`, `a.example/${'p'.repeat(49)}…`]
	])('%s → %s', (url, label) => {
		expect(linkLabel(url)).toBe(label);
	});
});

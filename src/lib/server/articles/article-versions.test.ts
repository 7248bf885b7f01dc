import { describe, expect, it } from 'vitest';
import type { ArticleMeta } from '../../domain/types';
import { segmentArticle } from '../../domain/text';
import * as articles from './article-versions';
import { describeEachDatabase } from '../test-support/databases';

const META: ArticleMeta = { title: 'Ports and tariffs', outlet: 'The Ledger', genre: 'report' };
const RAW = 'Ports and tariffs\n\nThe port handled 4.1 million containers.  Officials cheered.\n';

describe('contentHash', () => {
	it.each([
		['empty text', '', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
		['ascii', 'abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad']
	])('is the sha-256 hex of the text (%s)', (_name, text, hex) => {
		expect(articles.contentHash(text)).toBe(hex);
	});
});

describeEachDatabase('articles', (current) => {
	const db = () => current().database.db;

	it('creates an article: normalised text, version hash, segmentation, metadata', async () => {
		const created = await articles.create(db(), { raw: RAW, meta: META });
		const expected = segmentArticle(RAW);
		expect(created.text).toBe(expected.text);
		expect(created.version).toBe(articles.contentHash(expected.text));
		expect(created.paragraphs).toEqual(expected.paragraphs);
		expect(created.sentences).toEqual(expected.sentences);
		expect(created.meta).toEqual(META);
		expect(created.previousId).toBeNull();
		expect(new Date(created.createdAt).toISOString()).toBe(created.createdAt);
	});

	it('gets an article back exactly as created, and as plain JSON', async () => {
		const created = await articles.create(db(), {
			raw: 'Second text.\n\nWith “quotes” — and ünïcode.',
			meta: { title: 'Second', genre: 'analysis', date: '2024-05', sourceUrl: 'https://x.test/a' }
		});
		const got = await articles.get(db(), created.id);
		expect(got).toEqual(created);
		expect(JSON.parse(JSON.stringify(got))).toEqual(got);
		expect(got?.meta).toEqual({
			title: 'Second',
			genre: 'analysis',
			date: '2024-05',
			sourceUrl: 'https://x.test/a'
		});
	});

	it.each([
		['unknown id', '00000000-0000-4000-8000-000000000000'],
		['malformed id', 'not-a-uuid'],
		['empty id', '']
	])('get returns undefined for an %s', async (_name, id) => {
		expect(await articles.get(db(), id)).toBeUndefined();
	});

	it('dedupes: same text and metadata give the same row', async () => {
		const raw = 'Dedupe me.\n\nTwice over.';
		const first = await articles.create(db(), { raw, meta: META });
		// different raw whitespace, same normalised text; metadata with stray spaces
		const second = await articles.create(db(), {
			raw: `${raw}\n\n`,
			meta: { ...META, title: ` ${META.title} ` }
		});
		expect(second.id).toBe(first.id);
	});

	it.each([
		['another title', { ...META, title: 'Other title' }],
		['another outlet', { ...META, outlet: 'Other outlet' }],
		['no outlet', { title: META.title, genre: META.genre }],
		['another genre', { ...META, genre: 'opinion' as const }],
		['no genre given', { title: META.title, outlet: META.outlet }],
		['a date', { ...META, date: '2023-03-26' }]
	])('keeps the same text with %s as its own row, same version', async (_name, meta) => {
		const raw = 'Shared body text.\n\nSecond paragraph.';
		const base = await articles.create(db(), { raw, meta: META });
		const other = await articles.create(db(), { raw, meta });
		expect(other.id).not.toBe(base.id);
		expect(other.version).toBe(base.version);
	});

	it('stores an article whose genre nobody gave without one, and refuses an unknown genre', async () => {
		const made = await articles.create(db(), { raw: 'No genre here.', meta: { title: 'Plain' } });
		expect((await articles.get(db(), made.id))?.meta).toEqual({ title: 'Plain' });
		const satire = { title: 'Plain', genre: 'satire' } as unknown as ArticleMeta;
		await expect(articles.create(db(), { raw: 'No genre here.', meta: satire })).rejects.toThrow(
			/genre must be one of opinion, report, analysis, or left out/
		);
	});

	it('makes a new version when the text is edited, linked to the old one', async () => {
		const v1 = await articles.create(db(), { raw: 'Version one text.', meta: META });
		const v2 = await articles.create(db(), {
			raw: 'Version two text.',
			meta: META,
			previousId: v1.id
		});
		expect(v2.id).not.toBe(v1.id);
		expect(v2.version).not.toBe(v1.version);
		expect(v2.previousId).toBe(v1.id);
		expect((await articles.get(db(), v1.id))?.text).toBe('Version one text.');
		const history = await articles.listVersions(db(), v2.id);
		expect(history.map((h) => h.id)).toEqual([v2.id, v1.id]);
		expect((await articles.getByVersion(db(), v1.version))?.id).toBe(v1.id);
		expect((await articles.getByVersion(db(), v2.version))?.id).toBe(v2.id);
		expect(await articles.getByVersion(db(), 'f'.repeat(64))).toBeUndefined();
	});

	it('lists summaries without the text', async () => {
		const origin = { kind: 'file' as const, name: 'listed.txt' };
		const created = await articles.create(db(), { raw: 'Listed article.', meta: META, origin });
		const listed = await articles.list(db());
		const entry = listed.find((a) => a.id === created.id);
		expect(entry).toEqual({
			id: created.id,
			version: created.version,
			meta: created.meta,
			origin,
			previousId: null,
			createdAt: created.createdAt
		});
	});

	it.each([
		['an empty title', { raw: 'Text.', meta: { ...META, title: '  ' } }, /title/],
		['an unknown genre', { raw: 'Text.', meta: { ...META, genre: 'blog' } }, /genre/],
		['a NUL character', { raw: 'Te\0xt.', meta: META }, /NUL/],
		['no text', { raw: ' \n\n ', meta: META }, /no text/],
		['one character', { raw: 'x', meta: META }, /no word of two letters/],
		['a malformed previousId', { raw: 'Text.', meta: META, previousId: 'x' }, /previousId/],
		[
			'an unknown previousId',
			{ raw: 'Unknown prev.', meta: META, previousId: '00000000-0000-4000-8000-000000000000' },
			/previousId/
		]
	])('refuses input with %s', async (_name, input, message) => {
		const attempt = articles.create(db(), input as articles.ArticleInput);
		await expect(attempt).rejects.toThrow(articles.ArticleInputError);
		await expect(attempt).rejects.toThrow(message);
	});

	it('dedupes concurrent creates of the same article', async () => {
		const input = { raw: 'Raced upload.\n\nSame body.', meta: META };
		const results = await Promise.all([1, 2, 3].map(() => articles.create(db(), input)));
		expect(new Set(results.map((r) => r.id)).size).toBe(1);
	});
});

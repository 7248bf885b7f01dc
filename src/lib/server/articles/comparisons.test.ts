import { expect, it } from 'vitest';
import type { ArticleMeta } from '../../domain/types';
import * as articles from './article-versions';
import * as comparisons from './comparisons';
import { describeEachDatabase } from '../test-support/databases';

const META_A: ArticleMeta = { title: 'For the plan', outlet: 'Left Daily', genre: 'opinion' };
const META_B: ArticleMeta = { title: 'Against the plan', outlet: 'Right Weekly', genre: 'opinion' };
const MISSING = '00000000-0000-4000-8000-000000000000';

describeEachDatabase('comparisons', (current) => {
	const db = () => current().database.db;
	const pair = async (tag: string) => {
		const a = await articles.create(db(), { raw: `The plan is good. ${tag}`, meta: META_A });
		const b = await articles.create(db(), { raw: `The plan is bad. ${tag}`, meta: META_B });
		return { a, b };
	};

	it('creates a comparison and returns both articles in full', async () => {
		const { a, b } = await pair('create');
		const created = await comparisons.create(db(), {
			title: 'The plan',
			articleAId: a.id,
			articleBId: b.id
		});
		expect(created).toMatchObject({ title: 'The plan', slug: null, a, b });
		expect(await comparisons.get(db(), created.id)).toEqual(created);
		expect(JSON.parse(JSON.stringify(created))).toEqual(created);
	});

	it('finds a comparison by slug', async () => {
		const { a, b } = await pair('slug');
		const created = await comparisons.create(db(), {
			slug: 'by-slug',
			title: 'Slugged',
			articleAId: a.id,
			articleBId: b.id
		});
		expect(await comparisons.getBySlug(db(), 'by-slug')).toEqual(created);
		expect(await comparisons.getBySlug(db(), 'no-such-slug')).toBeUndefined();
		// what no slug can be names nothing (PostgreSQL cannot even compare a NUL: it was a 500)
		for (const hostile of ['by-slug\u0000', '\u0000', 'by\ud800slug', 'x'.repeat(10_000)])
			expect(await comparisons.getBySlug(db(), hostile)).toBeUndefined();
		expect(await comparisons.get(db(), `${MISSING}\u0000`)).toBeUndefined();
	});

	it('stores a title as one line and refuses one with NUL or a broken character', async () => {
		const { a, b } = await pair('titles');
		const input = { articleAId: a.id, articleBId: b.id };
		const made = await comparisons.create(db(), { ...input, title: ' Plan\r\n\tvote ' });
		expect(made.title).toBe('Plan vote');
		for (const title of ['Plan\u0000', 'Plan \ud800', ' \n '])
			await expect(comparisons.create(db(), { ...input, title })).rejects.toBeInstanceOf(
				comparisons.ComparisonInputError
			);
	});

	it('refuses a second comparison with the same slug', async () => {
		const { a, b } = await pair('dup-slug');
		const input = { slug: 'taken', title: 'One', articleAId: a.id, articleBId: b.id };
		await comparisons.create(db(), input);
		await expect(comparisons.create(db(), input)).rejects.toThrow();
	});

	it('allows many comparisons without a slug, even of the same articles', async () => {
		const { a, b } = await pair('no-slug');
		const input = { title: 'Same pair', articleAId: a.id, articleBId: b.id };
		const first = await comparisons.create(db(), input);
		const second = await comparisons.create(db(), input);
		expect(second.id).not.toBe(first.id);
	});

	it.each([
		['unknown id', MISSING],
		['malformed id', 'seed']
	])('get returns undefined for an %s', async (_name, id) => {
		expect(await comparisons.get(db(), id)).toBeUndefined();
	});

	it.each([
		['an unknown article', (id: string) => ({ title: 'T', articleAId: id, articleBId: MISSING })],
		['a malformed article id', (id: string) => ({ title: 'T', articleAId: id, articleBId: 'x' })],
		['an empty title', (id: string) => ({ title: ' ', articleAId: id, articleBId: id })]
	])('refuses %s', async (_name, input) => {
		const { a } = await pair('refuse');
		await expect(comparisons.create(db(), input(a.id))).rejects.toThrow(
			comparisons.ComparisonInputError
		);
	});

	it('updates title and article versions', async () => {
		const { a, b } = await pair('update');
		const created = await comparisons.create(db(), {
			title: 'Before',
			articleAId: a.id,
			articleBId: b.id
		});
		const b2 = await articles.create(db(), {
			raw: 'The plan is worse.',
			meta: META_B,
			previousId: b.id
		});
		const updated = await comparisons.update(db(), created.id, {
			title: 'After',
			articleBId: b2.id
		});
		expect(updated).toMatchObject({ id: created.id, title: 'After', a, b: b2 });
		await expect(comparisons.update(db(), created.id, { articleAId: MISSING })).rejects.toThrow(
			comparisons.ComparisonInputError
		);
		expect(await comparisons.update(db(), MISSING, { title: 'x' })).toBeUndefined();
	});

	it('lists comparisons newest first with article summaries', async () => {
		const { a, b } = await pair('list');
		const created = await comparisons.create(db(), {
			title: 'Listed',
			articleAId: a.id,
			articleBId: b.id
		});
		const listed = await comparisons.list(db());
		const entry = listed.find((c) => c.id === created.id);
		expect(entry?.a).toEqual({
			id: a.id,
			version: a.version,
			meta: a.meta,
			origin: null,
			previousId: null,
			createdAt: a.createdAt
		});
		expect(entry?.b.id).toBe(b.id);
		expect(entry && 'text' in entry.a).toBe(false);
		const times = listed.map((c) => c.createdAt);
		expect(times).toEqual([...times].sort().reverse());
	});
});

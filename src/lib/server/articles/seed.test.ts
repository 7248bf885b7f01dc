import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterAll, expect, it } from 'vitest';
import { segmentArticle } from '../../domain/text';
import * as comparisons from './comparisons';
import { comparison } from '../db/schema';
import { describeEachDatabase } from '../test-support/databases';
import { ensureSeedComparison, readSeedManifest } from './seed';

const SEEDS = fileURLToPath(new URL('../../../../seeds', import.meta.url));
const copies: string[] = [];

/** A private copy of the seeds with its own slug, so tests can edit it. */
function copySeeds(slug: string): string {
	const dir = mkdtempSync(join(tmpdir(), 'parallax-seeds-'));
	copies.push(dir);
	cpSync(SEEDS, dir, { recursive: true });
	editManifest(dir, (m) => (m.comparison.slug = slug));
	return dir;
}

function editManifest(
	dir: string,
	edit: (m: Awaited<ReturnType<typeof readSeedManifest>>) => void
) {
	const path = join(dir, 'seeds.json');
	const manifest = JSON.parse(readFileSync(path, 'utf8'));
	edit(manifest);
	writeFileSync(path, JSON.stringify(manifest));
}

afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describeEachDatabase('ensureSeedComparison', (current) => {
	const db = () => current().database.db;
	const countSlug = async (slug: string) =>
		(await db().select().from(comparison).where(eq(comparison.slug, slug))).length;

	it('creates the seed comparison once; later calls change nothing', async () => {
		const first = await ensureSeedComparison(db(), SEEDS);
		const second = await ensureSeedComparison(db(), SEEDS);
		expect(first.status).toBe('created');
		expect(second.status).toBe('unchanged');
		expect(second.comparison).toEqual(first.comparison);
		expect(await countSlug('seed')).toBe(1);
	});

	it('stores the seed texts with the segmentation segmentArticle gives them', async () => {
		const manifest = await readSeedManifest(SEEDS);
		const view = await comparisons.getBySlug(db(), 'seed');
		expect(view?.title).toBe(manifest.comparison.title);
		const sides = [view?.a, view?.b];
		manifest.articles.forEach((seed, i) => {
			const expected = segmentArticle(readFileSync(join(SEEDS, seed.file), 'utf8'));
			const { file: _file, ...meta } = seed;
			expect(sides[i]?.meta).toEqual(meta);
			expect(sides[i]?.text).toBe(expected.text);
			expect(sides[i]?.sentences).toEqual(expected.sentences);
			expect(sides[i]?.paragraphs).toEqual(expected.paragraphs);
		});
	});

	it('follows edited seed files with new article versions', async () => {
		const dir = copySeeds('seed-edited');
		const before = await ensureSeedComparison(db(), dir);
		const { articles: seeds } = await readSeedManifest(dir);
		const fileB = join(dir, seeds[1].file);
		writeFileSync(fileB, `${readFileSync(fileB, 'utf8')}\n\nA paragraph added later.\n`);
		const after = await ensureSeedComparison(db(), dir);
		expect(after.status).toBe('updated');
		expect(after.comparison.id).toBe(before.comparison.id);
		expect(after.comparison.a.id).toBe(before.comparison.a.id);
		expect(after.comparison.b.id).not.toBe(before.comparison.b.id);
		expect(after.comparison.b.previousId).toBe(before.comparison.b.id);
		expect(after.comparison.b.text).toContain('A paragraph added later.');

		editManifest(dir, (m) => (m.comparison.title = 'A new title'));
		const retitled = await ensureSeedComparison(db(), dir);
		expect(retitled.status).toBe('updated');
		expect(retitled.comparison.title).toBe('A new title');
		expect((await ensureSeedComparison(db(), dir)).status).toBe('unchanged');
		expect(await countSlug('seed-edited')).toBe(1);
	});

	it('makes one comparison when instances seed at the same time', async () => {
		const dir = copySeeds('seed-raced');
		const results = await Promise.all([1, 2, 3].map(() => ensureSeedComparison(db(), dir)));
		expect(results.map((r) => r.status).sort()).toEqual(['created', 'unchanged', 'unchanged']);
		expect(await countSlug('seed-raced')).toBe(1);
	});

	it.each([
		['a missing seeds dir', (dir: string) => rmSync(join(dir, 'seeds.json')), /SEEDS_DIR/],
		[
			'a manifest with one article',
			(dir: string) => editManifest(dir, (m) => m.articles.pop()),
			/exactly two/
		],
		[
			'a manifest without a slug',
			(dir: string) => editManifest(dir, (m) => (m.comparison.slug = '')),
			/slug/
		]
	])('fails clearly on %s', async (_name, damage, message) => {
		const dir = copySeeds('seed-broken');
		damage(dir);
		await expect(ensureSeedComparison(db(), dir)).rejects.toThrow(message);
	});
});

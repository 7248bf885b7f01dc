import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { isSlug } from '../../domain/text';
import type { ArticleMeta } from '../../domain/types';
import * as articles from './article-versions';
import * as comparisons from './comparisons';
import type { ComparisonView } from './comparisons';
import type { Db } from '../db/connect';

/** One article of seeds/seeds.json: its text file plus the metadata shown on its card. */
interface SeedArticle extends Omit<ArticleMeta, 'sourceUrl'> {
	file: string;
	sourceUrl?: string;
}

/** seeds/seeds.json: the comparison the app opens with. */
interface SeedManifest {
	comparison: { slug: string; title: string };
	articles: [SeedArticle, SeedArticle];
}

/** What ensureSeedComparison did, for the start-up log. */
interface SeedResult {
	comparison: ComparisonView;
	status: 'created' | 'updated' | 'unchanged';
}

/** Arbitrary key for pg_advisory_xact_lock: instances starting together seed one at a time. */
const SEED_LOCK_KEY = 0x53454544; // 'SEED'

function fail(path: string, what: string): never {
	throw new Error(`${path}: ${what}`);
}

/** Read and check seeds.json; errors name the file and the field. */
export async function readSeedManifest(seedsDir: string): Promise<SeedManifest> {
	const path = join(seedsDir, 'seeds.json');
	let data: unknown;
	try {
		data = JSON.parse(await readFile(path, 'utf8'));
	} catch (e) {
		fail(path, `cannot read the seed manifest (${(e as Error).message}); set SEEDS_DIR`);
	}
	const m = data as Partial<SeedManifest>;
	const c = m.comparison;
	if (typeof c?.slug !== 'string' || !isSlug(c.slug) || typeof c.title !== 'string' || !c.title) {
		fail(path, 'comparison needs a slug (a-z, 0-9 and dashes) and a title');
	}
	if (!Array.isArray(m.articles) || m.articles.length !== 2) {
		fail(path, 'articles must list exactly two articles');
	}
	m.articles.forEach((a, i) => {
		if (typeof a?.file !== 'string' || typeof a.title !== 'string' || typeof a.genre !== 'string') {
			fail(path, `articles[${i}] needs file, title and genre`);
		}
	});
	return m as SeedManifest;
}

function metaOf(seed: SeedArticle): ArticleMeta {
	const { file: _file, ...meta } = seed;
	return meta;
}

/**
 * Make sure the seed comparison exists and shows the current seed files. Safe on every start:
 * unchanged files change nothing; an edited file becomes a new article version (previous_id =
 * the one shown before) and the comparison is re-pointed at it.
 */
export async function ensureSeedComparison(
	db: Db,
	seedsDir: string = process.env.SEEDS_DIR || './seeds'
): Promise<SeedResult> {
	const manifest = await readSeedManifest(seedsDir);
	const raws = await Promise.all(
		manifest.articles.map((a) => readFile(join(seedsDir, a.file), 'utf8'))
	);
	const { slug, title } = manifest.comparison;
	return db.transaction(async (tx) => {
		await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
		const existing = await comparisons.getBySlug(tx, slug);
		const shown = [existing?.a, existing?.b];
		// one after the other: each create is a savepoint on this transaction's one connection
		const stored = [];
		for (const [i, seed] of manifest.articles.entries()) {
			const input = { raw: raws[i], meta: metaOf(seed), previousId: shown[i]?.id };
			stored.push(await articles.create(tx, input));
		}
		const [a, b] = stored;
		if (!existing) {
			const comparison = await comparisons.create(tx, {
				slug,
				title,
				articleAId: a.id,
				articleBId: b.id
			});
			return { comparison, status: 'created' };
		}
		if (existing.title === title && existing.a.id === a.id && existing.b.id === b.id) {
			return { comparison: existing, status: 'unchanged' };
		}
		const comparison = await comparisons.update(tx, existing.id, {
			title,
			articleAId: a.id,
			articleBId: b.id
		});
		if (!comparison) throw new Error(`seed comparison ${existing.id} vanished during update`);
		return { comparison, status: 'updated' };
	});
}

import { and, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { ENGINE_VERSION } from '../../domain/analysis';
import { ACCENTED_LETTERS, PLAIN_LETTERS, foldAccents } from '../../domain/text';
import type { ArticleMeta } from '../../domain/types';
import { getAnalysis } from './analysis';
import { editRefusal, REFUSAL_LABELS, type Owned } from './ownership';
import * as comparisons from './comparisons';
import type { Db } from '../db/connect';
import { analysis, article, comparison } from '../db/schema';

// The library: every comparison with enough to choose one (titles, outlets, dates, how much the
// engine found and how much the reader annotated), searchable on the server by ?q=.

/** One article as the library shows it. */
type LibraryArticle = Pick<ArticleMeta, 'title' | 'outlet' | 'author' | 'date'>;

/** One comparison in the library. */
export interface LibraryEntry {
	id: string;
	slug: string | null;
	title: string;
	createdAt: string;
	a: LibraryArticle;
	b: LibraryArticle;
	/** shared facts the engine suggests (null: not analysed yet; 'hidden': the reader's class hides them) */
	suggestions: number | 'hidden' | null;
	/** the reader's annotations on it (null: not counted) */
	annotations: number | null;
	/** null when this browser may edit it (it made it); otherwise why it is read-only */
	readOnly: string | null;
}

/** Options of a library listing. */
interface ListOptions {
	/** words to find in the comparison's or its articles' titles, outlets and authors */
	q?: string;
	/** the reader's annotation counts by comparison id (personal-rooms.countAnnotations) */
	countAnnotations?: (ids: string[]) => Promise<Map<string, number>>;
	/** at most this many missing analyses are computed (and cached) by one listing */
	analyseMissing?: number;
	/** the reader's workspace (null without a cookie): their own comparisons are editable */
	workspaceId?: string | null;
	/** whether the reader's class hides the suggestions on these two article versions now */
	held?: (versions: { a: { version: string }; b: { version: string } }) => boolean;
}

/** Longest search accepted; longer ones are cut (nobody types more into a search box). */
export const MAX_QUERY = 200;
/** Entries per listing: far more than a class needs, bounded for a hostile database. */
const LIMIT = 500;

const articleA = alias(article, 'article_a');
const articleB = alias(article, 'article_b');

/** A LIKE pattern that matches `word` literally anywhere (%, _ and \ escaped). */
export function containsPattern(word: string): string {
	return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Every word of the query must match one of the searched fields (an AND of ORs). */
function searchCondition(q: string): SQL | undefined {
	const words = q.slice(0, MAX_QUERY).split(/\s+/).filter(Boolean).slice(0, 10);
	if (words.length === 0) return undefined;
	const fields = [
		comparison.title,
		articleA.title,
		articleA.outlet,
		articleA.author,
		articleB.title,
		articleB.outlet,
		articleB.author
	];
	// accents folded on both sides: "alpha" finds "Älpha", "jose" finds "José"
	const folded = fields.map((f) => sql`translate(${f}, ${ACCENTED_LETTERS}, ${PLAIN_LETTERS})`);
	return and(
		...words.map((w) => or(...folded.map((f) => ilike(f, containsPattern(foldAccents(w))))))
	);
}

function libraryArticle(row: {
	title: string;
	outlet: string | null;
	author: string | null;
	published: string | null;
}): LibraryArticle {
	const out: LibraryArticle = { title: row.title };
	if (row.outlet) out.outlet = row.outlet;
	if (row.author) out.author = row.author;
	if (row.published) out.date = row.published;
	return out;
}

const articleColumns = (t: typeof articleA | typeof articleB) => ({
	title: t.title,
	outlet: t.outlet,
	author: t.author,
	published: t.published
});

/** Why this reader may not edit a comparison, as the library says it (null: they may). */
function readOnlyLabel(owned: Owned, workspaceId: string | null): string | null {
	const refusal = editRefusal(owned, workspaceId);
	return refusal && REFUSAL_LABELS[refusal];
}

/**
 * The library, newest first: comparisons matching `q` with their suggestion counts from the
 * analysis cache. A few uncached analyses (the seed's on a fresh server) are computed here,
 * since the engine is deterministic and every later page reuses the cached result.
 */
export async function list(db: Db, options: ListOptions = {}): Promise<LibraryEntry[]> {
	const rows = await db
		.select({
			c: comparison,
			a: articleColumns(articleA),
			b: articleColumns(articleB),
			aVersion: articleA.contentHash,
			bVersion: articleB.contentHash,
			suggestions: sql<
				number | null
			>`jsonb_array_length(${analysis.result} -> 'sharedFacts')`.mapWith((v) =>
				v === null ? null : Number(v)
			)
		})
		.from(comparison)
		.innerJoin(articleA, eq(comparison.articleAId, articleA.id))
		.innerJoin(articleB, eq(comparison.articleBId, articleB.id))
		.leftJoin(
			analysis,
			and(
				eq(analysis.aHash, articleA.contentHash),
				eq(analysis.bHash, articleB.contentHash),
				eq(analysis.engineVersion, ENGINE_VERSION)
			)
		)
		.where(searchCondition(options.q ?? ''))
		.orderBy(desc(comparison.createdAt), desc(comparison.id))
		.limit(LIMIT);
	const held = options.held ?? (() => false);
	const entries: LibraryEntry[] = rows.map(({ c, a, b, aVersion, bVersion, suggestions }) => ({
		id: c.id,
		slug: c.slug,
		title: c.title,
		createdAt: c.createdAt.toISOString(),
		a: libraryArticle(a),
		b: libraryArticle(b),
		// not even a count while the reader's class hides the suggestions on these texts
		suggestions: held({ a: { version: aVersion }, b: { version: bVersion } })
			? 'hidden'
			: suggestions,
		annotations: null,
		readOnly: readOnlyLabel(c, options.workspaceId ?? null)
	}));
	let budget = options.analyseMissing ?? 0;
	for (const entry of entries) {
		if (entry.suggestions !== null || budget-- <= 0) continue;
		const view = await comparisons.get(db, entry.id);
		if (view) entry.suggestions = (await getAnalysis(db, view)).sharedFacts.length;
	}
	if (options.countAnnotations && entries.length > 0) {
		const counts = await options.countAnnotations(entries.map((e) => e.id));
		for (const entry of entries) entry.annotations = counts.get(entry.id) ?? 0;
	}
	return entries;
}

/** How many comparisons the library holds (for tests and the page's summary). */
export async function count(db: Db): Promise<number> {
	const [row] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(comparison);
	return row.n;
}

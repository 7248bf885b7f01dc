import { desc, eq, inArray, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { isSlug, labelMessage, labelProblem, oneLine } from '../../domain/text';
import { toSummary, toView, type ArticleSummary, type ArticleView } from './article-versions';
import type { Db } from '../db/connect';
import { article, comparison, type ComparisonRow } from '../db/schema';
import { isUuid } from '../http';

/** A comparison with both article versions, ready for the reading view. */
export interface ComparisonView {
	id: string;
	slug: string | null;
	title: string;
	a: ArticleView;
	b: ArticleView;
	createdAt: string;
}

/** A comparison for lists: article metadata without the texts. */
interface ComparisonSummary {
	id: string;
	slug: string | null;
	title: string;
	a: ArticleSummary;
	b: ArticleSummary;
	createdAt: string;
}

/** What a caller hands over to create a comparison. */
interface ComparisonInput {
	title: string;
	articleAId: string;
	articleBId: string;
	slug?: string | null;
	/** the browser (workspace) that makes it: the only one that may edit it */
	ownerWorkspaceId?: string | null;
}

/** What update() may change: a comparison can be re-pointed at newer article versions. */
type ComparisonChanges = Partial<Pick<ComparisonInput, 'title' | 'articleAId' | 'articleBId'>>;

/** Input that cannot become a comparison (a route answers it with 400). */
export class ComparisonInputError extends Error {
	override name = 'ComparisonInputError';
}

const articleA = alias(article, 'article_a');
const articleB = alias(article, 'article_b');

/** Load comparisons with both articles in one round trip. */
async function selectViews(db: Db, where: SQL): Promise<ComparisonView[]> {
	const rows = await db
		.select({ c: comparison, a: articleA, b: articleB })
		.from(comparison)
		.innerJoin(articleA, eq(comparison.articleAId, articleA.id))
		.innerJoin(articleB, eq(comparison.articleBId, articleB.id))
		.where(where);
	return rows.map(({ c, a, b }) => ({ ...head(c), a: toView(a), b: toView(b) }));
}

function head(c: ComparisonRow) {
	return { id: c.id, slug: c.slug, title: c.title, createdAt: c.createdAt.toISOString() };
}

/** All comparisons, newest first, with their articles' metadata. */
export async function list(db: Db): Promise<ComparisonSummary[]> {
	const rows = await db
		.select({
			c: comparison,
			a: summaryOf(articleA),
			b: summaryOf(articleB)
		})
		.from(comparison)
		.innerJoin(articleA, eq(comparison.articleAId, articleA.id))
		.innerJoin(articleB, eq(comparison.articleBId, articleB.id))
		.orderBy(desc(comparison.createdAt));
	return rows.map(({ c, a, b }) => ({ ...head(c), a: toSummary(a), b: toSummary(b) }));
}

function summaryOf<T extends typeof articleA | typeof articleB>(t: T) {
	return {
		id: t.id,
		contentHash: t.contentHash,
		title: t.title,
		outlet: t.outlet,
		author: t.author,
		published: t.published,
		genre: t.genre,
		sourceUrl: t.sourceUrl,
		origin: t.origin,
		previousId: t.previousId,
		createdAt: t.createdAt
	};
}

/** One comparison by id (undefined for unknown or malformed ids). */
export async function get(db: Db, id: string): Promise<ComparisonView | undefined> {
	if (!isUuid(id)) return undefined;
	const [view] = await selectViews(db, eq(comparison.id, id));
	return view;
}

/** One comparison by its slug, e.g. getBySlug(db, 'seed') (undefined for what is no slug). */
export async function getBySlug(db: Db, slug: string): Promise<ComparisonView | undefined> {
	if (!isSlug(slug)) return undefined;
	const [view] = await selectViews(db, eq(comparison.slug, slug));
	return view;
}

async function assertArticles(db: Db, ids: string[]): Promise<void> {
	const wanted = [...new Set(ids)];
	if (!wanted.every(isUuid)) throw new ComparisonInputError('unknown article id');
	const found = await db
		.select({ id: article.id })
		.from(article)
		.where(inArray(article.id, wanted));
	if (found.length !== wanted.length) throw new ComparisonInputError('unknown article id');
}

/** A comparison title as one line; refused when empty or holding a control or broken character. */
function checkTitle(title: string): string {
	const clean = typeof title === 'string' ? oneLine(title) : '';
	if (!clean) throw new ComparisonInputError('a comparison needs a title');
	const problem = labelProblem(clean);
	if (problem) throw new ComparisonInputError(labelMessage('The title', problem));
	return clean;
}

/** Create a comparison of two stored article versions. */
export async function create(db: Db, input: ComparisonInput): Promise<ComparisonView> {
	const title = checkTitle(input.title);
	await assertArticles(db, [input.articleAId, input.articleBId]);
	const [row] = await db
		.insert(comparison)
		.values({
			title,
			slug: input.slug ?? null,
			articleAId: input.articleAId,
			articleBId: input.articleBId,
			ownerWorkspaceId: input.ownerWorkspaceId ?? null
		})
		.returning({ id: comparison.id });
	const view = await get(db, row.id);
	if (!view) throw new Error(`comparison ${row.id} vanished after insert`);
	return view;
}

/** Change a comparison's title or point it at other article versions. */
export async function update(
	db: Db,
	id: string,
	changes: ComparisonChanges
): Promise<ComparisonView | undefined> {
	if (!isUuid(id)) return undefined;
	const set: ComparisonChanges = {};
	if (changes.title !== undefined) set.title = checkTitle(changes.title);
	if (changes.articleAId !== undefined) set.articleAId = changes.articleAId;
	if (changes.articleBId !== undefined) set.articleBId = changes.articleBId;
	const ids = [set.articleAId, set.articleBId].filter((x): x is string => x !== undefined);
	if (ids.length) await assertArticles(db, ids);
	if (Object.keys(set).length) await db.update(comparison).set(set).where(eq(comparison.id, id));
	return get(db, id);
}

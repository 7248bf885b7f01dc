import { eq, inArray } from 'drizzle-orm';
import type { ComparisonTexts } from '../../domain/annotation';
import { article, comparison } from '../db/schema';
import { isUuid } from '../http';
import { RecentMap } from '../db/recent-map';
import type { Queryable } from './actor';

// A comparison's current articles as a write checks its passages against them: their row ids,
// versions and normalised texts, the texts kept in memory (an article row never changes).

/** One article of a comparison as stored now: its row id, version and normalised text. */
interface CurrentArticle {
	id: string;
	version: string;
	text: string;
}

/** A comparison's two current article versions. */
export interface ComparisonArticles {
	id: string;
	title: string;
	a: CurrentArticle;
	b: CurrentArticle;
}

/** Article versions kept in memory: a row never changes (an edit makes a new row), so never stale. */
const articles = new RecentMap<string, { version: string; text: string }>(64);

/**
 * Article rows' versions and normalised texts by id, from memory when seen before: every write
 * checks its passages against the texts, and reading both texts (and joining the article table)
 * per write was a large part of its cost.
 */
async function articleVersions(db: Queryable, ids: string[]): Promise<Map<string, CurrentArticle>> {
	const out = new Map<string, CurrentArticle>();
	const missing: string[] = [];
	for (const id of ids) {
		const known = articles.get(id);
		if (!known) missing.push(id);
		else out.set(id, { id, ...known });
	}
	if (missing.length === 0) return out;
	const rows = await db
		.select({ id: article.id, version: article.contentHash, text: article.text })
		.from(article)
		.where(inArray(article.id, missing));
	for (const { id, version, text } of rows) {
		out.set(id, { id, version, text });
		articles.set(id, { version, text });
	}
	return out;
}

/** Forget deleted article versions: a deleted text is kept nowhere, this memory included. */
export function forgetArticles(ids: Iterable<string>): void {
	for (const id of ids) articles.delete(id);
}

/** A comparison's row as a write needs it: its id, title and current article row ids. */
export interface ComparisonHead {
	id: string;
	title: string;
	aId: string;
	bId: string;
}

/** The columns of a ComparisonHead. */
export const comparisonHeadColumns = {
	id: comparison.id,
	title: comparison.title,
	aId: comparison.articleAId,
	bId: comparison.articleBId
};

/**
 * The comparison's current articles with their versions and texts (from memory when known), or
 * undefined when one is no longer stored: the comparison was deleted since `head` was read.
 */
export async function findComparisonArticles(
	db: Queryable,
	head: ComparisonHead
): Promise<ComparisonArticles | undefined> {
	const found = await articleVersions(db, [head.aId, head.bId]);
	const a = found.get(head.aId);
	const b = found.get(head.bId);
	return a && b ? { id: head.id, title: head.title, a, b } : undefined;
}

/** The comparison's current articles with their versions and texts (from memory when known). */
export async function completeComparison(
	db: Queryable,
	head: ComparisonHead
): Promise<ComparisonArticles> {
	const current = await findComparisonArticles(db, head);
	if (!current) throw new Error(`an article of comparison ${head.id} vanished`);
	return current;
}

/** The comparison's current articles (id, version, text), or undefined for unknown ids. */
export async function loadComparison(
	db: Queryable,
	comparisonId: string
): Promise<ComparisonArticles | undefined> {
	if (!isUuid(comparisonId)) return undefined;
	const [head] = await db
		.select(comparisonHeadColumns)
		.from(comparison)
		.where(eq(comparison.id, comparisonId));
	return head && completeComparison(db, head);
}

/** The texts validate.ts checks targets against. */
export function textsOf(c: ComparisonArticles): ComparisonTexts {
	return { a: c.a, b: c.b };
}

import { sql } from 'drizzle-orm';
import {
	check,
	index,
	jsonb,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uuid,
	type AnyPgColumn
} from 'drizzle-orm/pg-core';
// relative, not $lib: drizzle-kit and tsx scripts load this file without SvelteKit's aliases
import type { ArticleMeta, Paragraph, Sentence } from '../../domain/types';

/** Paragraphs and sentences of an article version, as segmentArticle produced them at creation. */
export interface StoredSegmentation {
	paragraphs: Paragraph[];
	sentences: Sentence[];
}

/** The genres an article can have (mirrors ArticleMeta['genre']). */
export type Genre = ArticleMeta['genre'];

/**
 * One immutable version of an article. Editing the text makes a new row whose `previous_id`
 * points at the old one, so annotations anchored to a version never see their offsets move.
 */
export const article = pgTable(
	'article',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		/** sha-256 hex of the normalised text: the article's version */
		contentHash: text('content_hash').notNull(),
		/** normalised text: the one coordinate system of every offset */
		text: text('text').notNull(),
		/** the text as it was given, before normalisation */
		raw: text('raw').notNull(),
		title: text('title').notNull(),
		outlet: text('outlet'),
		author: text('author'),
		/** ISO date, or a partial one (YYYY or YYYY-MM) when that is all the source says */
		published: text('published'),
		genre: text('genre').$type<Genre>().notNull(),
		sourceUrl: text('source_url'),
		segmentation: jsonb('segmentation').$type<StoredSegmentation>().notNull(),
		previousId: uuid('previous_id').references((): AnyPgColumn => article.id),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('article_content_hash_idx').on(t.contentHash),
		check('article_genre_check', sql`${t.genre} in ('opinion', 'report', 'analysis')`)
	]
);

/** Two article versions read side by side; the seed comparison has slug 'seed'. */
export const comparison = pgTable('comparison', {
	id: uuid('id').primaryKey().defaultRandom(),
	/** a stable, human-readable handle for well-known comparisons (nullable: most have none) */
	slug: text('slug').unique(),
	title: text('title').notNull(),
	articleAId: uuid('article_a_id')
		.notNull()
		.references(() => article.id),
	articleBId: uuid('article_b_id')
		.notNull()
		.references(() => article.id),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});

/**
 * Cache of the engine's output for an ordered pair of article versions. Keyed by content
 * hashes (not article ids) so metadata-only edits and duplicate uploads share one result.
 */
export const analysis = pgTable(
	'analysis',
	{
		aHash: text('a_hash').notNull(),
		bHash: text('b_hash').notNull(),
		engineVersion: text('engine_version').notNull(),
		result: jsonb('result').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.aHash, t.bHash, t.engineVersion] })]
);

/**
 * A personal workspace per browser, found by the hash of its cookie token (the token itself is
 * never stored). Annotations will reference `workspace_id`; classroom rooms will sit beside it.
 */
export const workspace = pgTable('workspace', {
	id: uuid('id').primaryKey().defaultRandom(),
	tokenHash: text('token_hash').notNull().unique(),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});

/** A stored article row. */
export type ArticleRow = typeof article.$inferSelect;
/** A stored comparison row. */
export type ComparisonRow = typeof comparison.$inferSelect;
/** A stored analysis row. */
export type AnalysisRow = typeof analysis.$inferSelect;
/** A stored workspace row. */
export type WorkspaceRow = typeof workspace.$inferSelect;

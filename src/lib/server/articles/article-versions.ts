import { createHash } from 'node:crypto';
import { desc, eq, sql } from 'drizzle-orm';
import { sameOrigin, toOrigin } from '../../domain/origin';
import type { ArticleMeta, ArticleOrigin, Paragraph, Sentence } from '../../domain/types';
import { hasContent, normalizeText, segmentArticle } from '../../domain/text';
import type { Db } from '../db/connect';
import { article, type ArticleRow, type Genre } from '../db/schema';
import { isUuid } from '../http';

/** An article version without its text: enough for lists and version histories. */
export interface ArticleSummary {
	id: string;
	/** sha-256 hex of the normalised text */
	version: string;
	meta: ArticleMeta;
	/** where the text came from; null for articles stored before origins were recorded */
	origin: ArticleOrigin | null;
	/** the version this one replaced, if any */
	previousId: string | null;
	createdAt: string;
}

/** One article version as the reading view needs it (plain, serialisable). */
export interface ArticleView extends ArticleSummary {
	/** normalised text: every offset points into it */
	text: string;
	paragraphs: Paragraph[];
	sentences: Sentence[];
}

/** What a caller hands over to store an article. */
export interface ArticleInput {
	/** the text as given; it is normalised and segmented here */
	raw: string;
	meta: ArticleMeta;
	/** where the text came from (a link, a file, pasted); unknown when left out */
	origin?: ArticleOrigin | null;
	/** set when this text is an edit of an earlier version */
	previousId?: string;
}

/** Input that cannot become an article (a route answers it with 400). */
export class ArticleInputError extends Error {
	override name = 'ArticleInputError';
}

const GENRES: readonly Genre[] = ['opinion', 'report', 'analysis'];

/** The version of an article: sha-256 hex of its normalised text. */
export function contentHash(text: string): string {
	return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The version a raw text will have once stored (its normalised text's hash), without segmenting it. */
export function versionOf(raw: string): string {
	return contentHash(normalizeText(raw).text);
}

// every column except the heavy ones (text, raw, segmentation)
const summaryColumns = {
	id: article.id,
	contentHash: article.contentHash,
	title: article.title,
	outlet: article.outlet,
	author: article.author,
	published: article.published,
	genre: article.genre,
	sourceUrl: article.sourceUrl,
	origin: article.origin,
	previousId: article.previousId,
	createdAt: article.createdAt
};

type SummaryRow = Pick<ArticleRow, keyof typeof summaryColumns>;

/** Map a row to its summary (camelCase, ISO dates, absent metadata left out). */
export function toSummary(row: SummaryRow): ArticleSummary {
	const meta: ArticleMeta = { title: row.title };
	if (row.genre !== null) meta.genre = row.genre;
	if (row.outlet !== null) meta.outlet = row.outlet;
	if (row.author !== null) meta.author = row.author;
	if (row.published !== null) meta.date = row.published;
	if (row.sourceUrl !== null) meta.sourceUrl = row.sourceUrl;
	return {
		id: row.id,
		version: row.contentHash,
		meta,
		// checked on the way out too: a row written by hand or by an older server may hold anything
		origin: toOrigin(row.origin) ?? null,
		previousId: row.previousId,
		createdAt: row.createdAt.toISOString()
	};
}

/** Map a full row to the reading view. */
export function toView(row: ArticleRow): ArticleView {
	return {
		...toSummary(row),
		text: row.text,
		paragraphs: row.segmentation.paragraphs,
		sentences: row.segmentation.sentences
	};
}

/** All article versions, newest first, without their text. */
export async function list(db: Db): Promise<ArticleSummary[]> {
	const rows = await db.select(summaryColumns).from(article).orderBy(desc(article.createdAt));
	return rows.map(toSummary);
}

/** One article version by id (undefined for unknown or malformed ids). */
export async function get(db: Db, id: string): Promise<ArticleView | undefined> {
	if (!isUuid(id)) return undefined;
	const [row] = await db.select().from(article).where(eq(article.id, id));
	return row && toView(row);
}

/** The newest article row whose text has this version (content hash). */
export async function getByVersion(db: Db, version: string): Promise<ArticleView | undefined> {
	const [row] = await db
		.select()
		.from(article)
		.where(eq(article.contentHash, version))
		.orderBy(desc(article.createdAt))
		.limit(1);
	return row && toView(row);
}

/** An article's history: this version first, then each one it replaced. */
export async function listVersions(db: Db, id: string): Promise<ArticleSummary[]> {
	const history: ArticleSummary[] = [];
	let next: string | null = isUuid(id) ? id : null;
	while (next) {
		const [row] = await db.select(summaryColumns).from(article).where(eq(article.id, next));
		if (!row) break;
		history.push(toSummary(row));
		next = row.previousId;
	}
	return history;
}

/** Trimmed metadata with empty strings as null, the form stored and compared for dedupe. */
function storedMeta(meta: ArticleMeta) {
	const clean = (v: string | undefined) => (v?.trim() ? v.trim() : null);
	return {
		title: meta.title.trim(),
		outlet: clean(meta.outlet),
		author: clean(meta.author),
		published: clean(meta.date),
		genre: meta.genre ?? null,
		sourceUrl: clean(meta.sourceUrl)
	};
}

function validate(input: ArticleInput): void {
	const { raw, meta } = input;
	if (typeof meta?.title !== 'string' || !meta.title.trim()) {
		throw new ArticleInputError('an article needs a title');
	}
	// no genre is honest (nobody said); a genre given must be one of ours
	if (meta.genre !== undefined && !GENRES.includes(meta.genre)) {
		throw new ArticleInputError(`genre must be one of ${GENRES.join(', ')}, or left out`);
	}
	const strings = [raw, meta.title, meta.outlet, meta.author, meta.date, meta.sourceUrl];
	// PostgreSQL text cannot hold U+0000: refuse it here rather than fail inside the insert
	if (strings.some((s) => typeof s === 'string' && s.includes('\0'))) {
		throw new ArticleInputError('article text or metadata contains a NUL character');
	}
	if (input.previousId !== undefined && !isUuid(input.previousId)) {
		throw new ArticleInputError('previousId is not an article id');
	}
}

/**
 * Store an article version: normalise and segment the raw text, hash it, and reuse an existing
 * row when one has the same version, metadata and origin (so re-uploads and the seed do not
 * pile up duplicates; a new fetch of a link is a new row, since its time differs). Otherwise insert a new immutable row.
 */
export async function create(db: Db, input: ArticleInput): Promise<ArticleView> {
	validate(input);
	const segmented = segmentArticle(input.raw);
	if (!segmented.text.trim()) throw new ArticleInputError('the article has no text');
	// the ingest gate (checkText) refuses these with a message; this keeps any other caller honest
	if (!hasContent(segmented.text))
		throw new ArticleInputError('the article has no word of two letters or more');
	const hash = contentHash(segmented.text);
	const meta = storedMeta(input.meta);
	const origin = toOrigin(input.origin) ?? null;
	return db.transaction(async (tx) => {
		// serialise creates of the same text so two concurrent uploads cannot both insert
		await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${hash}, 0))`);
		const candidates = await tx.select().from(article).where(eq(article.contentHash, hash));
		const same = candidates.find(
			(row) =>
				(Object.keys(meta) as (keyof typeof meta)[]).every((k) => row[k] === meta[k]) &&
				sameOrigin(toOrigin(row.origin) ?? null, origin)
		);
		if (same) return toView(same);
		if (input.previousId) {
			const [previous] = await tx
				.select({ id: article.id })
				.from(article)
				.where(eq(article.id, input.previousId));
			if (!previous) throw new ArticleInputError('previousId is not an article id');
		}
		const [row] = await tx
			.insert(article)
			.values({
				...meta,
				origin,
				contentHash: hash,
				text: segmented.text,
				raw: input.raw,
				segmentation: { paragraphs: segmented.paragraphs, sentences: segmented.sentences },
				previousId: input.previousId ?? null
			})
			.returning();
		return toView(row);
	});
}

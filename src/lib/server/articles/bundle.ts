import { eq, inArray } from 'drizzle-orm';
import {
	fromAnnotationCollection,
	type ImportError,
	type JsonObject
} from '../../domain/annotation';
import { labelMessage, labelProblem, oneLine, segmentArticle } from '../../domain/text';
import { toOrigin } from '../../domain/origin';
import type { ArticleMeta, ArticleOrigin, Side } from '../../domain/types';
import type { Actor } from '../annotations';
import { exportJsonLd, importCollection } from '../annotations';
import * as articles from './article-versions';
import { getAnalysis } from './analysis';
import * as comparisons from './comparisons';
import type { ComparisonView } from './comparisons';
import type { Db } from '../db/connect';
import { article, comparison } from '../db/schema';
import {
	META_FIELDS,
	SIDES,
	checkArticleMeta,
	storeComparison,
	type MetaField
} from './ingest/new-comparison';
import { decodeText, looksBinary } from './ingest/decode';
import { checkText, type Checked } from './ingest/text-checks';

// A whole comparison as one file: both raw texts, their metadata and the reader's annotations
// (W3C JSON-LD), so it can be exported here and imported on another Parallax server.

/** What the file says it is. */
export const BUNDLE_KIND = 'comparison-bundle';
/** The format version this server writes and reads. */
export const BUNDLE_VERSION = 1;
/** A bundle holds two 200,000-character texts and a class's annotations: far below this. */
const MAX_BUNDLE_BYTES = 16 * 1024 * 1024;
/** Problems listed before the rest are summed up. */
const MAX_PROBLEMS = 10;
/** Where a comparison file comes from, by the link's name in the library (LibraryItem.svelte). */
const WHERE_FROM = 'A comparison file is made by “Download as one file” in the library.';

/** The file: `{ parallax, version, comparison: { title }, articles: { a, b }, annotations }`. */
export interface ComparisonBundle {
	parallax: typeof BUNDLE_KIND;
	version: typeof BUNDLE_VERSION;
	comparison: { title: string };
	/** each article's text and metadata, and where the text came from (null: not recorded) */
	articles: Record<Side, { raw: string; meta: ArticleMeta; origin: ArticleOrigin | null }>;
	/** the reader's annotations as a W3C AnnotationCollection */
	annotations: JsonObject;
}

/** A bundle that passed every check, ready to store. */
interface CheckedBundle {
	title: string;
	a: articles.ArticleInput;
	b: articles.ArticleInput;
	/** the annotation collection, when it holds any annotations */
	annotations: JsonObject | null;
	/** how many annotations it holds */
	annotationCount: number;
}

/**
 * The comparison `comparisonId` as a bundle: raw texts and metadata of its current article
 * versions, and the actor's annotations exported by the annotation module.
 */
export async function exportBundle(
	db: Db,
	actor: Actor,
	comparisonId: string,
	baseUrl: string
): Promise<ComparisonBundle | undefined> {
	const view = await comparisons.get(db, comparisonId);
	if (!view) return undefined;
	const rows = await db
		.select({ id: article.id, raw: article.raw })
		.from(article)
		.where(inArray(article.id, [view.a.id, view.b.id]));
	const raw = (side: Side) => rows.find((r) => r.id === view[side].id)?.raw ?? view[side].text;
	return {
		parallax: BUNDLE_KIND,
		version: BUNDLE_VERSION,
		comparison: { title: view.title },
		articles: {
			a: { raw: raw('a'), meta: view.a.meta, origin: view.a.origin },
			b: { raw: raw('b'), meta: view.b.meta, origin: view.b.origin }
		},
		annotations: await exportJsonLd(db, actor, view.id, baseUrl)
	};
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/** The file's bytes to JSON, or why they are not a bundle's. */
export function parseBundleBytes(bytes: Uint8Array): Checked<unknown> {
	if (bytes.length === 0) return { ok: false, message: 'This file is empty.' };
	if (bytes.length > MAX_BUNDLE_BYTES) {
		return { ok: false, message: 'This file is too large for a comparison file.' };
	}
	if (looksBinary(bytes)) {
		return { ok: false, message: 'This file looks binary; a comparison file is JSON text.' };
	}
	const text = decodeText(bytes);
	if (!text.ok) return text;
	try {
		return { ok: true, value: JSON.parse(text.value) };
	} catch {
		// the parser's own words ("Unexpected token … at position 3") tell a teacher nothing
		return {
			ok: false,
			message: `This is not a Parallax comparison file: it is not valid JSON (cut short, edited, or another kind of file). ${WHERE_FROM}`
		};
	}
}

function checkSide(raw: unknown, side: Side, problems: string[]): articles.ArticleInput | null {
	const label = `Article ${side.toUpperCase()}`;
	if (!isRecord(raw) || typeof raw.raw !== 'string' || !isRecord(raw.meta)) {
		problems.push(`${label}: the file needs its text ("raw") and its metadata ("meta").`);
		return null;
	}
	const text = checkText(raw.raw);
	if (!text.ok) problems.push(`${label}: ${text.message}`);
	const metaIn = raw.meta;
	const fields = Object.fromEntries(
		META_FIELDS.map((f) => [f, typeof metaIn[f] === 'string' ? metaIn[f] : ''])
	) as Record<MetaField, string>;
	const checked = checkArticleMeta(fields);
	if (!checked.meta.title) problems.push(`${label}: the title is missing.`);
	for (const [field, message] of Object.entries(checked.errors)) {
		problems.push(`${label}, ${field}: ${message}`);
	}
	// files from before origins were recorded have none: the article's origin stays unknown
	const origin = raw.origin === undefined || raw.origin === null ? null : toOrigin(raw.origin);
	if (origin === undefined) {
		problems.push(
			`${label}, origin: not understood (it needs "kind": "link" with "url" and "fetchedAt", "file" with "name", or "pasted").`
		);
	}
	return text.ok ? { raw: text.value, meta: checked.meta, origin } : null;
}

/** Which of the file's annotations a problem is about ("Annotations": all of them). */
function itemLabel(e: ImportError): string {
	return e.item === null ? 'Annotations' : `Annotation ${e.item + 1}`;
}

/** Counts how many items the collection's first page lists (0 for none or a broken shape). */
function itemCount(annotations: unknown): number {
	if (!isRecord(annotations)) return 0;
	const first = annotations.first;
	return isRecord(first) && Array.isArray(first.items) ? first.items.length : 0;
}

/**
 * Checks a parsed bundle completely before anything is stored: its kind and version, both
 * articles (text as a paste is checked, metadata as the form's), and every annotation against
 * the texts as they will be stored (so an import never stores half a file).
 * @example checkBundle({}) // { ok: false, problems: ['This is not a Parallax comparison file…'] }
 */
export function checkBundle(
	json: unknown
): { ok: true; value: CheckedBundle } | { ok: false; problems: string[] } {
	if (!isRecord(json) || json.parallax !== BUNDLE_KIND) {
		return {
			ok: false,
			problems: [
				`This is not a Parallax comparison file (it has no "parallax": "comparison-bundle"). ${WHERE_FROM}`
			]
		};
	}
	if (json.version !== BUNDLE_VERSION) {
		const newer = typeof json.version === 'number' && json.version > BUNDLE_VERSION;
		return {
			ok: false,
			problems: [
				newer
					? `This file was made by a newer Parallax (format ${json.version}); this server reads format ${BUNDLE_VERSION}.`
					: `This comparison file has an unknown format version (${JSON.stringify(json.version)}).`
			]
		};
	}
	const problems: string[] = [];
	const title = isRecord(json.comparison) ? json.comparison.title : undefined;
	if (typeof title !== 'string' || !title.trim() || title.length > 300) {
		problems.push('The comparison needs a title (up to 300 characters).');
	} else {
		const problem = labelProblem(oneLine(title));
		if (problem) problems.push(labelMessage('The comparison’s title', problem));
	}
	const sides = isRecord(json.articles) ? json.articles : {};
	const [a, b] = SIDES.map((side) => checkSide(sides[side], side, problems));
	let annotations: JsonObject | null = null;
	let annotationCount = 0;
	if (a && b && json.annotations !== undefined && json.annotations !== null) {
		const texts = Object.fromEntries(
			SIDES.map((side, i) => {
				const text = segmentArticle([a, b][i].raw).text;
				return [side, { text, version: articles.contentHash(text) }];
			})
		) as Record<Side, { text: string; version: string }>;
		const read = fromAnnotationCollection(json.annotations, texts);
		for (const e of read.errors.slice(0, MAX_PROBLEMS)) {
			problems.push(`${itemLabel(e)}${e.field ? ` (${e.field})` : ''}: ${e.message}`);
		}
		if (read.errors.length > MAX_PROBLEMS) {
			problems.push(`…and ${read.errors.length - MAX_PROBLEMS} more problems with annotations.`);
		}
		annotationCount = itemCount(json.annotations);
		if (annotationCount > 0) annotations = json.annotations as JsonObject;
	}
	if (problems.length > 0 || !a || !b) return { ok: false, problems };
	return {
		ok: true,
		value: { title: oneLine(title as string), a, b, annotations, annotationCount }
	};
}

/** What an import made. */
interface ImportedBundle {
	comparison: ComparisonView;
	/** annotations stored in the importer's workspace */
	imported: number;
	/** why some annotations of the file were not stored, each naming its item */
	skipped: string[];
}

/**
 * Stores a checked bundle: both articles and a new comparison (one transaction; owned by the
 * importer's workspace), then its annotations into the importer's scope on it (`actorOn` makes
 * their personal room only when there are annotations to hold) through the annotation module.
 * Should that import
 * fail after all, the new comparison is removed again, so a failed import leaves no trace
 * but deduplicated article rows.
 */
export async function importBundle(
	db: Db,
	actorOn: (comparisonId: string) => Promise<Actor>,
	bundle: CheckedBundle,
	ownerWorkspaceId: string | null = null
): Promise<ImportedBundle> {
	const view = await storeComparison(db, bundle, ownerWorkspaceId);
	let imported = 0;
	const skipped: string[] = [];
	try {
		if (bundle.annotations) {
			const who = await actorOn(view.id);
			const summary = await importCollection(db, who, view.id, bundle.annotations);
			imported = summary.imported.length + summary.unchanged.length;
			for (const e of summary.errors) skipped.push(`${itemLabel(e)}: ${e.message}`);
		}
	} catch (e) {
		await db.delete(comparison).where(eq(comparison.id, view.id));
		throw e;
	}
	await getAnalysis(db, view);
	return { comparison: view, imported, skipped };
}

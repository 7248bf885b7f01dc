/**
 * Export of a comparison's annotations as a W3C Web Annotation AnnotationCollection (JSON-LD),
 * readable by any Web Annotation tool, and lossless for Parallax: what the W3C model has no word
 * for (relation, evidence, frame, Entman function, attachment, side, article version, scope) is
 * kept in `parallax:` properties defined by an extra @context prefix. jsonld-import.ts reads it
 * back.
 */
import type { ArticleMeta, ArticleOrigin, Side } from '../types';
import {
	ENTMAN_LABELS,
	EVIDENCE_LABELS,
	RELATION_LABELS,
	frameLabel,
	targetSelectors,
	type Annotation,
	type Author,
	type Reply,
	type Target
} from './model';
import { createCodePointIndex, type CodePointIndex } from './selectors';

import { ANNO_CONTEXT, PARALLAX_PREFIX, px, uuidIri } from './jsonld-vocabulary';

/** Import and the shared vocabulary, so callers need only this module. */
export { ANNO_CONTEXT, PARALLAX_PREFIX, px, uuidIri } from './jsonld-vocabulary';
export {
	earlierVersions,
	fromAnnotationCollection,
	sameAsImported,
	type ImportError,
	type ImportResult
} from './jsonld-import';

/** Where the extension vocabulary lives, relative to the app's base URL. */
const VOCAB_PATH = '/ns/parallax#';

/** A JSON value as written to the export file. */
type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
/** A JSON object of the export. */
export type JsonObject = { [key: string]: JsonValue };

/** One article of the exported comparison. */
interface ExportArticle {
	id: string;
	/** content hash of `text` */
	version: string;
	/** normalised text the targets' offsets refer to */
	text: string;
	meta: ArticleMeta;
	/** where the text came from (null or left out: not recorded) */
	origin?: ArticleOrigin | null;
	/** the article's page in Parallax (absolute, or relative to baseUrl) */
	url: string;
}

/** What the collection describes besides its annotations. */
export interface ExportOptions {
	comparison: { id: string; title: string; url: string };
	articles: Readonly<Record<Side, ExportArticle>>;
	/** the app's origin, e.g. https://parallax.example.org */
	baseUrl: string;
}

/**
 * The IRI of one version of an article: its Parallax URL with the version as a query parameter,
 * so that two versions are two resources, as the W3C model wants for changed text.
 * @example articleSource({ url: '/articles/x', version: 'v1' }, 'https://p.org') // 'https://p.org/articles/x?version=v1'
 */
function articleSource(article: { url: string; version: string }, baseUrl: string): string {
	const url = new URL(article.url, baseUrl);
	url.searchParams.set('version', article.version);
	return url.href;
}

/**
 * Where an article's text came from, as `parallax:` terms beside the article: `origin` (link,
 * file or pasted), `fetchedFrom` and `fetchedAt` for a link, `fileName` for a file, `edited` when
 * the text was changed by hand after it was read. Nothing when it was not recorded.
 * @example originJson({ kind: 'file', name: 'course-pack.pdf' }) // { 'parallax:origin': 'file', 'parallax:fileName': 'course-pack.pdf' }
 */
export function originJson(origin: ArticleOrigin | null | undefined): JsonObject {
	if (!origin) return {};
	const out: JsonObject = { [px('origin')]: origin.kind };
	if (origin.kind === 'link') {
		out[px('fetchedFrom')] = origin.url;
		out[px('fetchedAt')] = origin.fetchedAt;
	} else if (origin.kind === 'file') out[px('fileName')] = origin.name;
	if (origin.kind !== 'pasted' && origin.edited) out[px('edited')] = true;
	return out;
}

function creator(author: Author): JsonObject {
	return { type: 'Person', name: author.name, [px('authorId')]: author.id };
}

function textBody(value: string, purpose: string, extra: JsonObject = {}): JsonObject {
	return { type: 'TextualBody', value, format: 'text/plain', purpose, ...extra };
}

/** Notes that ask something are W3C "questioning"; everything else is "commenting". */
function notePurpose(note: string): 'questioning' | 'commenting' {
	return note.trim().endsWith('?') ? 'questioning' : 'commenting';
}

function motivation(annotation: Annotation): string {
	if (annotation.kind === 'shared-fact') return 'linking';
	if (annotation.kind === 'framing') return 'classifying';
	return notePurpose(annotation.note);
}

/** The bodies: human-readable labels for other tools, machine values in parallax: terms. */
function bodies(annotation: Annotation): JsonObject[] {
	const out: JsonObject[] = [];
	const { relation, evidence, evidenceUrl, frame, entman, note } = annotation;
	if (relation)
		out.push(textBody(RELATION_LABELS[relation], 'classifying', { [px('relation')]: relation }));
	if (evidence)
		out.push(textBody(EVIDENCE_LABELS[evidence], 'assessing', { [px('evidence')]: evidence }));
	if (evidenceUrl)
		out.push({ type: 'SpecificResource', purpose: 'assessing', source: evidenceUrl });
	if (frame) out.push(textBody(frameLabel(frame), 'classifying', { [px('frame')]: frame }));
	if (entman) out.push(textBody(ENTMAN_LABELS[entman], 'classifying', { [px('entman')]: entman }));
	if (note !== '') out.push(textBody(note, notePurpose(note)));
	return out;
}

type Indexes = Record<Side, CodePointIndex>;

/**
 * One target as a SpecificResource. A target on another version of its article than the one
 * exported (an orphan waiting to be re-attached) keeps only its quote: its offsets mean nothing
 * in this text.
 */
function target(t: Target, options: ExportOptions, indexes: Indexes): JsonObject {
	const article = options.articles[t.side];
	const current = article.version === t.articleVersion;
	const [position, quote] = current
		? targetSelectors(article.text, t, indexes[t.side])
		: [null, { type: 'TextQuoteSelector', exact: t.exact, prefix: t.prefix, suffix: t.suffix }];
	return {
		type: 'SpecificResource',
		source: articleSource({ url: article.url, version: t.articleVersion }, options.baseUrl),
		selector: position ? [{ ...position }, { ...quote }] : [{ ...quote }],
		[px('side')]: t.side,
		[px('articleVersion')]: t.articleVersion
	};
}

function annotationJson(
	a: Annotation,
	context: JsonValue,
	options: ExportOptions,
	indexes: Indexes
): JsonObject {
	const json: JsonObject = {
		'@context': context,
		id: uuidIri(a.id),
		type: 'Annotation',
		motivation: motivation(a),
		[px('kind')]: a.kind,
		creator: creator(a.author),
		created: a.createdAt,
		modified: a.updatedAt,
		[px('scopeKind')]: a.scope.kind,
		[px('scopeId')]: a.scope.id
	};
	if (a.attachedTo) json[px('attachedTo')] = uuidIri(a.attachedTo);
	if (a.suggestionId) json[px('suggestionId')] = a.suggestionId;
	const body = bodies(a);
	if (body.length > 0) json.body = body;
	const targets = a.targets.map((t) => target(t, options, indexes));
	json.target = targets.length === 1 ? targets[0] : targets;
	return json;
}

function replyJson(r: Reply, context: JsonValue): JsonObject {
	return {
		'@context': context,
		id: uuidIri(r.id),
		type: 'Annotation',
		motivation: 'replying',
		creator: creator(r.author),
		created: r.createdAt,
		modified: r.updatedAt,
		body: textBody(r.note, 'replying'),
		target: uuidIri(r.annotationId)
	};
}

/**
 * The annotations (each followed by its replies, as `replying` annotations targeting it) as one
 * AnnotationCollection with a single embedded AnnotationPage. Every item repeats the @context so
 * it stands alone when copied out. Deterministic: the same annotations give the same bytes.
 * @example toAnnotationCollection([], { comparison, articles, baseUrl }).total // 0
 */
export function toAnnotationCollection(
	annotations: readonly Annotation[],
	options: ExportOptions
): JsonObject {
	const { comparison, articles, baseUrl } = options;
	const context: JsonValue = [
		ANNO_CONTEXT,
		{ [PARALLAX_PREFIX]: new URL(VOCAB_PATH, baseUrl).href }
	];
	const indexes: Indexes = {
		a: createCodePointIndex(articles.a.text),
		b: createCodePointIndex(articles.b.text)
	};
	const items: JsonObject[] = [];
	for (const a of annotations) {
		items.push(annotationJson(a, context, options, indexes));
		for (const r of a.replies) items.push(replyJson(r, context));
	}
	const id = new URL(comparison.url, baseUrl);
	id.hash = 'annotations';
	const sides: Side[] = ['a', 'b'];
	return {
		'@context': context,
		id: id.href,
		type: 'AnnotationCollection',
		label: comparison.title,
		total: items.length,
		[px('comparison')]: comparison.id,
		[px('articles')]: sides.map((side) => ({
			id: articleSource(articles[side], baseUrl),
			[px('side')]: side,
			[px('articleId')]: articles[side].id,
			[px('version')]: articles[side].version,
			[px('title')]: articles[side].meta.title,
			...originJson(articles[side].origin)
		})),
		first: { id: `${id.href}-page-1`, type: 'AnnotationPage', startIndex: 0, items }
	};
}

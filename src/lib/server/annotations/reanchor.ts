import { inArray } from 'drizzle-orm';
import {
	anchorTarget,
	createCodePointIndex,
	createTarget,
	describeTextPosition,
	positionKnown,
	type Annotation,
	type CodePointIndex,
	type OrphanReason,
	type Target
} from '../../domain/annotation';
import type { Side, Span } from '../../domain/types';
import type { Queryable } from './actor';
import type { ComparisonArticles } from './comparison-texts';
import { article } from '../db/schema';

// Annotations made on an earlier version of an article are placed in the current text when they
// are read: a confident match comes back with its new span and flagged, anything else is listed
// as an orphan with its stored passages, for a person to re-attach. Nothing is written here.

/** An annotation as the reading view gets it; `reanchored` when a passage moved to a new version. */
export type AnnotationView = Annotation & { reanchored?: true };

/** How one target of an orphan fared. */
export interface TargetPlacement {
	/** index in the annotation's targets */
	index: number;
	side: Side;
	status: 'current' | 'anchored' | 'orphan';
	reason?: OrphanReason;
	/** the closest place found, for a person to check (offsets in the current text) */
	best?: { span: Span; confidence: number };
}

/** An annotation that could not be placed confidently, with its stored (old-version) targets. */
export interface Orphan {
	annotation: Annotation;
	targets: TargetPlacement[];
}

/** Annotations placed in the current texts, and the ones that could not be. */
export interface Placed {
	annotations: AnnotationView[];
	orphans: Orphan[];
}

type Placement = { target: Target; placement: TargetPlacement };

/** Normalised texts of earlier versions, by content hash (for code-point position hints). */
export async function oldTexts(db: Queryable, versions: string[]): Promise<Map<string, string>> {
	if (versions.length === 0) return new Map();
	const rows = await db
		.selectDistinctOn([article.contentHash], { version: article.contentHash, text: article.text })
		.from(article)
		.where(inArray(article.contentHash, versions));
	return new Map(rows.map((r) => [r.version, r.text]));
}

function place(
	t: Target,
	index: number,
	current: ComparisonArticles,
	indexes: Record<Side, CodePointIndex>,
	old: Map<string, string>
): Placement {
	const article = current[t.side];
	if (t.articleVersion === article.version)
		return { target: t, placement: { index, side: t.side, status: 'current' } };
	const before = old.get(t.articleVersion);
	// the old position, in code points of the old text, is only a hint for where to look; an
	// unplaced passage imported without that text has stand-in offsets, which must not steer it
	const position =
		before !== undefined && positionKnown(t) && t.end <= before.length
			? describeTextPosition(before, t)
			: undefined;
	const result = anchorTarget(
		article.text,
		{
			position,
			quote: { type: 'TextQuoteSelector', exact: t.exact, prefix: t.prefix, suffix: t.suffix }
		},
		{ index: indexes[t.side] }
	);
	if (result.status === 'anchored') {
		const moved = createTarget(article.text, t.side, article.version, result.span);
		return { target: moved, placement: { index, side: t.side, status: 'anchored' } };
	}
	const placement: TargetPlacement = {
		index,
		side: t.side,
		status: 'orphan',
		reason: result.reason
	};
	if (result.best) placement.best = result.best;
	return { target: t, placement };
}

/**
 * Place annotations in the comparison's current article versions. Targets already on the
 * current version are returned untouched (no work for the common case).
 */
export async function placeAnnotations(
	db: Queryable,
	annotations: readonly Annotation[],
	current: ComparisonArticles
): Promise<Placed> {
	const stale = (t: Target) => t.articleVersion !== current[t.side].version;
	const versions = new Set(
		annotations.flatMap((a) => a.targets.filter(stale).map((t) => t.articleVersion))
	);
	if (versions.size === 0) return { annotations: [...annotations], orphans: [] };
	const old = await oldTexts(db, [...versions]);
	const indexes = {
		a: createCodePointIndex(current.a.text),
		b: createCodePointIndex(current.b.text)
	};
	const placed: Placed = { annotations: [], orphans: [] };
	for (const a of annotations) {
		if (!a.targets.some(stale)) {
			placed.annotations.push(a);
			continue;
		}
		const results = a.targets.map((t, i) => place(t, i, current, indexes, old));
		if (results.some((r) => r.placement.status === 'orphan')) {
			placed.orphans.push({ annotation: a, targets: results.map((r) => r.placement) });
		} else {
			placed.annotations.push({ ...a, targets: results.map((r) => r.target), reanchored: true });
		}
	}
	return placed;
}

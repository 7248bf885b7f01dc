/**
 * Bring your own articles: two sides of pasted text or uploaded files (.txt, .md, .html) plus
 * metadata become a stored comparison with its analysis, or field messages and nothing stored.
 * The form's rules are comparison-form.ts (pure, table-tested) and a file's reading upload.ts;
 * this module stores (`create`, `revise`) and is the `ingest.*` surface of all three.
 */
import type { Side } from '../../../domain/types';
import * as articles from '../article-versions';
import { getAnalysis } from '../analysis';
import * as comparisons from '../comparisons';
import type { ComparisonView } from '../comparisons';
import type { Db } from '../../db/connect';
import { SIDES, type FormOutcome } from './comparison-form';
import { revisedOrigin } from './origin';

export { MAX_CHARACTERS, MAX_FILE_BYTES, MESSAGES } from './text-checks';
export { GENRES, META_FIELDS, checkArticleMeta, type MetaField } from './metadata';
export * from './comparison-form';
export { readUpload } from './upload';

/** Stores two checked articles and the comparison of them, in one transaction. */
export async function storeComparison(
	db: Db,
	input: { title: string; a: ArticleInput; b: ArticleInput },
	ownerWorkspaceId: string | null
): Promise<ComparisonView> {
	return db.transaction(async (tx) => {
		const a = await articles.create(tx, input.a);
		const b = await articles.create(tx, input.b);
		return comparisons.create(tx, {
			title: input.title,
			articleAId: a.id,
			articleBId: b.id,
			ownerWorkspaceId
		});
	});
}

/** What articles.create stores for one side. */
type ArticleInput = Parameters<typeof articles.create>[1];

/**
 * Stores both articles and the comparison in one transaction (all or nothing), then runs the
 * engine once so the analysis is cached before anyone opens the comparison.
 */
export async function create(
	db: Db,
	input: NonNullable<FormOutcome['input']>,
	ownerWorkspaceId: string | null = null
): Promise<ComparisonView> {
	const view = await storeComparison(db, input, ownerWorkspaceId);
	await getAnalysis(db, view);
	return view;
}

/** What a revision changed: the comparison now, and the sides that got a new article version. */
interface Revision {
	comparison: ComparisonView;
	changed: Side[];
	/** the edit became a new comparison (others work on the old one, which is unchanged) */
	copied: boolean;
}

/**
 * Edits a comparison's texts or metadata: each side whose text or metadata changed becomes a new
 * article version (previous_id = the one shown), and the comparison is re-pointed at both, in one
 * transaction. Annotations stay on their versions; the annotation module re-anchors them on read.
 * With `copyFor` (a workspace: others have rooms on it) the comparison is left as it is and a new
 * one of the new versions is made for that workspace instead.
 */
export async function revise(
	db: Db,
	current: ComparisonView,
	input: NonNullable<FormOutcome['input']>,
	options: { copyFor?: string } = {}
): Promise<Revision> {
	const updated = await db.transaction(async (tx) => {
		// the edit form has texts only: an unchanged text keeps its origin, a changed one is edited
		const edit = (side: Side) =>
			articles.create(tx, {
				...input[side],
				origin: revisedOrigin(current[side], input[side].raw),
				previousId: current[side].id
			});
		const a = await edit('a');
		const b = await edit('b');
		const pair = { title: input.title, articleAId: a.id, articleBId: b.id };
		const same =
			a.id === current.a.id && b.id === current.b.id && input.title.trim() === current.title;
		// nothing changed: no copy of the same texts
		if (options.copyFor && same) return current;
		if (options.copyFor)
			return comparisons.create(tx, { ...pair, ownerWorkspaceId: options.copyFor });
		return comparisons.update(tx, current.id, pair);
	});
	if (!updated) throw new comparisons.ComparisonInputError('the comparison no longer exists');
	await getAnalysis(db, updated);
	const changed = SIDES.filter((side) => updated[side].id !== current[side].id);
	return { comparison: updated, changed, copied: updated.id !== current.id };
}

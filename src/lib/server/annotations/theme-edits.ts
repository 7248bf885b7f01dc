import { and, desc, asc, eq, sql, type SQL } from 'drizzle-orm';
import { parseThemeEdit, type ThemeEdit } from '../../domain/framing';
import { eventOf, lockKey, publishAll, type Actor } from './actor';
import { requireComparison } from './lookup';
import type { Db } from '../db/connect';
import { themeEdit } from '../db/schema';
import { RequestError, invalid, notFound, isUuid } from '../http';

// A scope's edits of a comparison's automatic themes: an ordered log replayed over the themes
// (theme-edits.ts in the domain), so edits survive a new analysis. Undo removes the last one.

/** Edits one scope may keep per comparison: far above what a person makes by hand. */
const MAX_THEME_EDITS = 500;
/** Longest label, id or term: a phrase, not a paragraph. */
const MAX_TEXT = 200;
/** Most ids in a merge or terms in an add/split. */
const MAX_LIST = 100;

function scopeOf(actor: Actor, comparisonId: string): SQL {
	return and(
		eq(themeEdit.comparisonId, comparisonId),
		eq(themeEdit.scopeKind, actor.scope.kind),
		eq(themeEdit.scopeId, actor.scope.id)
	) as SQL;
}

/** Every string of an edit must be storable text of a sensible length. */
function checkStrings(edit: ThemeEdit): string | undefined {
	const lists = 'ids' in edit ? edit.ids : 'terms' in edit ? edit.terms : [];
	if (lists.length > MAX_LIST) return `At most ${MAX_LIST} ids or terms per edit.`;
	const strings = [...lists, ...Object.values(edit).filter((v) => typeof v === 'string')];
	for (const s of strings as string[]) {
		if (s.length > MAX_TEXT) return `Labels, ids and terms are at most ${MAX_TEXT} characters.`;
		if (s.includes('\0') || !s.isWellFormed())
			return 'The edit contains a NUL or broken character.';
	}
	return undefined;
}

/** Reads one edit from untrusted JSON, or throws a 422 naming what is wrong. */
function readThemeEdit(raw: unknown): ThemeEdit {
	const edit = parseThemeEdit(raw);
	if (!edit)
		throw invalid([
			{
				field: 'op',
				message: 'Expected a theme edit: rename, merge, split, add or remove, with its fields.'
			}
		]);
	const problem = checkStrings(edit);
	if (problem) throw invalid([{ field: '', message: problem }]);
	return edit;
}

/** The scope's theme edits on a comparison, in the order they were made. */
export async function list(db: Db, actor: Actor, comparisonId: string): Promise<ThemeEdit[]> {
	await requireComparison(db, comparisonId);
	const rows = await db
		.select({ edit: themeEdit.edit })
		.from(themeEdit)
		.where(scopeOf(actor, comparisonId))
		.orderBy(asc(themeEdit.seq));
	// stored edits were parsed on the way in; parse again so a hand-edited row cannot crash a view
	return rows.map((r) => parseThemeEdit(r.edit)).filter((e): e is ThemeEdit => e !== null);
}

/** Throws the 404/422 an append of `raw` would meet, without writing anything. */
export async function checkEdit(db: Db, comparisonId: string, raw: unknown): Promise<void> {
	await requireComparison(db, comparisonId);
	readThemeEdit(raw);
}

/** Append an edit; returns the whole list after it. */
export async function add(
	db: Db,
	actor: Actor,
	comparisonId: string,
	raw: unknown
): Promise<ThemeEdit[]> {
	await requireComparison(db, comparisonId);
	const edit = readThemeEdit(raw);
	await db.transaction(async (tx) => {
		await lockKey(tx, `theme-edits:${comparisonId}:${actor.scope.id}`);
		const [last] = await tx
			.select({ seq: themeEdit.seq, n: sql<number>`count(*) over ()::int` })
			.from(themeEdit)
			.where(scopeOf(actor, comparisonId))
			.orderBy(desc(themeEdit.seq))
			.limit(1);
		if (last && last.n >= MAX_THEME_EDITS)
			throw new RequestError(409, 'conflict', `At most ${MAX_THEME_EDITS} theme edits are kept.`);
		await tx.insert(themeEdit).values({
			comparisonId,
			scopeKind: actor.scope.kind,
			scopeId: actor.scope.id,
			seq: (last?.seq ?? 0) + 1,
			edit
		});
	});
	const edits = await list(db, actor, comparisonId);
	await publishAll(actor, [eventOf(actor, comparisonId, 'theme-edits.changed', { edits })]);
	return edits;
}

/** Remove the last edit (undo); returns the list after it, or a 404 when there is none. */
export async function undoLast(db: Db, actor: Actor, comparisonId: string): Promise<ThemeEdit[]> {
	if (!isUuid(comparisonId)) throw notFound('comparison');
	await requireComparison(db, comparisonId);
	const removed = await db.transaction(async (tx) => {
		await lockKey(tx, `theme-edits:${comparisonId}:${actor.scope.id}`);
		const [last] = await tx
			.select({ seq: themeEdit.seq })
			.from(themeEdit)
			.where(scopeOf(actor, comparisonId))
			.orderBy(desc(themeEdit.seq))
			.limit(1);
		if (!last) return false;
		await tx
			.delete(themeEdit)
			.where(and(scopeOf(actor, comparisonId), eq(themeEdit.seq, last.seq)));
		return true;
	});
	if (!removed) throw new RequestError(404, 'not_found', 'There is no theme edit to undo.');
	const edits = await list(db, actor, comparisonId);
	await publishAll(actor, [eventOf(actor, comparisonId, 'theme-edits.changed', { edits })]);
	return edits;
}

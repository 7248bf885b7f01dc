import { and, count, eq, isNull, ne, or } from 'drizzle-orm';
import type { Db } from '../db/connect';
import { comparison, room } from '../db/schema';
import { isUuid } from '../http';

// Who may edit a comparison: the browser (workspace) that made it, and nobody else. The seed is
// re-synced with seeds/ at every start and comparisons from before owners were recorded have
// none, so those are read-only for everybody. And a comparison others work on (a class room, or
// someone else's annotations in their personal room) is never changed under them: the owner's
// edit becomes a new comparison, and the rooms keep the texts they have.

/** Why this browser may not edit a comparison. */
export type EditRefusal = 'seed' | 'unowned' | 'not-owner';

/** What a reader is told for each refusal (the edit page's 403, the library's note). */
export const REFUSAL_MESSAGES: Record<EditRefusal, string> = {
	seed: 'The seed comparison is kept as shipped, so it cannot be edited. To work on its texts, paste them into a new comparison.',
	unowned:
		'This comparison was made before comparisons had owners, so nobody can edit it. To change its texts, download it and import the file: the copy is yours.',
	'not-owner':
		'Only the browser that made this comparison can edit it. You can read and annotate it, or download it and import the file to edit a copy of your own.'
};

/** The short form the library shows beside a comparison nobody here may edit. */
export const REFUSAL_LABELS: Record<EditRefusal, string> = {
	seed: 'Read only: the seed comparison is kept as shipped',
	unowned: 'Read only: made before comparisons had owners',
	'not-owner': 'Read only: made in another browser'
};

/** The comparison's fields ownership depends on. */
export interface Owned {
	slug: string | null;
	ownerWorkspaceId: string | null;
}

/** Null when `workspaceId` (the caller's, null without a cookie) may edit; otherwise why not. */
export function editRefusal(owned: Owned, workspaceId: string | null): EditRefusal | null {
	if (owned.slug === 'seed') return 'seed';
	if (owned.ownerWorkspaceId === null) return 'unowned';
	if (workspaceId === null || owned.ownerWorkspaceId !== workspaceId) return 'not-owner';
	return null;
}

/** A comparison's slug and owner (undefined for unknown ids). */
export async function ownershipOf(db: Db, id: string): Promise<Owned | undefined> {
	if (!isUuid(id)) return undefined;
	const [row] = await db
		.select({ slug: comparison.slug, ownerWorkspaceId: comparison.ownerWorkspaceId })
		.from(comparison)
		.where(eq(comparison.id, id));
	return row;
}

/**
 * How many rooms others have on the comparison: every class room, and the personal rooms of
 * other browsers (one is made at a reader's first annotation or decision there). The owner's
 * own personal room does not count: their own notes are re-anchored like before.
 */
export async function roomsOfOthers(db: Db, comparisonId: string, owner: string): Promise<number> {
	const [row] = await db
		.select({ n: count() })
		.from(room)
		.where(
			and(
				eq(room.comparisonId, comparisonId),
				or(eq(room.kind, 'class'), isNull(room.ownerWorkspaceId), ne(room.ownerWorkspaceId, owner))
			)
		);
	return Number(row?.n ?? 0);
}

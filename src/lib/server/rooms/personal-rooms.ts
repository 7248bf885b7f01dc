import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { perDatabase, type Db } from '../db/connect';
import { comparisonHeadColumns, type ComparisonHead } from '../annotations';
import { annotation, comparison, reply, room, roomMember } from '../db/schema';
import { memberColumns, roomColumns, toMember, toRoom, type Membership } from './rooms';
import { isUuid } from '../http';
import type { Workspace } from './workspaces';

// A reader's work on a comparison lives in their personal room there: a room of one that their
// workspace owns. It is an ordinary room to every room verb (annotations, replies, suggestions,
// themes, exports, the live stream across the reader's tabs); what makes it personal is that
// nobody can join it (no join code, no teacher link) and that the workspace cookie opens it.

/** The title a personal room gets (it is never shown as a class's name). */
const PERSONAL_TITLE = 'Personal workspace';

async function findOne(
	db: Db,
	workspaceId: string,
	where: ReturnType<typeof and>
): Promise<Membership | undefined> {
	const [row] = await db
		.select({ room, member: roomMember })
		.from(room)
		.innerJoin(roomMember, eq(roomMember.roomId, room.id))
		.where(
			and(
				eq(room.kind, 'personal'),
				eq(room.ownerWorkspaceId, workspaceId),
				eq(roomMember.workspaceId, workspaceId),
				isNull(roomMember.removedAt),
				where
			)
		)
		.limit(1);
	return row && { room: toRoom(row.room), member: toMember(row.member) };
}

/** The reader's personal room on a comparison, if they have written anything there yet. */
export function find(
	db: Db,
	workspace: Workspace,
	comparisonId: string
): Promise<Membership | undefined> {
	return findOne(db, workspace.id, eq(room.comparisonId, comparisonId));
}

/** A comparison (its article row ids) and the reader's personal room there, if any. */
interface ComparisonWithRoom {
	head: ComparisonHead;
	membership?: Membership;
}

/** No workspace matches this id: a reader without one has no personal room. */
const NO_WORKSPACE = '00000000-0000-0000-0000-000000000000';

/**
 * The comparison a route names (uuid or slug) with its current articles' row ids, and
 * the reader's personal room there: one query for what a write needs before it can validate.
 */
export async function findWithComparison(
	db: Db,
	workspace: Workspace | null,
	param: string
): Promise<ComparisonWithRoom | undefined> {
	const workspaceId = workspace?.id ?? NO_WORKSPACE;
	const [row] = isUuid(param)
		? await withComparison(db).byId.execute({ workspaceId, id: param.toLowerCase() })
		: await withComparison(db).bySlug.execute({ workspaceId, slug: param });
	if (!row) return undefined;
	const membership =
		row.room && row.member ? { room: toRoom(row.room), member: toMember(row.member) } : undefined;
	return { head: row.head, membership };
}

/** The queries of findWithComparison (by id, by slug), prepared once per database. */
const withComparison = perDatabase((db) => {
	const workspaceId = sql.placeholder('workspaceId');
	const query = (where: SQL, name: string) =>
		db
			.select({ head: comparisonHeadColumns, room: roomColumns, member: memberColumns })
			.from(comparison)
			.leftJoin(
				room,
				and(
					eq(room.kind, 'personal'),
					eq(room.comparisonId, comparison.id),
					eq(room.ownerWorkspaceId, workspaceId)
				)
			)
			.leftJoin(
				roomMember,
				and(
					eq(roomMember.roomId, room.id),
					eq(roomMember.workspaceId, workspaceId),
					isNull(roomMember.removedAt)
				)
			)
			.where(where)
			.limit(1)
			.prepare(name);
	return {
		byId: query(eq(comparison.id, sql.placeholder('id')), 'personal_room_by_comparison_id'),
		bySlug: query(eq(comparison.slug, sql.placeholder('slug')), 'personal_room_by_comparison_slug')
	};
});

/**
 * The reader's personal room on a comparison, made now if needed. Two first writes racing (two
 * tabs) both end in the same room: the unique index lets one insert win and both read it back.
 */
export async function ensure(
	db: Db,
	workspace: Workspace,
	comparisonId: string
): Promise<Membership> {
	const existing = await find(db, workspace, comparisonId);
	if (existing) return existing;
	await db.transaction(async (tx) => {
		const [made] = await tx
			.insert(room)
			.values({
				kind: 'personal',
				comparisonId,
				ownerWorkspaceId: workspace.id,
				title: PERSONAL_TITLE,
				// everything the owner writes is theirs to see: no individual phase in a room of one
				phase: 'reveal'
			})
			.onConflictDoNothing()
			.returning({ id: room.id });
		if (!made) return;
		await tx.insert(roomMember).values({
			roomId: made.id,
			role: 'teacher',
			displayName: workspace.displayName,
			workspaceId: workspace.id
		});
	});
	const found = await find(db, workspace, comparisonId);
	if (!found) throw new Error(`personal room of ${workspace.id} on ${comparisonId} vanished`);
	return found;
}

/** The personal room (of this reader) an annotation belongs to, or undefined. */
export async function ofAnnotation(
	db: Db,
	workspace: Workspace,
	annotationId: string
): Promise<Membership | undefined> {
	if (!isUuid(annotationId)) return undefined;
	const owning = db
		.select({ id: annotation.scopeId })
		.from(annotation)
		.where(eq(annotation.id, annotationId.toLowerCase()));
	return findOne(db, workspace.id, inArray(room.id, owning));
}

/** The personal room (of this reader) a reply belongs to, or undefined. */
export async function ofReply(
	db: Db,
	workspace: Workspace,
	replyId: string
): Promise<Membership | undefined> {
	if (!isUuid(replyId)) return undefined;
	const owning = db
		.select({ id: annotation.scopeId })
		.from(reply)
		.innerJoin(annotation, eq(annotation.id, reply.annotationId))
		.where(eq(reply.id, replyId.toLowerCase()));
	return findOne(db, workspace.id, inArray(room.id, owning));
}

/**
 * How many annotations the reader has on each comparison, across their personal rooms (live ones
 * and orphans: still their work). Comparisons without any are absent from the map.
 */
export async function countAnnotations(
	db: Db,
	workspaceId: string,
	comparisonIds: string[]
): Promise<Map<string, number>> {
	if (comparisonIds.length === 0) return new Map();
	const rows = await db
		.select({ id: annotation.comparisonId, n: sql<number>`count(*)`.mapWith(Number) })
		.from(annotation)
		.innerJoin(room, eq(room.id, annotation.scopeId))
		.where(
			and(
				eq(annotation.scopeKind, 'room'),
				eq(room.kind, 'personal'),
				eq(room.ownerWorkspaceId, workspaceId),
				isNull(annotation.deletedAt),
				inArray(annotation.comparisonId, comparisonIds)
			)
		)
		.groupBy(annotation.comparisonId);
	return new Map(rows.map((r) => [r.id, r.n]));
}

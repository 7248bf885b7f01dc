import { and, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import { suggestionsVisible } from '../../domain/classroom';
import { comparisonHeadColumns, type ComparisonHead } from '../annotations';
import { perDatabase, type Db } from '../db/connect';
import { comparison, room, roomMember } from '../db/schema';
import { conflict, forbidden, isUuid } from '../http';
import { memberColumns, roomColumns, toMember, toRoom, type Membership } from './room-rows';
import { verifyCookieValue } from './workspaces';

// Who the caller is in a room: a signed cookie per room whose token is stored hashed, or for a
// personal room its owner's workspace; anyone else gets a 404 for the room and everything in
// it. And what a membership allows (a class's verbs, a teacher's, the machine's suggestions).

/** Who the caller is in a room: by the room's cookie, or a personal room's owner by workspace. */
function caller(
	secret: Buffer,
	roomId: string,
	cookie: string | undefined,
	workspaceId?: string | null
): SQL | undefined {
	if (!isUuid(roomId)) return undefined;
	const tokenHash = verifyCookieValue(secret, cookie);
	const who = [
		...(tokenHash ? [eq(roomMember.tokenHash, tokenHash)] : []),
		...(workspaceId ? [eq(roomMember.workspaceId, workspaceId)] : [])
	];
	if (who.length === 0) return undefined;
	return and(or(...who), eq(roomMember.roomId, roomId.toLowerCase()), isNull(roomMember.removedAt));
}

/**
 * The caller's membership of a room, or undefined (unknown, forged or removed): from the room's
 * cookie, or, for the owner of a personal room, from their workspace.
 */
export async function membershipOf(
	db: Db,
	secret: Buffer,
	roomId: string,
	cookie: string | undefined,
	workspaceId?: string | null
): Promise<Membership | undefined> {
	const where = caller(secret, roomId, cookie, workspaceId);
	if (!where) return undefined;
	const [row] = await db
		.select({ room, member: roomMember })
		.from(roomMember)
		.innerJoin(room, eq(roomMember.roomId, room.id))
		.where(where)
		.limit(1);
	return row && { room: toRoom(row.room), member: toMember(row.member) };
}

/**
 * The caller's membership of a room (as membershipOf) with the room's comparison row: one query
 * for what a write in the room needs before it can validate (its article row ids).
 */
export async function membershipWithComparison(
	db: Db,
	secret: Buffer,
	roomId: string,
	cookie: string | undefined,
	workspaceId?: string | null
): Promise<{ membership: Membership; head: ComparisonHead } | undefined> {
	if (!isUuid(roomId)) return undefined;
	const tokenHash = verifyCookieValue(secret, cookie);
	const id = roomId.toLowerCase();
	const queries = memberWithComparison(db);
	// by the room's cookie first, then as a personal room's owner (as membershipOf's either-or);
	// two plain queries, since PGlite plans every query anew and an OR of both cost more
	let [row] = tokenHash ? await queries.byToken.execute({ roomId: id, tokenHash }) : [];
	if (!row && workspaceId) [row] = await queries.byWorkspace.execute({ roomId: id, workspaceId });
	if (!row) return undefined;
	return { membership: { room: toRoom(row.room), member: toMember(row.member) }, head: row.head };
}

/** The queries of membershipWithComparison, prepared once per database (every room write runs one). */
const memberWithComparison = perDatabase((db) => {
	const query = (who: SQL, name: string) =>
		db
			.select({ room: roomColumns, member: memberColumns, head: comparisonHeadColumns })
			.from(roomMember)
			.innerJoin(room, eq(roomMember.roomId, room.id))
			.innerJoin(comparison, eq(room.comparisonId, comparison.id))
			.where(
				and(who, eq(roomMember.roomId, sql.placeholder('roomId')), isNull(roomMember.removedAt))
			)
			.limit(1)
			.prepare(name);
	return {
		byToken: query(eq(roomMember.tokenHash, sql.placeholder('tokenHash')), 'member_by_token'),
		byWorkspace: query(
			eq(roomMember.workspaceId, sql.placeholder('workspaceId')),
			'member_by_workspace'
		)
	};
});

/** Refuse what only a class has (phases, lock, members, follow-me) in a personal room. */
export function requireClass(m: Membership): void {
	if (m.room.kind !== 'class')
		throw conflict('A personal workspace is a room of one: it has no phases, lock or members.');
}

/** Refuse a student a teacher's action. */
export function requireTeacher(m: Membership): void {
	if (m.member.role !== 'teacher') throw forbidden('Only the teacher can do this.');
}

/**
 * Whether this member may be sent the machine's suggestions now: the teacher always (their
 * projector applies the rule itself), the reader of a personal room always, a student as the
 * teacher chose for the current phase.
 */
export function suggestionsShownTo(m: Membership): boolean {
	if (m.member.role === 'teacher' || m.room.kind === 'personal') return true;
	return suggestionsVisible(m.room.suggestions, m.room.phase);
}

/** Refuse a student what would show them a suggestion the teacher has hidden. */
export function requireSuggestionsShown(m: Membership): void {
	if (!suggestionsShownTo(m))
		throw forbidden('The teacher has hidden the machine’s suggestions for now.');
}

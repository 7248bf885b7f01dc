import { and, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import { ROOM_PHASES, type RoomMemberView, type RoomPhase } from '../../live/events';
import { isRecord } from '../../domain/annotation';
import { SUGGESTION_MODES, suggestionsVisible, type SuggestionMode } from '../../domain/classroom';
import { labelMessage, labelProblem } from '../../domain/text';
import { comparisonHeadColumns, type ComparisonHead } from '../annotations';
import { perDatabase, type Db } from '../db/connect';
import {
	annotation,
	comparison,
	room,
	roomMember,
	suggestionDecision,
	themeEdit,
	type RoomKind,
	type RoomMemberRow,
	type RoomRow
} from '../db/schema';
import { RequestError, conflict, forbidden, invalid, notFound, isUuid } from '../http';
import {
	createSalt,
	createToken,
	deriveJoinCode,
	formatJoinCode,
	normalizeJoinCode
} from './tokens';
import {
	MAX_DISPLAY_NAME_LENGTH,
	checkDisplayName,
	createCookieValue,
	hashToken,
	verifyCookieValue
} from './workspaces';

// Classroom rooms: made by a teacher for one comparison, joined by students with a code and a
// display name. Membership is a signed cookie per room whose token is stored hashed; anyone
// else gets a 404 for the room and everything in it.

/** A room as its members see it. */
export interface Room {
	id: string;
	/** a class, or a reader's personal room of one (no join code, no phases to switch) */
	kind: RoomKind;
	comparisonId: string;
	title: string;
	phase: RoomPhase;
	locked: boolean;
	/** when students see the machine's suggestions (the teacher's choice) */
	suggestions: SuggestionMode;
	spotlightId: string | null;
	createdAt: string;
}

/** A member of a room (the token hash stays here). */
export type Member = RoomMemberView & { roomId: string };

/** The caller in a room: the room and who they are in it. */
export interface Membership {
	room: Room;
	member: Member;
}

/** What the teacher gets once, at creation: the link to keep and the code to show. */
interface CreatedRoom {
	room: Room;
	teacherToken: string;
	joinCode: string;
	/** the teacher's own session cookie value */
	cookie: string;
	teacher: Member;
}

/** The columns toRoom reads: a write's membership query selects no more (each costs). */
export const roomColumns = {
	id: room.id,
	kind: room.kind,
	comparisonId: room.comparisonId,
	title: room.title,
	phase: room.phase,
	locked: room.locked,
	suggestions: room.suggestions,
	spotlightId: room.spotlightId,
	createdAt: room.createdAt
};

/** The columns toMember reads. */
export const memberColumns = {
	id: roomMember.id,
	roomId: roomMember.roomId,
	role: roomMember.role,
	displayName: roomMember.displayName,
	createdAt: roomMember.createdAt
};

/** A room row as the app sees it (capability hashes stay in the table). */
export const toRoom = (row: Pick<RoomRow, keyof typeof roomColumns>): Room => ({
	id: row.id,
	kind: row.kind,
	comparisonId: row.comparisonId,
	title: row.title,
	phase: row.phase,
	locked: row.locked,
	suggestions: row.suggestions,
	spotlightId: row.spotlightId,
	createdAt: row.createdAt.toISOString()
});

/** A member row as the app sees it (the token hash stays in the table). */
export const toMember = (row: Pick<RoomMemberRow, keyof typeof memberColumns>): Member => ({
	id: row.id,
	roomId: row.roomId,
	role: row.role,
	displayName: row.displayName,
	joinedAt: row.createdAt.toISOString()
});

/** Longest room title. */
const MAX_TITLE_LENGTH = 120;

/** A room title ('' when none was given): one line of text, refused with a 422 otherwise. */
function checkRoomTitle(title: unknown): string {
	const name = typeof title === 'string' ? title.trim() : '';
	if (title !== undefined && (typeof title !== 'string' || [...name].length > MAX_TITLE_LENGTH))
		throw invalid([
			{ field: 'title', message: `A title is text up to ${MAX_TITLE_LENGTH} characters.` }
		]);
	const problem = labelProblem(name);
	if (problem) throw invalid([{ field: 'title', message: labelMessage('The title', problem) }]);
	return name;
}

/** A new room on a comparison, and the teacher's membership in it. */
export async function create(
	db: Db,
	secret: Buffer,
	comparisonId: string,
	title: unknown
): Promise<CreatedRoom> {
	const name = checkRoomTitle(title);
	const teacherToken = createToken();
	const codeSalt = createSalt();
	const joinCode = deriveJoinCode(secret, codeSalt);
	const [row] = await db
		.insert(room)
		.values({
			comparisonId,
			title: name || 'Classroom',
			teacherTokenHash: hashToken(teacherToken),
			joinCodeHash: hashToken(joinCode),
			codeSalt
		})
		.returning();
	const { member, cookie } = await addMember(db, secret, row.id, 'teacher', 'Teacher');
	return { room: toRoom(row), teacherToken, joinCode, cookie, teacher: member };
}

/**
 * A new join code for a class (the old one stops opening the room at once; members stay). For a
 * code that was shown to the wrong people, or a projector photo that went round.
 */
export async function rotateJoinCode(db: Db, secret: Buffer, roomId: string): Promise<string> {
	const codeSalt = createSalt();
	const joinCode = deriveJoinCode(secret, codeSalt);
	const done = await db
		.update(room)
		.set({ codeSalt, joinCodeHash: hashToken(joinCode) })
		.where(and(eq(room.id, roomId), eq(room.kind, 'class')))
		.returning({ id: room.id });
	if (done.length === 0) throw notFound('room');
	return formatJoinCode(joinCode);
}

/**
 * A new teacher link for a class (the old link stops working at once). Teachers already in the
 * room keep their session cookie; the new link lets the teacher in from another device.
 */
export async function rotateTeacherToken(db: Db, roomId: string): Promise<string> {
	const teacherToken = createToken();
	const done = await db
		.update(room)
		.set({ teacherTokenHash: hashToken(teacherToken) })
		.where(and(eq(room.id, roomId), eq(room.kind, 'class')))
		.returning({ id: room.id });
	if (done.length === 0) throw notFound('room');
	return teacherToken;
}

/** The room's join code as shown to its teacher (re-derived; only its hash is stored). */
export async function joinCodeOf(db: Db, secret: Buffer, roomId: string): Promise<string> {
	const [row] = await db.select({ salt: room.codeSalt }).from(room).where(eq(room.id, roomId));
	if (!row?.salt) throw notFound('room');
	return formatJoinCode(deriveJoinCode(secret, row.salt));
}

/** The room a typed join code opens, or undefined. */
export async function findByJoinCode(db: Db, raw: unknown): Promise<Room | undefined> {
	const code = normalizeJoinCode(raw);
	if (!code) return undefined;
	const [row] = await db
		.select()
		.from(room)
		.where(eq(room.joinCodeHash, hashToken(code)));
	return row && toRoom(row);
}

/** The room a teacher link opens, or undefined. */
export async function findByTeacherToken(db: Db, token: string): Promise<Room | undefined> {
	if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
	const [row] = await db
		.select()
		.from(room)
		.where(eq(room.teacherTokenHash, hashToken(token)));
	return row && toRoom(row);
}

/** How two display names compare: case, full-width letters and runs of spaces folded. */
export function nameKey(name: string): string {
	return name.normalize('NFKC').toLocaleLowerCase('en').replace(/\s+/g, ' ');
}

/** The first of "Ana 2", "Ana 3", … that no one in `taken` (name keys) goes by. */
export function suggestName(name: string, taken: ReadonlySet<string>): string {
	for (let n = 2; ; n++) {
		const suffix = ` ${n}`;
		// keep the suggestion within the length limit by shortening the name, never the number
		const base = [...name].slice(0, MAX_DISPLAY_NAME_LENGTH - suffix.length).join('');
		const candidate = `${base}${suffix}`;
		if (!taken.has(nameKey(candidate))) return candidate;
	}
}

/** 409 for a display name someone in the room already goes by, with a free one to offer. */
export class NameTaken extends RequestError {
	constructor(
		/** the name as typed (trimmed) */
		readonly taken: string,
		readonly suggestion: string
	) {
		super(
			409,
			'conflict',
			`Someone in this room is already called “${taken}”. Choose another name, for example “${suggestion}”.`,
			[{ field: 'displayName', message: `“${taken}” is taken in this room; try “${suggestion}”.` }]
		);
	}
}

/**
 * A new member and the cookie value that identifies them in this room. A student's name must
 * differ from every current member's (case and width folded), so the teacher never sees two
 * identical rows: the room row is locked while the names are compared, so two joins at once (on
 * PostgreSQL, from two app instances) cannot both take "Ana". Teachers all go by "Teacher".
 */
export async function addMember(
	db: Db,
	secret: Buffer,
	roomId: string,
	role: Member['role'],
	displayName: unknown
): Promise<{ member: Member; cookie: string }> {
	const name = checkDisplayName(displayName);
	const { value, tokenHash } = createCookieValue(secret);
	const row = await db.transaction(async (tx) => {
		if (role === 'student') {
			await tx.select({ id: room.id }).from(room).where(eq(room.id, roomId)).for('update');
			const others = await tx
				.select({ name: roomMember.displayName })
				.from(roomMember)
				.where(and(eq(roomMember.roomId, roomId), isNull(roomMember.removedAt)));
			const taken = new Set(others.map((o) => nameKey(o.name)));
			if (taken.has(nameKey(name))) throw new NameTaken(name, suggestName(name, taken));
		}
		const [inserted] = await tx
			.insert(roomMember)
			.values({ roomId, role, displayName: name, tokenHash })
			.returning();
		return inserted;
	});
	return { member: toMember(row), cookie: value };
}

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

/** The room's current members, teachers first, then by joining. */
export async function listMembers(db: Db, roomId: string): Promise<Member[]> {
	const rows = await db
		.select()
		.from(roomMember)
		.where(and(eq(roomMember.roomId, roomId), isNull(roomMember.removedAt)))
		.orderBy(roomMember.createdAt);
	return rows
		.map(toMember)
		.sort((x, y) => Number(x.role === 'student') - Number(y.role === 'student'));
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

/** The teacher's changes to a room: phase (with the spotlight), lock and suggestions. */
export interface RoomChanges {
	phase?: RoomPhase;
	spotlightId?: string | null;
	locked?: boolean;
	suggestions?: SuggestionMode;
}

/** The fields a PATCH of a room may name. */
const CHANGE_FIELDS = ['phase', 'spotlightId', 'locked', 'suggestions'] as const;

/** Validates a PATCH body for a room; throws a 422 naming the field (unknown ones too). */
export function checkChanges(raw: unknown): RoomChanges {
	if (!isRecord(raw)) throw invalid([{ field: '', message: 'Expected a JSON object.' }]);
	const unknown = Object.keys(raw).filter((k) => !(CHANGE_FIELDS as readonly string[]).includes(k));
	if (unknown.length)
		throw invalid(
			unknown.slice(0, 10).map((field) => ({
				field,
				message: `A room's ${CHANGE_FIELDS.join(', ')} can be changed, not this.`
			}))
		);
	const out: RoomChanges = {};
	if (raw.phase !== undefined) {
		if (!ROOM_PHASES.includes(raw.phase as RoomPhase))
			throw invalid([
				{ field: 'phase', message: `The phase is one of ${ROOM_PHASES.join(', ')}.` }
			]);
		out.phase = raw.phase as RoomPhase;
	}
	if (raw.spotlightId !== undefined) {
		if (
			raw.spotlightId !== null &&
			(typeof raw.spotlightId !== 'string' || !isUuid(raw.spotlightId))
		)
			throw invalid([
				{ field: 'spotlightId', message: 'The spotlight is an annotation id or null.' }
			]);
		out.spotlightId = raw.spotlightId === null ? null : raw.spotlightId.toLowerCase();
	}
	if (raw.locked !== undefined) {
		if (typeof raw.locked !== 'boolean')
			throw invalid([{ field: 'locked', message: 'locked is true or false.' }]);
		out.locked = raw.locked;
	}
	if (raw.suggestions !== undefined) {
		if (!SUGGESTION_MODES.includes(raw.suggestions as SuggestionMode))
			throw invalid([
				{
					field: 'suggestions',
					message: `Suggestions are one of ${SUGGESTION_MODES.join(', ')}.`
				}
			]);
		out.suggestions = raw.suggestions as SuggestionMode;
	}
	return out;
}

/** Apply the teacher's changes; the spotlight must be a live shared fact of this room. */
export async function update(db: Db, roomId: string, changes: RoomChanges): Promise<Room> {
	if (changes.spotlightId) {
		const [fact] = await db
			.select({ kind: annotation.kind })
			.from(annotation)
			.where(
				and(
					eq(annotation.id, changes.spotlightId),
					eq(annotation.scopeKind, 'room'),
					eq(annotation.scopeId, roomId),
					isNull(annotation.deletedAt)
				)
			);
		if (fact?.kind !== 'shared-fact')
			throw invalid([{ field: 'spotlightId', message: 'Spotlight a shared fact of this room.' }]);
	}
	// nothing to change (an empty PATCH): the room as it is; drizzle refuses an empty SET
	const [row] = Object.keys(changes).length
		? await db.update(room).set(changes).where(eq(room.id, roomId)).returning()
		: await db.select().from(room).where(eq(room.id, roomId));
	if (!row) throw notFound('room');
	return toRoom(row);
}

/** Remove a student: their cookie stops working at once. Teachers cannot be removed. */
export async function removeMember(db: Db, roomId: string, memberId: string): Promise<void> {
	if (!isUuid(memberId)) throw notFound('member');
	const done = await db
		.update(roomMember)
		.set({ removedAt: new Date() })
		.where(
			and(
				eq(roomMember.id, memberId),
				eq(roomMember.roomId, roomId),
				eq(roomMember.role, 'student'),
				isNull(roomMember.removedAt)
			)
		)
		.returning({ id: roomMember.id });
	if (done.length === 0) throw notFound('member');
}

/** Delete a room with all its data: members, events, annotations (targets and replies cascade). */
export async function remove(db: Db, roomId: string): Promise<void> {
	await db.transaction(async (tx) => {
		const scope = (t: typeof annotation | typeof suggestionDecision | typeof themeEdit) =>
			and(eq(t.scopeKind, 'room'), eq(t.scopeId, roomId));
		await tx.delete(suggestionDecision).where(scope(suggestionDecision));
		await tx.delete(themeEdit).where(scope(themeEdit));
		// framings attached to facts of the same room go in the same statement
		await tx.delete(annotation).where(scope(annotation));
		await tx.delete(room).where(eq(room.id, roomId));
	});
}

/** 422 for a follow-me position that is not a side and a sentence index. */
export function invalidFollow() {
	return invalid([{ field: 'sentence', message: 'Follow a side (a or b) and a sentence index.' }]);
}

/** 422 for a rotation of something a room does not have. */
export function invalidRotation() {
	return invalid([{ field: 'replace', message: 'Replace the join-code or the teacher-link.' }]);
}

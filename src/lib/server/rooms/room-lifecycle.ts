import { and, eq, isNull } from 'drizzle-orm';
import { ROOM_PHASES, type RoomPhase } from '../../live/events';
import { isRecord } from '../../domain/annotation';
import { SUGGESTION_MODES, type SuggestionMode } from '../../domain/classroom';
import { labelMessage, labelProblem } from '../../domain/text';
import type { Db } from '../db/connect';
import { annotation, room, suggestionDecision, themeEdit } from '../db/schema';
import { invalid, notFound, isUuid } from '../http';
import { addMember } from './members';
import { toRoom, type Member, type Room } from './room-rows';
import {
	createSalt,
	createToken,
	deriveJoinCode,
	formatJoinCode,
	normalizeJoinCode
} from './tokens';
import { hashToken } from './workspaces';

// Classroom rooms: made by a teacher for one comparison, opened by the teacher's link or, for
// students, a join code; the teacher changes the phase, lock, suggestions and spotlight, and
// can replace the code and link or delete the room.

/** What the teacher gets once, at creation: the link to keep and the code to show. */
interface CreatedRoom {
	room: Room;
	teacherToken: string;
	joinCode: string;
	/** the teacher's own session cookie value */
	cookie: string;
	teacher: Member;
}

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

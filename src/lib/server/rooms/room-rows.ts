import type { RoomMemberView, RoomPhase } from '../../live/events';
import type { SuggestionMode } from '../../domain/classroom';
import { room, roomMember, type RoomKind, type RoomMemberRow, type RoomRow } from '../db/schema';

// A room and a member as the app sees them (the capability hashes stay in the tables), and the
// columns a query selects for them.

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

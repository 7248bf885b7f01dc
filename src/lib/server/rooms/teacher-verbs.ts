import type { LiveEvent } from '../../live/events';
import { createRoomPublisher } from './events';
import type { RoomDeps } from './annotation-verbs';
import * as rooms from './rooms';
import type { Membership, Room } from './rooms';

// The teacher's live actions on a room: each is committed first, then recorded and published
// so every open page follows within a second.

function envelope(m: Membership) {
	return { scope: { kind: 'room' as const, id: m.room.id }, comparisonId: m.room.comparisonId };
}

/** Switch phase, spotlight, lock or suggestions; publishes what changed. */
export async function change(deps: RoomDeps, m: Membership, body: unknown): Promise<Room> {
	rooms.requireTeacher(m);
	rooms.requireClass(m);
	const changes = rooms.checkChanges(body);
	if (changes.phase && changes.phase !== 'discuss' && changes.spotlightId === undefined)
		changes.spotlightId = null; // the spotlight belongs to the discuss phase
	const after = await rooms.update(deps.db, m.room.id, changes);
	const publish = createRoomPublisher(deps.db, deps.bus, m.room.id);
	const base = envelope(m);
	if (after.phase !== m.room.phase || after.spotlightId !== m.room.spotlightId)
		await publish(
			{ type: 'room.phase', ...base, data: { phase: after.phase, spotlightId: after.spotlightId } },
			{}
		);
	if (after.locked !== m.room.locked)
		await publish({ type: 'room.locked', ...base, data: { locked: after.locked } }, {});
	if (after.suggestions !== m.room.suggestions)
		await publish(
			{ type: 'room.suggestions', ...base, data: { suggestions: after.suggestions } },
			{}
		);
	return after;
}

/** Remove a student; their open page is told and its stream ends. */
export async function removeStudent(deps: RoomDeps, m: Membership, memberId: string) {
	rooms.requireTeacher(m);
	rooms.requireClass(m);
	await rooms.removeMember(deps.db, m.room.id, memberId);
	const publish = createRoomPublisher(deps.db, deps.bus, m.room.id);
	await publish(
		{ type: 'member.removed', ...envelope(m), data: { id: memberId.toLowerCase() } },
		{}
	);
}

/** Announce a new student to the teacher's dashboard. */
export async function announceJoin(deps: RoomDeps, m: Membership): Promise<void> {
	const publish = createRoomPublisher(deps.db, deps.bus, m.room.id);
	const { roomId: _roomId, ...member } = m.member;
	await publish({ type: 'member.joined', ...envelope(m), data: { member } }, { teacherOnly: true });
}

/** Presentation mode's follow-me position: sent live only (a stale position is worth nothing). */
export async function follow(deps: RoomDeps, m: Membership, side: unknown, sentence: unknown) {
	rooms.requireTeacher(m);
	rooms.requireClass(m);
	if ((side !== 'a' && side !== 'b') || !Number.isSafeInteger(sentence) || (sentence as number) < 0)
		throw rooms.invalidFollow();
	const event = {
		type: 'room.follow',
		...envelope(m),
		data: { side, sentence: sentence as number }
	} as LiveEvent;
	await deps.bus.publish(m.room.id, {
		event: { id: 0, ...event },
		ownerId: null,
		teacherOnly: false
	});
}

/** Delete the room and all its data; open pages are told first. */
export async function removeRoom(deps: RoomDeps, m: Membership): Promise<void> {
	rooms.requireTeacher(m);
	await rooms.remove(deps.db, m.room.id);
	const event = { type: 'room.deleted', ...envelope(m), data: {} } as LiveEvent;
	await deps.bus.publish(m.room.id, {
		event: { id: 0, ...event },
		ownerId: null,
		teacherOnly: false
	});
}

/**
 * The teacher replaces the join code or the teacher link: the old one stops working at once,
 * members stay. Answers the new one (the link as a path: the route makes it absolute).
 */
export async function rotate(
	deps: RoomDeps,
	secret: Buffer,
	m: Membership,
	what: unknown
): Promise<{ joinCode: string } | { teacherPath: string; teacherToken: string }> {
	rooms.requireTeacher(m);
	rooms.requireClass(m);
	if (what === 'join-code')
		return { joinCode: await rooms.rotateJoinCode(deps.db, secret, m.room.id) };
	if (what === 'teacher-link') {
		const teacherToken = await rooms.rotateTeacherToken(deps.db, m.room.id);
		return { teacherPath: `/rooms/teach/${teacherToken}`, teacherToken };
	}
	throw rooms.invalidRotation();
}

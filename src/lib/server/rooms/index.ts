// Rooms: a class (teacher, students, phases, join code, QR) or a reader's personal room of one,
// opened by a workspace cookie. Each verb checks the membership and the phase, calls the
// annotation store, then records and publishes a live event (events.ts) that every open
// stream (stream.ts) sends, replaying what a page missed after a reconnect (event-replay.ts).
// A new classroom verb goes in teacher-verbs.ts (the teacher) or
// beside annotation-verbs.ts (members), with its route under src/routes/api/rooms/.

export { createInPersonalRoom, createInRoom } from './annotation-create';
export * as roomAnnotations from './annotation-verbs';
export { actorOf } from './annotation-verbs';
export * as events from './events';
export { lastId } from './event-replay';
export * as personal from './personal-rooms';
export { createQrPath } from './qr-code';
export { heldFrom, heldMatcher, refuseHeld } from './held-suggestions';
export type { HeldSuggestions } from './held-suggestions';
export {
	comparisonIdOf,
	currentWorkspace,
	database,
	ensureWorkspace,
	personalActor,
	personalActorForWrite,
	personalRoom,
	personalRoomForCreate,
	personalRoomForWrite,
	personalRoomOf,
	personalStream
} from './reader-session';
export * as roomReplies from './reply-verbs';
export * as rooms from './rooms';
export { requireTeacher, suggestionsShownTo } from './rooms';
export type { Membership } from './rooms';
export {
	requireMembership,
	requireMembershipForWrite,
	roomDeps,
	roomSecret,
	setRoomCookie
} from './route-context';
export { streamGate } from './stream-limits';
export type { Refusal } from './stream-limits';
export { createRoomStream, resumeId } from './stream';
export * as roomSuggestions from './suggestion-verbs';
export { decide, listDecisions } from './suggestion-verbs';
export { listMyRooms, rememberTeacherLink } from './teacher-links';
export * as teacher from './teacher-verbs';
export * as roomThemes from './theme-verbs';
export { roomCookieName } from './tokens';
export * as workspaces from './workspaces';
export { getSecret } from './workspaces';

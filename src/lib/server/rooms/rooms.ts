// Classroom rooms: made by a teacher for one comparison, joined by students with a code and a
// display name. The \`rooms\` namespace of the folder's index: a room and a member's shape
// (room-rows.ts), the room's making, settings and deletion (room-lifecycle.ts), its members
// (members.ts) and the caller's membership (membership.ts).

export * from './members';
export * from './membership';
export * from './room-lifecycle';
export * from './room-rows';

import { error, redirect } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import {
	roomDeps,
	roomSecret,
	setRoomCookie,
	rememberTeacherLink,
	roomCookieName,
	rooms
} from '$lib/server/rooms';
import type { PageServerLoad } from './$types';

// The secret teacher link: opening it (on the projector's computer, say) makes this browser a
// teacher of the room, then goes to the room. A browser that already is one keeps its session.
// Either way the link is remembered under "My rooms" on this browser.
export const load: PageServerLoad = async ({ params, cookies, url }) => {
	const { db } = await roomDeps();
	const room = await rooms.findByTeacherToken(db, params.token);
	if (!room) error(404, 'This teacher link does not open any room.');
	const secret = await roomSecret();
	const current = await rooms.membershipOf(
		db,
		secret,
		room.id,
		cookies.get(roomCookieName(room.id))
	);
	if (current?.member.role !== 'teacher') {
		const { cookie } = await rooms.addMember(db, secret, room.id, 'teacher', 'Teacher');
		setRoomCookie(cookies, url, room.id, cookie);
	}
	rememberTeacherLink(cookies, url, room.id, params.token);
	redirect(303, resolve('/rooms/[roomId]', { roomId: room.id }));
};

import { error } from '@sveltejs/kit';
import { RequestError } from '$lib/server/http';
import { requireMembership, roomSecret, createQrPath, rooms } from '$lib/server/rooms';
import type { PageServerLoad } from './$types';

// The projector view: the join code in huge type and a QR code of the join link, for the class
// to read off the wall. The teacher's alone (students and strangers get the room's 404).
export const load: PageServerLoad = async (event) => {
	const context = await requireMembership(event).catch((e: unknown) => {
		if (e instanceof RequestError) error(404, 'No room has this address.');
		throw e;
	});
	const { deps, membership } = context;
	if (membership.member.role !== 'teacher' || membership.room.kind !== 'class')
		error(404, 'No room has this address.');
	const joinCode = await rooms.joinCodeOf(deps.db, await roomSecret(), membership.room.id);
	const joinUrl = new URL(`/rooms?code=${joinCode}`, event.url).href;
	return {
		room: { id: membership.room.id, title: membership.room.title },
		joinCode,
		joinUrl,
		/** what a student types when they cannot scan: the page that asks for the code */
		joinPage: new URL('/rooms', event.url).href.replace(/^https?:\/\//, ''),
		qr: createQrPath(joinUrl)
	};
};

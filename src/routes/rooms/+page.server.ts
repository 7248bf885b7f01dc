import { fail, redirect } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import { checkTexts } from '$lib/domain/text';
import { comparisons } from '$lib/server/articles';
import { RequestError } from '$lib/server/http';
import {
	roomDeps,
	roomSecret,
	setRoomCookie,
	listMyRooms,
	rememberTeacherLink,
	teacher,
	rooms,
	comparisonIdOf,
	roomCookieName
} from '$lib/server/rooms';
import type { Actions, PageServerLoad } from './$types';

// Classroom entry: a teacher starts a room on a comparison; a student joins with the code
// (typed, or from the QR code's ?code=) and a display name. No email, no password. The rooms
// this browser made are listed with their teacher links (kept in the teacher's own cookie).
export const load: PageServerLoad = async ({ url, cookies }) => {
	const { db } = await roomDeps();
	const list = await comparisons.list(db);
	// the seed first (the lesson most rooms are made for), then the newest; no silent default
	const ordered = [
		...list.filter((c) => c.slug === 'seed'),
		...list.filter((c) => c.slug !== 'seed')
	];
	const mine = await listMyRooms(db, cookies, url);
	return {
		comparisons: ordered.map((c) => ({ id: c.id, title: c.title })),
		myRooms: mine.map(({ token, ...r }) => ({
			...r,
			teacherUrl: new URL(`/rooms/teach/${token}`, url).href
		})),
		code: url.searchParams.get('code') ?? '',
		// ?comparison= takes an id or a well-known slug ('seed'), as /compare/[id] does
		comparisonId: await comparisonIdOf(db, url.searchParams.get('comparison') ?? '').catch(() => '')
	};
};

export const actions: Actions = {
	create: async ({ request, cookies, url }) => {
		const form = await request.formData();
		const comparisonId = String(form.get('comparisonId') ?? '');
		const { db } = await roomDeps();
		const comparison = await comparisons.get(db, comparisonId).catch(() => undefined);
		if (!comparison)
			return fail(400, { createError: 'Choose the comparison for this lesson.', comparisonId: '' });
		try {
			const made = await rooms.create(
				db,
				await roomSecret(),
				comparison.id,
				form.get('title') ?? undefined
			);
			setRoomCookie(cookies, url, made.room.id, made.cookie);
			rememberTeacherLink(cookies, url, made.room.id, made.teacherToken);
			return {
				created: {
					roomId: made.room.id,
					title: made.room.title,
					teacherUrl: new URL(`/rooms/teach/${made.teacherToken}`, url).href,
					comparisonId: comparison.id,
					// texts that look wrong are worth fixing before the class joins
					warnings: checkTexts(comparison.a, comparison.b)
				}
			};
		} catch (e) {
			if (e instanceof RequestError)
				return fail(e.status, {
					createError: e.fields?.[0]?.message ?? e.message,
					comparisonId: comparison.id
				});
			throw e;
		}
	},
	join: async ({ request, cookies, url, locals }) => {
		const form = await request.formData();
		const code = String(form.get('code') ?? '');
		const displayName = String(form.get('displayName') ?? '');
		/**
		 * a refusal that keeps what was typed and names the field it is about (the page shows the
		 * message there and focuses it); `suggestion` is a free name for a taken one
		 */
		const refuse = (
			status: number,
			joinField: 'code' | 'displayName',
			joinError: string,
			suggestion = ''
		) => fail(status, { joinError, joinField, code, displayName, suggestion });
		const deps = await roomDeps();
		const room = await rooms.findByJoinCode(deps.db, code);
		if (!room) return refuse(404, 'code', 'No room has this code. Check it with your teacher.');
		const secret = await roomSecret();
		// a student back on this page (browser Back, the link again) is in the room already: to it,
		// not a second name ("Maya 2") for the same person
		const already = await rooms.membershipOf(
			deps.db,
			secret,
			room.id,
			cookies.get(roomCookieName(room.id)),
			locals.workspace?.id
		);
		if (already) redirect(303, resolve('/rooms/[roomId]', { roomId: room.id }));
		let joined;
		try {
			joined = await rooms.addMember(deps.db, secret, room.id, 'student', displayName);
		} catch (e) {
			// the room exists, so what addMember refuses is the name (taken, kept for teachers, too long)
			if (e instanceof rooms.NameTaken) return refuse(409, 'displayName', e.message, e.suggestion);
			if (e instanceof RequestError)
				return refuse(e.status, 'displayName', e.fields?.[0]?.message ?? e.message);
			throw e;
		}
		setRoomCookie(cookies, url, room.id, joined.cookie);
		await teacher.announceJoin(deps, { room, member: joined.member });
		redirect(303, resolve('/rooms/[roomId]', { roomId: room.id }));
	}
};

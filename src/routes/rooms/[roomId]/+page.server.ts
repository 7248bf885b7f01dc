import { error, redirect } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import { withholdSuggestions } from '$lib/domain/classroom';
import { getAnalysis, comparisons } from '$lib/server/articles';
import { RequestError } from '$lib/server/http';
import {
	heldFrom,
	lastId,
	requireMembership,
	roomSecret,
	createQrPath,
	rooms
} from '$lib/server/rooms';
import type { PageServerLoad } from './$types';

// A room: the reading view in room mode for everyone; the teacher also gets the join code, its
// QR code and the members. Anyone who is not a member gets a 404, as for a room that never was.
export const load: PageServerLoad = async (event) => {
	let context;
	try {
		context = await requireMembership(event);
	} catch (e) {
		if (e instanceof RequestError) error(404, 'No room has this address.');
		throw e;
	}
	const { deps, membership } = context;
	// a personal room is the reader's own work on the comparison: read it there
	if (membership.room.kind === 'personal')
		redirect(303, resolve('/compare/[id]', { id: membership.room.comparisonId }));
	const comparison = await comparisons.get(deps.db, membership.room.comparisonId);
	if (!comparison) error(404, 'No room has this address.');
	// a student gets no machine suggestion the teacher hides now (the page data is theirs to read)
	const analysis = await getAnalysis(deps.db, comparison);
	// nor any while this browser is a student in another class that hides them on these texts
	// (a room of one's own, made as its teacher, would otherwise show them)
	const other = await heldFrom(event, comparison);
	const held = other && other.roomId !== membership.room.id ? other : null;
	const shown = rooms.suggestionsShownTo(membership) && !held;
	const base = {
		room: membership.room,
		member: membership.member,
		lastEventId: await lastId(deps.db, membership.room.id),
		comparison,
		analysis: shown ? analysis : withholdSuggestions(analysis),
		suggestionsShown: shown,
		held
	};
	if (membership.member.role !== 'teacher') return { ...base, teacher: null };
	const joinCode = await rooms.joinCodeOf(deps.db, await roomSecret(), membership.room.id);
	const joinUrl = new URL(`/rooms?code=${joinCode}`, event.url).href;
	return {
		...base,
		teacher: {
			joinCode,
			joinUrl,
			qr: createQrPath(joinUrl),
			members: await rooms.listMembers(deps.db, membership.room.id)
		}
	};
};

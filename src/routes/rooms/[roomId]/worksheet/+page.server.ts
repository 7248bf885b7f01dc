import { error } from '@sveltejs/kit';
import { buildWorksheet } from '$lib/domain/annotation';
import { comparisons } from '$lib/server/articles';
import { RequestError } from '$lib/server/http';
import { roomAnnotations, requireMembership } from '$lib/server/rooms';
import type { PageServerLoad } from './$types';

// The class's printable worksheet: the room's annotations as the caller may see them (the
// teacher: everyone's that are not hidden), one row per shared fact with its author's framings on
// each end (one student's framing is never printed on another's fact), each saying who made it.
export const load: PageServerLoad = async (event) => {
	const context = await requireMembership(event).catch((e: unknown) => {
		if (e instanceof RequestError) error(404, 'No room has this address.');
		throw e;
	});
	const { deps, membership } = context;
	const comparison = await comparisons.get(deps.db, membership.room.comparisonId);
	if (!comparison) error(404, 'No room has this address.');
	const placed = await roomAnnotations.list(deps.db, membership);
	const shown = placed.annotations.filter((a) => !placed.hiddenIds.includes(a.id));
	const texts = {
		a: { text: comparison.a.text, version: comparison.a.version },
		b: { text: comparison.b.text, version: comparison.b.version }
	};
	return {
		room: { id: membership.room.id, title: membership.room.title },
		comparison: { title: comparison.title, a: comparison.a.meta, b: comparison.b.meta },
		rows: buildWorksheet(shown, texts, { sameAuthor: true })
	};
};

import { error } from '@sveltejs/kit';
import { buildWorksheet } from '$lib/domain/annotation';
import { annotations } from '$lib/server/annotations';
import { comparisons } from '$lib/server/articles';
import { comparisonIdOf, database, personalActor } from '$lib/server/rooms';
import type { PageServerLoad } from './$types';

// The printable comparison worksheet of the reader's annotations: one row per shared fact with the
// framings on each of its ends, then the framings and notes that stand alone.
export const load: PageServerLoad = async (event) => {
	const db = await database();
	const id = await comparisonIdOf(db, event.params.id).catch(() =>
		error(404, 'No comparison has this address.')
	);
	const comparison = await comparisons.get(db, id);
	if (!comparison) error(404, 'No comparison has this address.');
	const placed = await annotations.list(db, await personalActor(event, id), id);
	const texts = {
		a: { text: comparison.a.text, version: comparison.a.version },
		b: { text: comparison.b.text, version: comparison.b.version }
	};
	return {
		comparison: {
			id: comparison.id,
			title: comparison.title,
			a: comparison.a.meta,
			b: comparison.b.meta
		},
		rows: buildWorksheet(placed.annotations, texts),
		orphans: placed.orphans.length
	};
};

/**
 * How much the details two sentences share weigh as evidence of one fact: rare names more than
 * everyday ones, counted numbers and full dates more than bare weekdays, rare shared phrases.
 */
import type { DetailMatch } from './details';
import { wordInformation } from './word-weights';

/** Weight of the shared details, split by kind (see {@link detailWeight}). */
export interface DetailWeights {
	/** who, where, when, how many: names, numbers, dates */
	specific: number;
	/** distinctive wording both passages use */
	phrases: number;
}

/**
 * Weight of the shared details: a distinctive name counts up to 1 (a name common in everyday
 * English, like "America", less; a name in every sentence of the pair, like the story's
 * protagonist, less); a number counts 1 with a counted word or when large, else ½; a date counts
 * 1 with a year or a day, ½ for a bare weekday, month or relative date; a shared phrase of rare
 * words counts up to 1.
 * @example detailWeight(matchDetails(sa, sb, fa, fb)) // {specific: 1.5, phrases: 0}
 */
export function detailWeight(
	d: DetailMatch,
	rarity: (key: string) => number = () => 1
): DetailWeights {
	let specific = 0;
	for (const { a } of d.entities) {
		let best = 0;
		for (const k of a.keys) {
			// 7 nats ≈ "America", 12 ≈ a rare name
			const info = Math.min(1, Math.max(0, (wordInformation(k, k) - 7) / 5));
			best = Math.max(best, info * rarity(k));
		}
		specific += best;
	}
	for (const { a } of d.quantities) specific += a.unit !== undefined || a.value >= 10 ? 1 : 0.5;
	for (const { a, b } of d.dates) {
		const precise =
			(a.year !== undefined && b.year !== undefined) ||
			(a.day !== undefined && b.day !== undefined);
		specific += precise ? 1 : 0.5;
	}
	let phrases = 0;
	for (const p of d.phrases) {
		const [x, y] = p.split(' ');
		// two everyday words ("last year", 16 nats together) are no evidence; rare pairs are
		const info = Math.min(1, Math.max(0, (wordInformation(x, x) + wordInformation(y, y) - 16) / 6));
		phrases += info * Math.max(rarity(x), rarity(y));
	}
	return { specific, phrases };
}

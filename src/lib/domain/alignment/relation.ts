/**
 * The relation between two passages already judged to state one fact: the same fact, the same
 * fact with a different detail ("March 2023" vs "March 18", "26,580" vs "26,000"), or a
 * contradiction (the same counted thing with another number, dates that cannot both hold, or one
 * passage denying what the other asserts). Conservative: doubt resolves to the milder relation.
 */
import type { DetailMatch } from './details';
import type { Relation, SentenceFeatures } from './types';

/** Negation cues: "not", "n't", "never", "no", "denied"… */
const NEGATION =
	/\b(?:not|never|no|none|nobody|nothing|neither|nor|cannot|denie[sd]|deny)\b|n['’]t\b/gi;

/** Number of negation cues in a passage. */
function negations(text: string): number {
	return text.match(NEGATION)?.length ?? 0;
}

/**
 * One passage negates and the other does not: a possible contradiction, trusted only between
 * passages that otherwise say nearly the same (similarity at least `minSimilarity`).
 * @example negationMismatch('ICE resumed flights.', 'ICE has not resumed flights.') // true
 */
export function negationMismatch(a: string, b: string): boolean {
	return (negations(a) === 0) !== (negations(b) === 0);
}

/** Similarity above which a negation mismatch reads as a contradiction, not a paraphrase. */
const NEGATION_SIMILARITY = 0.6;

/**
 * Classifies two matched passages.
 * @example classifyRelation(details /* March 2023 vs March 18 *\/, sa, sb, 0.5) // 'different-detail'
 */
export function classifyRelation(
	details: DetailMatch,
	a: SentenceFeatures,
	b: SentenceFeatures,
	similarity: number
): Relation {
	if (details.quantityConflicts.length > 0 || details.dateConflicts.length > 0)
		return 'contradicts';
	if (similarity >= NEGATION_SIMILARITY && negationMismatch(a.text, b.text)) return 'contradicts';
	if (details.dates.some((d) => !d.exact) || details.quantities.some((q) => !q.exact)) {
		return 'different-detail';
	}
	return 'same';
}

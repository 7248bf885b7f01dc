import type { Relation } from '$lib/domain/alignment/types';

/** How each relation between two passages is named for readers. */
export const RELATION_LABELS: Record<Relation, string> = {
	same: 'Same fact',
	'different-detail': 'Same fact, different detail',
	contradicts: 'Contradicts',
	'different-claims': 'Same subject, different claims'
};

/** A glyph per relation so it is never told by colour alone. */
export const RELATION_GLYPHS: Record<Relation, string> = {
	same: '=',
	'different-detail': '≈',
	contradicts: '≠',
	'different-claims': '⇄'
};

/**
 * A suggestion's calibrated probability in plain words for readers ("likely the same fact (74%)"):
 * the number alone reads as a grade, the words alone hide how sure the engine is.
 * @example confidenceWords(0.74) // 'likely the same fact (74%)'
 */
export function confidenceWords(probability: number): string {
	const percent = Math.round(probability * 100);
	const words =
		probability >= 0.85
			? 'very likely the same fact'
			: probability >= 0.7
				? 'likely the same fact'
				: 'possibly the same fact';
	return `${words} (${percent}%)`;
}

import type { Relation } from '$lib/domain/alignment/types';

/** How each relation between two passages is named for readers. */
export const RELATION_LABELS: Record<Relation, string> = {
	same: 'Same fact',
	'different-detail': 'Same fact, different detail',
	contradicts: 'Contradicts'
};

/** A glyph per relation so it is never told by colour alone. */
export const RELATION_GLYPHS: Record<Relation, string> = {
	same: '=',
	'different-detail': '≈',
	contradicts: '≠'
};

// What readers are told a set-apart paragraph is: the label over it in the reading view and the
// words of the alignment map's sentence names. One table, so a screen reader and the page say the
// same thing, and neither says "furniture", the engine's word for it.
import type { FurnitureKind } from '../types';

/** The reader's name for each kind of page furniture ("Byline"), as the reading view shows it. */
export const FURNITURE_LABELS: Readonly<Record<FurnitureKind, string>> = {
	navigation: 'Site navigation',
	tags: 'Tags',
	credit: 'Credit',
	byline: 'Byline',
	dateline: 'Date',
	bio: 'Author bio',
	appeal: 'Appeal',
	share: 'Sharing',
	other: 'Repeated passage'
};

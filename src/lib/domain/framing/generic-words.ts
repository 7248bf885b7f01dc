/**
 * Content words too general to name a theme or to head a two-word term: light verbs, reporting
 * verbs and all-purpose nouns of English. The stopword list keeps them (they matter for shared
 * facts); themes and collocations skip them. General English, stored as lemmas.
 */

const GENERIC_LIST = `
say tell ask make take give get go come know see seem think want use find put become keep
show mean try call feel leave begin start turn set bring hold happen include continue appear
need allow lead help move consider describe report note add remain follow provide thing way
lot kind sort part case point fact time year day week month today ago example number place
thing matter side end area group level whether per cent percent also yet anyway instead new old
good bad great big small little large long high low first last next early late many much
certain particular various specific real true sure clear able likely possible recent recently
currently now simply really actually especially notably course hardly nearly far almost
`;

const GENERIC: ReadonlySet<string> = new Set(GENERIC_LIST.split(/\s+/).filter(Boolean));

/**
 * True for a lemma that carries no topic on its own ("say", "thing", "level").
 * @example isGenericWord('say') // true
 * @example isGenericWord('asylum') // false
 */
export function isGenericWord(lemma: string): boolean {
	return GENERIC.has(lemma);
}

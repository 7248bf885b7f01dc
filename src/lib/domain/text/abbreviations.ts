/**
 * Word lists for the sentence splitter. Entries are lower-case and without the final period.
 * wink-nlp keeps its abbreviations inside its tokenizer, out of reach of the splitter's rules
 * (see sentences.ts for how the two splitters compare).
 */

/** Parses a whitespace-separated word list into a set. */
function words(list: string): ReadonlySet<string> {
	return new Set(list.split(/\s+/).filter(Boolean));
}

/** Titles and other abbreviations that always lead into the next word ("Mr. Smith", "Mt. Fuji", "e.g. this"). */
export const PREPOSITIVE = words(`
mr mrs ms messrs mme mlle dr prof st mt ft gen gov sen rep lt col capt sgt cpl pvt maj brig adm
cmdr cdr insp det supt atty rev hon pres fr sr sra srta e.g i.e cf viz vs v approx ca
`);

/** Abbreviations normally followed by a number ("No. 5", "p. 55", "Jan. 6"). */
export const BEFORE_NUMBER = words(`
no nos n° nº p pp vol vols fig figs ch chap art sec para ed eds op pt pts jan feb mar apr jun jul
aug sep sept oct nov dec tel ext ref approx est rs
`);

/** Abbreviations that can end a sentence ("… and co. They", "… Inc. It") but usually do not. */
export const AMBIGUOUS = words(`
etc co corp inc ltd llc plc jr sr bros esq dept univ assn ave blvd rd hwy mfg
ph.d b.a m.a d.c
`);

/**
 * Capitalised words that typically open a sentence; after an ambiguous abbreviation they mark a
 * boundary ("in the U.S. How about you?"), whereas a name or noun continues it ("U.S. Government").
 */
export const SENTENCE_STARTERS = words(`
the a an this that these those it its he she they we i you his her their our my your there here
how what why when where who whom which whose in on at but and so if as after before for with yet
no not some many most all one both each every however meanwhile then still also although though
while since because during until unless once now today yesterday tomorrow later instead indeed
thus hence moreover furthermore nevertheless nonetheless besides otherwise perhaps maybe
`);

/** Clock abbreviations: "6 p.m. Travelers left" ends a sentence unless a day or zone follows. */
export const CLOCK = words(`a.m p.m am pm`);

/** Words that continue a time expression after "a.m."/"p.m." ("5 p.m. Monday", "9 a.m. ET"). */
export const TIME_FOLLOWERS = words(`
monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri sat sun
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
et est edt ct cst cdt mt mst mdt pt pst pdt gmt utc bst cet cest ist jst aest local
`);

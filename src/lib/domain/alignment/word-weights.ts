/**
 * How informative a word is, from its frequency in everyday English (SUBTLEX-US, film
 * subtitles). A word that is rare in everyday speech ("rehab", "Lohan", "magnitude") says more
 * about which fact a sentence states than a common one ("said", "people", "day").
 *
 * The counts are the compact top-20,000 list the framing code ships (frequency-prior-data), not
 * the full 74,000-word package: one copy of the data in memory and in the server bundle. Words
 * below the list's floor (39 uses in 50M) are all "rare" here, which is all the engine asks:
 * similarity caps information at 13 nats (≈ 110 uses) and the name and common-word tests cut
 * at 50 and 2,000 uses.
 */
import { decodeFrequencyList } from '../framing/frequency-prior';
import { SUBTLEX_TOP, SUBTLEX_TOTAL } from '../framing/frequency-prior-data.server';

/** Information of a word absent from the list: rarer than any listed word. */
const MAX_INFORMATION = Math.log(SUBTLEX_TOTAL);

let counts: Map<string, number> | undefined;
/**
 * Counts by word as written, so repeated look-ups skip lower-casing. A pure memo of a fixed
 * table (same answer for every caller), bounded so that a long-running server cannot grow it
 * without end.
 */
const memo = new Map<string, number>();
/** Memo entries kept at most (a long article pair has a few thousand distinct forms). */
const MEMO_LIMIT = 200_000;

/** Lower-case word → count, summing case variants ("March" the month and "march" the verb). */
function countTable(): Map<string, number> {
	if (counts) return counts;
	const table = new Map<string, number>();
	for (const { word, count } of decodeFrequencyList(SUBTLEX_TOP)) {
		const key = word.toLowerCase();
		table.set(key, (table.get(key) ?? 0) + count);
	}
	counts = table;
	return table;
}

/**
 * Everyday-English frequency count of a word (case-insensitive); 0 when the list lacks it.
 * @example backgroundCount('police') // 12044
 */
export function backgroundCount(word: string): number {
	let c = memo.get(word);
	if (c === undefined) {
		c = countTable().get(word.toLowerCase()) ?? 0;
		if (memo.size >= MEMO_LIMIT) memo.clear();
		memo.set(word, c);
	}
	return c;
}

/**
 * Information content ln(N / (count + 1)) of the rarer of a word's surface form and lemma, in
 * nats: about 3.5 for "the", 8 for "police", 12 for "rehab", 17.7 for an unlisted name.
 * @example wordInformation('deportations', 'deportation') > wordInformation('said', 'say') // true
 */
export function wordInformation(surface: string, lemma: string): number {
	// the lemma's count is the better estimate for inflected forms missing from the list
	const c = Math.max(backgroundCount(surface), backgroundCount(lemma));
	return c === 0 ? MAX_INFORMATION : Math.log(SUBTLEX_TOTAL / (c + 1));
}

/**
 * True when a lower-case word is common in everyday English (at least `minCount` uses in the
 * subtitle corpus), i.e. a capitalised occurrence of it is more likely a sentence start or a
 * headline than a name.
 * @example isCommonWord('checks') // true
 * @example isCommonWord('lohan') // false
 */
export function isCommonWord(word: string, minCount = 50): boolean {
	return backgroundCount(word) >= minCount;
}

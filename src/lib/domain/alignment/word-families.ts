/**
 * Word families within one pair of articles. Derivation: "deportation", "deportee" and
 * "deport", "imprison" and "prison", "killer" and "kill" state the same fact in different parts
 * of speech; a word joins the family of its stem only when the stem itself occurs in the pair,
 * so rare accidental stems ("number" → "numb") never link anything. Paraphrase: a family whose
 * word is in the news paraphrase lexicon joins its group ("fled" and "escaped", "quake" and
 * "tremor"), since two reports of one fact often differ only in such a choice.
 */
import { paraphraseGroup } from './paraphrases';
import { backgroundCount } from './word-weights';

/** Derivational suffixes, longest first, stripped to find a word's base. */
const SUFFIXES = [
	'ation',
	'ition',
	// "assistance" → "assist", "residence" → "reside"
	'ance',
	'ence',
	'ment',
	'ness',
	'ism',
	'ist',
	'ity',
	'ion',
	'ive',
	'ee',
	'er',
	'or',
	'al'
];
/** Verb-forming prefixes ("imprison", "endanger", "empower"). */
const PREFIXES = ['im', 'en', 'em'];
/** A base shorter than this is too likely an accident ("station" → "st"). */
const MIN_BASE = 4;

/** Candidate bases of a lemma, most likely first. */
function bases(lemma: string): string[] {
	const out: string[] = [];
	// a stem that lost its final e ("damag" from "damaged", "explod") is no everyday English word
	// (absent from the frequency list); with the e back it is the noun or base form ("damage")
	if (lemma.length >= MIN_BASE && backgroundCount(lemma) === 0) out.push(lemma + 'e');
	for (const s of SUFFIXES) {
		if (lemma.length - s.length >= MIN_BASE && lemma.endsWith(s)) {
			const stem = lemma.slice(0, -s.length);
			out.push(stem, stem + 'e');
		}
	}
	for (const p of PREFIXES) {
		if (lemma.length - p.length >= MIN_BASE && lemma.startsWith(p)) out.push(lemma.slice(p.length));
	}
	return out;
}

/**
 * Maps each lemma of a vocabulary to its family key: the base word when the base occurs in the
 * vocabulary too, else the lemma itself.
 * @example buildWordFamilies(new Set(['deportation', 'deport', 'number'])).get('deportation') // 'deport'
 */
export function buildWordFamilies(vocabulary: ReadonlySet<string>): Map<string, string> {
	const family = new Map<string, string>();
	for (const lemma of vocabulary) {
		const base = bases(lemma).find((b) => b !== lemma && vocabulary.has(b));
		family.set(lemma, base ?? lemma);
	}
	// one more step resolves chains ("deportation" → "deportee"? no: both → "deport")
	for (const [lemma, base] of family) family.set(lemma, family.get(base) ?? base);
	// a word whose family or stem is in the paraphrase lexicon joins the group, even when the
	// stem itself does not occur ("deportation" meets "expelled" through "deport")
	for (const [lemma, base] of family) {
		const group =
			paraphraseGroup(lemma) ??
			paraphraseGroup(base) ??
			bases(lemma)
				.map(paraphraseGroup)
				.find((g) => g !== undefined);
		if (group !== undefined) family.set(lemma, group);
	}
	return family;
}

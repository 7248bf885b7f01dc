/**
 * A small rule-based English lemmatiser: plural nouns and -s/-ed/-ing verb forms, with e-restoration
 * and consonant undoubling, plus a table of irregulars. It aims at consistency (the same word in
 * two articles gets the same lemma) more than at dictionary truth.
 *
 * Why not wink-nlp's lemmas (the app runs wink for part-of-speech tags): wink lemmatises in
 * context, so one word gets different lemmas in two sentences ("coming" -> come | coming,
 * "known" -> know | known: 151 such forms in 400 ECB+ dev documents), and it leaves plural names
 * alone ("Russians", "States"), which would keep "Russian" and "Russians" from matching. Over
 * those documents (112,890 common-word tokens, 2026-12-06) wink gives two or more lemmas to 19.3%
 * of the families this lemmatiser forms; this one split 10.8% of wink's families, mostly where
 * a longer stem had lost its e ("prepare" / "prepared" -> prepar, "decid", "injur", "damag").
 * Since 2026-12-07 the endings after which no base form lacks an e restore it (E_LOST_AFTER):
 * in the same 400 documents, lemmas with a twin that only adds a final e fell from 76 to 15, all
 * of them different words ("ton" / "tone", "hop" / "hope", "moral" / "morale").
 * It was 4x faster (2.5 s against wink's 10 s for tokens, tags and lemmas of the same texts).
 */
import {
	IRREGULAR,
	KEEP_DOUBLE,
	KEEP_ED,
	KEEP_ING,
	KEEP_S,
	KEEP_STEM,
	NO_E_AFTER_S,
	RESTORE_E
} from './lemma-tables';
import { isStopword } from './stopwords';

const VOWEL = /[aeiouy]/;
/** Two-letter endings after which a longer stem lost its e (checked after a consonant). */
const E_LOST_AFTER = /(?:ar|ir|ur|id|ut|in|ag|eg|ok|od|ad|ed|ul|am|ak)$/;

/** Whether the character at i of w is a consonant in Porter's sense (y after a consonant is a vowel). */
function isConsonant(w: string, i: number): boolean {
	const c = w[i];
	if ('aeiou'.includes(c)) return false;
	if (c === 'y') return i === 0 || !isConsonant(w, i - 1);
	return true;
}

/** Porter's measure m: the number of vowel-consonant sequences in a stem. */
function measure(w: string): number {
	let m = 0;
	let prevVowel = false;
	for (let i = 0; i < w.length; i++) {
		const cons = isConsonant(w, i);
		if (cons && prevVowel) m++;
		prevVowel = !cons;
	}
	return m;
}

/** Consonant-vowel-consonant ending whose last consonant is not w, x or y ("hop", "rul"). */
function endsCvc(w: string): boolean {
	const n = w.length;
	if (n < 3) return false;
	return (
		isConsonant(w, n - 3) &&
		!isConsonant(w, n - 2) &&
		isConsonant(w, n - 1) &&
		!'wxy'.includes(w[n - 1])
	);
}

/** Rebuilds the base form of a stem left after removing -ed or -ing. */
function repairStem(stem: string): string {
	if (RESTORE_E.has(stem + 'e')) return stem + 'e';
	const n = stem.length;
	const last = stem[n - 1];
	// doubled final consonant: "stopp" -> "stop", but "pass", "staff", "kill" keep theirs
	if (n >= 3 && last === stem[n - 2] && isConsonant(stem, n - 1)) {
		if (KEEP_DOUBLE.has(stem)) return stem;
		if (last === 'l') {
			// British "-elled/-olled" on longer stems: "travelled" -> "travel", "controlled" -> "control"
			return n >= 6 && 'eou'.includes(stem[n - 3]) && isConsonant(stem, n - 4)
				? stem.slice(0, -1)
				: stem;
		}
		return 'sfz'.includes(last) ? stem : stem.slice(0, -1);
	}
	// English words do not end in these; the -e was dropped before the suffix
	if (last === 'v' || last === 'u' || last === 'c') return stem + 'e';
	if (last === 'z') return stem + 'e';
	// "-ude"/"-ume" verbs: "includ", "conclud", "resum", "assum" (a short "-um" doubles: "drummed")
	if (n >= 5 && (stem.endsWith('ud') || stem.endsWith('um'))) return stem + 'e';
	if (last === 's') return NO_E_AFTER_S.has(stem) || stem.endsWith('ss') ? stem : stem + 'e';
	if (last === 'g') {
		// "charg", "judg", "indulg" and "challeng" lost an e; "bang", "belong", "log" did not
		const prev = stem[n - 2];
		if ('rdl'.includes(prev)) return stem + 'e';
		if (prev === 'n') return /(?:chang|rang|eng)$/.test(stem) ? stem + 'e' : stem;
	}
	// longer stems whose ending no English base form has without its e ("prepar", "decid",
	// "injur", "damag", "contribut"); "avoid", "pour", "shout" keep their vowel pair
	// ("qu" sounds as a consonant: "requir", "acquir")
	const afterConsonant = isConsonant(stem, n - 3) || stem.endsWith('quir');
	if (measure(stem) >= 2 && afterConsonant && E_LOST_AFTER.test(stem)) {
		return KEEP_STEM.has(stem) ? stem : stem + 'e';
	}
	// "creat", "estimat", "negotiat" -> "-ate"; "defeat", "float" keep their vowel pair
	if (stem.endsWith('at') && n >= 4 && !'eoa'.includes(stem[n - 3])) return stem + 'e';
	// consonant + l/r clusters: "enabl" -> "enable", "centr" is rare enough to ignore
	if (last === 'l' && n >= 3 && isConsonant(stem, n - 2) && stem[n - 2] !== 'r') return stem + 'e';
	// short CVC stems lost an e: "hop" -> "hope", "rul" -> "rule", but "open", "visit" did not
	if (measure(stem) === 1 && endsCvc(stem)) return stem + 'e';
	return stem;
}

/** Lemma of a verb form ending in -ed, or null when the word is not one. */
function fromEd(w: string): string | null {
	if (!w.endsWith('ed') || KEEP_ED.has(w)) return null;
	if (w.endsWith('ied')) return w.length <= 4 ? w.slice(0, -1) : w.slice(0, -3) + 'y';
	if (w.endsWith('eed')) return w.slice(0, -1); // "agreed" -> "agree"; base forms are in KEEP_ED
	const stem = w.slice(0, -2);
	if (!VOWEL.test(stem) || stem.length < 2) return null; // "bed", "shed", "red"
	return repairStem(stem);
}

/** Lemma of a present participle ending in -ing, or null when the word is not one. */
function fromIng(w: string): string | null {
	if (!w.endsWith('ing') || KEEP_ING.has(w)) return null;
	const stem = w.slice(0, -3);
	if (!VOWEL.test(stem) || stem.length < 2) return null; // "thing", "bring"
	if (stem.endsWith('e')) return stem; // "seeing", "agreeing"
	return repairStem(stem);
}

/** Lemma of a plural noun or third-person verb ending in -s, or null when the word is not one. */
function fromS(w: string): string | null {
	if (!w.endsWith('s') || KEEP_S.has(w) || w.length <= 3) return null;
	if (/(?:ss|us|is|ous|ics)$/.test(w)) return null;
	if (w.endsWith('ies')) return w.length <= 4 ? w.slice(0, -1) : w.slice(0, -3) + 'y';
	if (w.endsWith('sses')) return w.slice(0, -2);
	if (/(?:sh|ch|x|zz)es$/.test(w)) return w.slice(0, -2);
	if (w.endsWith('oes')) return w.slice(0, -2); // "heroes" -> "hero"; "shoes" is irregular
	return w.slice(0, -1);
}

/** Lemma of one lower-case word without apostrophes or hyphens. */
function lemmatizeSimple(w: string): string {
	const irregular = IRREGULAR.get(w);
	if (irregular !== undefined) return irregular;
	if (w.length <= 3 || isStopword(w)) return w;
	return fromIng(w) ?? fromEd(w) ?? fromS(w) ?? w;
}

/** Splits off a possessive or clitic ("Putin's" -> "putin", "they'll" -> "they"). */
function stripClitic(w: string): string {
	if (/n't$/.test(w)) return w; // "don't" is a stopword lemma of its own
	const m = /^(.+?)'(?:s|ll|re|ve|d|m)?$/.exec(w);
	return m ? m[1] : w;
}

/** Lemma of an all-capital acronym: dots dropped unless that would turn "U.S." into "us". */
function lemmatizeAcronym(word: string): string {
	const letters = word.replace(/\./g, '').toLowerCase();
	if (!isStopword(letters)) return letters;
	return letters.split('').join('.') + '.';
}

/**
 * Lower-cased base form of an English word; hyphenated compounds inflect on their last part.
 * @example lemmatize('deportations') // 'deportation'
 * @example lemmatize('fled') // 'flee'
 */
export function lemmatize(word: string): string {
	const plain = word.replace(/[\u2019\u2018\u02bc]/g, "'");
	const letters = plain.replace(/[.'-]/g, '');
	if (letters.length >= 2 && /^\p{Lu}+$/u.test(letters)) return lemmatizeAcronym(plain);
	const pluralAcronym = /^(\p{Lu}{2,})'?s$/u.exec(plain); // "NGOs" -> "ngo"
	if (pluralAcronym) return lemmatizeAcronym(pluralAcronym[1]);
	const lower = stripClitic(plain.toLowerCase());
	const cut = Math.max(lower.lastIndexOf('-'), lower.lastIndexOf('\u2010'));
	if (cut > 0 && cut < lower.length - 1) {
		return lower.slice(0, cut + 1) + lemmatizeSimple(lower.slice(cut + 1));
	}
	return lemmatizeSimple(lower);
}

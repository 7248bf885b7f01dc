// Display names in a room: what is stored of a typed name, when two names read as one, and
// which names are kept for teachers. A class sees names, not accounts, so a name that looks
// like a classmate's or the teacher's is how one student passes for another.

/**
 * Characters that show nothing and change no letter: zero-width spaces and joiners, the word
 * joiner and its invisible operators, soft hyphen, byte-order mark, direction marks and
 * overrides. "Ana" with one of them is "Ana" to every reader.
 */
const INVISIBLE = /[\u00ad\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu;
/** Any format character (joiners included) at either end of a name. */
const EDGE_FORMAT = /^\p{Cf}+|\p{Cf}+$/gu;
/** Every format character, for comparing names (ZWJ and ZWNJ may stay inside a stored name). */
const FORMAT = /\p{Cf}/gu;

/**
 * Letters of other scripts that print like Latin ones in the fonts a class uses: Cyrillic
 * "Аna" and Greek "Αna" read as "Ana". Mapped before case folding, so capitals map to capitals.
 */
const LOOKALIKES = new Map<string, string>(
	[
		// Cyrillic capitals and small letters
		'АA ВB ЕE ЁE КK МM НH ОO РP СC ТT УY ХX ІI ЇI ЈJ ЅS Ԛq Ԝw',
		'аa еe ёe оo рp сc уy хx іi їi јj ѕs ԁd һh ӏl ԛq ԝw үy',
		// Greek capitals and small letters
		'ΑA ΒB ΕE ΖZ ΗH ΙI ΚK ΜM ΝN ΟO ΡP ΤT ΥY ΧX οo ρp ιi νv'
	]
		.join(' ')
		.split(' ')
		.map((pair) => [pair[0], pair[1]] as [string, string])
);

/** The name a member goes by: invisible characters dropped, format characters trimmed. */
export function cleanDisplayName(name: string): string {
	return name.replace(INVISIBLE, '').trim().replace(EDGE_FORMAT, '').trim();
}

/**
 * How two display names compare: width and compatibility forms, format characters, letters of
 * other scripts that print as Latin ones, case and runs of spaces folded.
 * @example nameKey('Аna\u200b') === nameKey('ana') // true (Cyrillic А, zero-width space)
 */
export function nameKey(name: string): string {
	const folded = [...name.normalize('NFKC').replace(FORMAT, '')]
		.map((c) => LOOKALIKES.get(c) ?? c)
		.join('');
	return folded.toLocaleLowerCase('en').replace(/\s+/g, ' ').trim();
}

/** Teachers all go by "Teacher": a student's name that reads as one would pass for the teacher. */
export function isTeacherName(name: string): boolean {
	return /^teacher(?![\p{L}])|^teachers?$/u.test(nameKey(name).replace(/[^\p{L}\p{N} ]/gu, ''));
}

// Search that ignores accents: a teacher typing "alpha" expects "Älpha" too, and "Jose" finds
// "José". One table serves the query (here) and the stored fields (SQL's translate(), which both
// PostgreSQL and PGlite have), so both sides fold alike. Letter for letter: translate() maps one
// character to one, so "ß" (two letters plain) is left out.

/** Latin letters with diacritics, each above its plain letter in {@link PLAIN_LETTERS}. */
export const ACCENTED_LETTERS =
	'ÀÁÂÃÄÅàáâãäåĀāĂăĄąÇçĆćČčĎďĐđÈÉÊËèéêëĒēĖėĘęĚěÌÍÎÏìíîïĪīĮįİıŁłÑñŃńŇňÒÓÔÕÖØòóôõöøŌōŐőŔŕŘřŚśŠšŞşȘșŤťŢţȚțÙÚÛÜùúûüŪūŮůŰűŲųÝýÿŸŹźŻżŽž';
/** The plain letter of each of {@link ACCENTED_LETTERS}, at the same position. */
export const PLAIN_LETTERS =
	'AAAAAAaaaaaaAaAaAaCcCcCcDdDdEEEEeeeeEeEeEeEeIIIIiiiiIiIiIiLlNnNnNnOOOOOOooooooOoOoRrRrSsSsSsSsTtTtTtUUUUuuuuUuUuUuUuYyyYZzZzZz';

const PLAIN_OF = new Map(Array.from(ACCENTED_LETTERS, (c, i) => [c, PLAIN_LETTERS[i]] as const));

/**
 * `text` with the accents of its Latin letters removed, letter for letter (same length).
 * @example foldAccents('Älpha José') // 'Alpha Jose'
 */
export function foldAccents(text: string): string {
	// composed first: "e" + U+0301 is one letter "é" to the table
	let out = '';
	for (const c of text.normalize('NFC')) out += PLAIN_OF.get(c) ?? c;
	return out;
}

/**
 * Lookup of the semantic families a term belongs to, through the same lemmatiser the articles
 * go through ("deportations" and "deportation" find the same family).
 */
import { tokenize } from '../text/tokens';
import { THEME_FAMILIES } from './theme-families';

/** Lemma key ("work class") -> indexes of the families listing it. */
type FamilyIndex = ReadonlyMap<string, ReadonlySet<number>>;

/**
 * Memo of keys: themes ask for the families of every term of both articles, mostly the same few
 * thousand. A pure function's cache, cleared when full to bound memory.
 */
const keys = new Map<string, string>();
const KEYS_MAX = 50_000;

/** Lemma key of a word or phrase: its non-punctuation lemmas joined by one space. */
function keyOf(text: string): string {
	let key = keys.get(text);
	if (key === undefined) {
		key = lemmaKey(text);
		if (keys.size >= KEYS_MAX) keys.clear();
		keys.set(text, key);
	}
	return key;
}

/** {@link keyOf} computed. */
function lemmaKey(text: string): string {
	return tokenize(text)
		.filter((t) => t.kind !== 'punct')
		.map((t) => t.lemma)
		.join(' ');
}

let compiled: FamilyIndex | undefined;

/**
 * Compiles `THEME_FAMILIES` once (lemmatising every entry) and returns the index.
 * @example buildFamilyIndex().get('conscription') // Set { 0 }
 */
export function buildFamilyIndex(families = THEME_FAMILIES): FamilyIndex {
	if (families === THEME_FAMILIES && compiled) return compiled;
	const index = new Map<string, Set<number>>();
	families.forEach((family, i) => {
		for (const entry of family.words.split(',')) {
			const key = keyOf(entry.trim());
			if (!key) continue;
			const set = index.get(key) ?? new Set<number>();
			set.add(i);
			index.set(key, set);
		}
	});
	if (families === THEME_FAMILIES) compiled = index;
	return index;
}

/**
 * Families of a term: the whole phrase if listed, else its head (last) word ("Russian troops" is
 * about troops). Never the modifier: "United States" is not about uniting.
 * @example familiesOf(buildFamilyIndex(), 'russian troops') // Set { 0 } (war and the military)
 */
export function familiesOf(index: FamilyIndex, term: string): Set<number> {
	const key = keyOf(term);
	const whole = index.get(key);
	if (whole) return new Set(whole);
	const words = key.split(' ');
	if (words.length < 2) return new Set();
	return new Set(index.get(words[words.length - 1]) ?? []);
}

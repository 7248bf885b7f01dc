/**
 * What two sentences say about their participants, as opposed to whom they name. A fact is
 * something said *about* someone: two sentences naming the same coach, one hired and one fired,
 * share names but no fact. The predicate similarity is the part of the weighted cosine that
 * comes from words outside the names.
 */
import { isDistinctiveKey } from './entities';
import type { SentenceVector } from './similarity';
import type { SentenceFeatures } from './types';

/** Lower-case parts of the names a sentence mentions. */
function nameParts(s: SentenceFeatures): Set<string> {
	const out = new Set<string>();
	for (const e of s.entities) for (const k of e.keys) out.add(k);
	return out;
}

/**
 * The common nouns that names head in a sentence ("the Biden administration", "Putin's draft",
 * "a Waitrose store"): the word after a name, past a possessive.
 */
function nameHeads(s: SentenceFeatures): Set<string> {
	const out = new Set<string>();
	const tokens = s.tokens;
	let i = 0;
	for (const e of s.entities) {
		while (i < tokens.length && tokens[i].start < e.end) i++;
		let j = i;
		if (tokens[j]?.text === "'" || tokens[j]?.text === '’') j++;
		if (tokens[j]?.lemma === 's') j++;
		const t = tokens[j];
		if (t?.kind === 'word' && !/^\p{Lu}/u.test(t.text)) out.add(t.lemma);
	}
	return out;
}

/**
 * Name parts and name heads per sentence, computed once: a sentence meets many candidates in a
 * long pair of articles. Keyed by the features object, so it lives as long as the comparison.
 */
const memo = new WeakMap<SentenceFeatures, { names: Set<string>; heads: Set<string> }>();

/** The name parts and name heads of a sentence (memoised). */
function nameWords(s: SentenceFeatures): { names: Set<string>; heads: Set<string> } {
	let words = memo.get(s);
	if (!words) {
		words = { names: nameParts(s), heads: nameHeads(s) };
		memo.set(s, words);
	}
	return words;
}

/** The words and weights of a sentence vector as two arrays, in the map's order. */
interface VectorEntries {
	keys: string[];
	values: number[];
}

/**
 * Entries of each sentence vector, read once: a sentence meets many candidates, and iterating
 * the map afresh for each made an entry array per word per pair (2.5 MB per 2×20k analysis).
 */
const entries = new WeakMap<SentenceVector, VectorEntries>();

/** The entries of a sentence vector (memoised; the vectors are not changed after building). */
function entriesOf(v: SentenceVector): VectorEntries {
	let e = entries.get(v);
	if (!e) {
		e = { keys: [...v.weights.keys()], values: [...v.weights.values()] };
		entries.set(v, e);
	}
	return e;
}

/** Name words of a sentence: its name parts and the nouns its names head. */
type NameWords = { names: Set<string>; heads: Set<string> };

/** A name part on both sides, or a distinctive one on either (module functions: run per pair). */
function isName(key: string, a: NameWords, b: NameWords): boolean {
	const inA = a.names.has(key);
	const inB = b.names.has(key);
	return (inA && inB) || ((inA || inB) && isDistinctiveKey(key));
}

/** A shared word that says something: not a name, and not a noun that names head on both sides. */
function saysMore(key: string, a: NameWords, b: NameWords): boolean {
	return !isName(key, a, b) && !(a.heads.has(key) && b.heads.has(key));
}

/** What two sentences share beyond their names. */
export interface PredicateEvidence {
	/** the part of the cosine that comes from shared words outside names (0..1) */
	similarity: number;
	/**
	 * shared words and phrases that say something: not names, and not only the nouns that names
	 * head in both sentences ("the Biden administration … the Biden administration's move")
	 */
	told: number;
}

/**
 * The share of the cosine of two sentence vectors that comes from shared words outside names,
 * and how many shared words and phrases say something about the named. An everyday word inside
 * a name on one side only ("Surrey Fire and Rescue" / "a fire") still says what happened; a name
 * part on both sides, or a distinctive one ("Reid"), does not.
 * @example predicateEvidence(sa, sb, va, vb, ['deportation flight']) // {similarity: 0.18, told: 3}
 */
export function predicateEvidence(
	sa: SentenceFeatures,
	sb: SentenceFeatures,
	va: SentenceVector,
	vb: SentenceVector,
	phrases: readonly string[]
): PredicateEvidence {
	const wa = nameWords(sa);
	const wb = nameWords(sb);
	let dot = 0;
	let told = 0;
	const { keys, values } = entriesOf(va);
	const other = vb.weights;
	// index loop over A's words in the map's order (same sums, no entry array per word)
	for (let i = 0; i < keys.length; i++) {
		const key = keys[i];
		const y = other.get(key);
		if (y === undefined || isName(key, wa, wb)) continue;
		dot += values[i] * y;
		if (saysMore(key, wa, wb)) told++;
	}
	for (const p of phrases) if (p.split(' ').some((key) => saysMore(key, wa, wb))) told++;
	const norm = va.norm * vb.norm;
	return { similarity: norm === 0 ? 0 : dot / norm, told };
}

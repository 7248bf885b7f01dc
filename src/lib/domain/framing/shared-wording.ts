/**
 * Wording both articles use outside their shared facts ("meat grinder"): a choice of words both
 * made, never a fact.
 */
import { IRREGULAR } from '../text/lemma-tables';
import type { SegmentedArticle } from '../types';
import type { TaggedToken } from './pos';
import { tagSentence, tagSentences } from './pos';
import type { AlignedPassages } from './word-choice-types';
import { DETAIL } from './word-trim';

/** Words of the sentences `indices`, each with how often its lemma occurs there. */
function lemmaCounts(article: SegmentedArticle, indices: readonly number[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const i of indices) {
		for (const t of tagSentence(article, i)) counts.set(t.lemma, (counts.get(t.lemma) ?? 0) + 1);
	}
	return counts;
}

/** A plain lower-case word of three letters or more (a constant: tested for every token). */
const PLAIN_WORD = /^\p{Ll}[\p{L}-]{2,}$/u;

/**
 * Every two- or three-word run of common nouns and adjectives ending in a noun in the sentences
 * `indices` (in order), by lemma key.
 */
function nounRuns(
	article: SegmentedArticle,
	indices: readonly number[]
): Map<string, TaggedToken[][]> {
	const out = new Map<string, TaggedToken[][]>();
	const plain = (t: TaggedToken) =>
		(t.pos === 'NOUN' || t.pos === 'ADJ') && PLAIN_WORD.test(t.text);
	for (const i of indices) {
		const tokens = tagSentence(article, i);
		const ok = tokens.map(plain);
		for (let i = 0; i + 1 < tokens.length; i++) {
			if (!ok[i] || !ok[i + 1]) continue;
			for (let n = 2; n <= 3 && i + n <= tokens.length && ok[i + n - 1]; n++) {
				if (tokens[i + n - 1].pos !== 'NOUN') continue;
				const run = tokens.slice(i, i + n);
				const key = run.map((t) => t.lemma).join(' ');
				const list = out.get(key);
				if (list) list.push(run);
				else out.set(key, [run]);
			}
		}
	}
	return out;
}

/**
 * How many first letters of a word stand for it before tagging: two forms of one lemma
 * ("grinder" / "grinders", "resist" / "resisting") nearly always share them.
 */
const STEM_LETTERS = 3;
/** One letter (any script). */
const LETTER = /^\p{L}$/u;

/**
 * Code units of the letter at `i` (2 for one outside the Basic Multilingual Plane), 0 when none
 * is there: the words of a sentence, as the filters before tagging see them, are runs of letters.
 */
function letterLength(text: string, i: number): number {
	const c = text.charCodeAt(i);
	if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0;
	if (Number.isNaN(c)) return 0;
	const ch = String.fromCodePoint(text.codePointAt(i) as number);
	return LETTER.test(ch) ? ch.length : 0;
}
/** A lower-case letter: a phrase word starts with one. */
const LOWER = /^\p{Ll}/u;
/**
 * Function words the tagger never makes a noun or an adjective: a standalone one never stands
 * in a phrase, so it pairs with no neighbour in the filter below.
 */
const NEVER_PHRASE_WORDS = new Set(
	`the and but for from with into onto upon that this these those which who whom whose its his
	her him she they them their our your are was were been has have had not than would could should`.split(
		/\s+/u
	)
);

/**
 * The stem of a lower-case word: its first letters, of its base form for an irregular one
 * ("men" stands for "man", "fought" for "fight"), as the tagger's lemma would have them.
 */
function stemOf(lower: string): string {
	return (IRREGULAR.get(lower) ?? lower).slice(0, STEM_LETTERS);
}

/** A sentence's words as the filters before tagging see them. */
interface SentenceWords {
	/** every word's stem, in order */
	stems: string[];
	/**
	 * the stem pairs of adjacent words that can both be phrase words, as keys: a capitalised or
	 * short standalone word, or a function word, cannot (one joined to another by a hyphen may:
	 * the tagger may keep "war-torn" whole or split it)
	 */
	pairs: string[];
}

/**
 * Reads a sentence's words for the filters before tagging, in one pass.
 * @example sentenceWords('The meat grinder') // { stems: ['the', 'mea', 'gri'], pairs: ['mea gri'] }
 */
export function sentenceWords(text: string): SentenceWords {
	const stems: string[] = [];
	const pairs: string[] = [];
	let prev: string | undefined;
	// a scan by hand, not a regular expression: no match object per word (this reads every body
	// sentence of both articles)
	let at = 0;
	while (at < text.length) {
		const first = letterLength(text, at);
		if (!first) {
			at++;
			continue;
		}
		let end = at + first;
		for (let n = letterLength(text, end); n; n = letterLength(text, end)) end += n;
		const word = text.slice(at, end);
		const joined = text[at - 1] === '-' || text[end] === '-';
		const lower = word.toLowerCase();
		const usable =
			joined || (word.length >= 3 && LOWER.test(word) && !NEVER_PHRASE_WORDS.has(lower));
		const stem = stemOf(lower);
		stems.push(stem);
		if (usable && prev !== undefined) pairs.push(`${prev} ${stem}`);
		prev = usable ? stem : undefined;
		at = end;
	}
	return { stems, pairs };
}

/** The words of an article's body sentences, by sentence index, read once per comparison. */
function bodyWords(article: SegmentedArticle): Map<number, SentenceWords> {
	const out = new Map<number, SentenceWords>();
	for (const s of article.sentences) if (!s.furniture) out.set(s.index, sentenceWords(s.text));
	return out;
}

/**
 * Body sentences that can hold a phrase the other article also uses: two adjacent words whose
 * stems are two adjacent words' stems somewhere in the other. Every shared run of two or three
 * words holds a shared two-word run (its last two words), so the tagger, the costly part, need
 * only read these sentences to find the runs both articles use.
 */
function phraseSentences(
	words: ReadonlyMap<number, SentenceWords>,
	other: ReadonlyMap<number, SentenceWords>
): number[] {
	const otherPairs = new Set<string>();
	for (const w of other.values()) for (const k of w.pairs) otherPairs.add(k);
	const out: number[] = [];
	for (const [i, w] of words) if (w.pairs.some((k) => otherPairs.has(k))) out.push(i);
	return out;
}

/**
 * Body sentences using a word with one of `stems`, merged with `also`, in order: where the
 * lemmas of a candidate phrase can occur, so that counting them there counts them all.
 */
function sentencesWithStems(
	words: ReadonlyMap<number, SentenceWords>,
	stems: ReadonlySet<string>,
	also: readonly number[]
): number[] {
	const keep = new Set(also);
	for (const [i, w] of words) {
		if (!keep.has(i) && w.stems.some((x) => stems.has(x))) keep.add(i);
	}
	return [...keep].sort((x, y) => x - y);
}

/**
 * Whether a word of a phrase occurs more often than the phrase in the sentences counted: the
 * phrase is then no image used in passing, whatever other sentences hold. Only for a phrase of
 * distinct words (each run then holds each word once, and runs do not overlap).
 */
function usedElsewhere(
	runs: readonly TaggedToken[][],
	counts: ReadonlyMap<string, number>
): boolean {
	const lemmas = runs[0]?.map((t) => t.lemma) ?? [];
	if (new Set(lemmas).size !== lemmas.length) return false;
	return lemmas.some((l) => (counts.get(l) ?? 0) > runs.length);
}

/** The stems of the words and lemmas of some runs. */
function runStems(runs: readonly TaggedToken[][], into: Set<string>): void {
	for (const run of runs) {
		for (const t of run) {
			into.add(t.lemma.slice(0, STEM_LETTERS));
			for (const w of sentenceWords(t.text).stems) into.add(w);
		}
	}
}

/** Tags the sentences `indices` of an article, then reads their noun runs and lemma counts. */
function readSentences(article: SegmentedArticle, indices: readonly number[]) {
	tagSentences(article, indices);
	return { runs: nounRuns(article, indices), counts: lemmaCounts(article, indices) };
}

/**
 * Figurative wording both articles use ("meat grinder"): a phrase of common words whose words
 * each article uses nowhere else. Topic wording ("deportation flights") recurs in other phrases
 * and is left to the shared facts; a phrase used only in passing by both is a shared image.
 */
export function sharedWording(
	a: SegmentedArticle,
	b: SegmentedArticle,
	pairs: readonly AlignedPassages[]
): [TaggedToken[], TaggedToken[]][] {
	// only the sentences that can hold a phrase of the other article are tagged to find the phrases
	const wordsA = bodyWords(a);
	const wordsB = bodyWords(b);
	const candA = phraseSentences(wordsA, wordsB);
	const candB = phraseSentences(wordsB, wordsA);
	const { runs: firstA, counts: seenA } = readSentences(a, candA);
	const { runs: firstB, counts: seenB } = readSentences(b, candB);
	// a phrase whose word already occurs outside it in the sentences read is not isolated: more
	// sentences add occurrences of the word at least as fast as runs of the phrase
	const keys = [...firstA.keys()].filter(
		(k) =>
			firstB.has(k) &&
			!usedElsewhere(firstA.get(k) ?? [], seenA) &&
			!usedElsewhere(firstB.get(k) ?? [], seenB)
	);
	if (!keys.length) return [];
	// then, to count their words, every sentence using a word of one of them
	const stems = new Set<string>();
	for (const k of keys) {
		runStems(firstA.get(k) ?? [], stems);
		runStems(firstB.get(k) ?? [], stems);
	}
	const readA = sentencesWithStems(wordsA, stems, candA);
	const readB = sentencesWithStems(wordsB, stems, candB);
	const { runs: runsA, counts: countsA } = readSentences(a, readA);
	const { runs: runsB, counts: countsB } = readSentences(b, readB);
	const isolated = (runs: TaggedToken[][], counts: Map<string, number>) =>
		runs[0].every((t) => counts.get(t.lemma) === runs.length);
	const found: [TaggedToken[], TaggedToken[]][] = [];
	const candidates = new Set(keys);
	for (const [key, ra] of runsA) {
		const rb = runsB.get(key);
		if (!rb || !candidates.has(key) || !isolated(ra, countsA) || !isolated(rb, countsB)) continue;
		// a phrase both sentences of one aligned pair use belongs to that fact; a time is a detail
		const sentenceOf = (art: SegmentedArticle, t: TaggedToken) =>
			art.sentences.findIndex((x) => x.start <= t.start && t.end <= x.end);
		const sa = sentenceOf(a, ra[0][0]);
		const sb = sentenceOf(b, rb[0][0]);
		if (pairs.some((p) => p.a.sentence === sa && p.b.sentence === sb)) continue;
		if (ra[0].some((t) => DETAIL.test(t.lemma))) continue;
		found.push([ra[0], rb[0]]);
	}
	// a longer shared phrase covers its two-word parts
	const long = new Set(found.filter(([x]) => x.length > 2).flatMap(([x]) => x.map((t) => t.start)));
	return found.filter(([x]) => x.length > 2 || !x.every((t) => long.has(t.start)));
}

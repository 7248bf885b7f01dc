/**
 * Wording both articles use outside their shared facts ("meat grinder"): a choice of words both
 * made, never a fact.
 */
import type { SegmentedArticle } from '../types';
import type { TaggedToken } from './pos';
import { tagSentence } from './pos';
import type { AlignedPassages } from './word-choice-types';
import { DETAIL } from './word-trim';

/** Content words of an article's body, each with how often its lemma occurs. */
function lemmaCounts(article: SegmentedArticle): Map<string, number> {
	const counts = new Map<string, number>();
	for (const s of article.sentences) {
		if (s.furniture) continue;
		for (const t of tagSentence(article, s.index))
			counts.set(t.lemma, (counts.get(t.lemma) ?? 0) + 1);
	}
	return counts;
}

/** A plain lower-case word of three letters or more (a constant: tested for every token). */
const PLAIN_WORD = /^\p{Ll}[\p{L}-]{2,}$/u;

/** Every two- or three-word run of common nouns and adjectives ending in a noun, by lemma key. */
function nounRuns(article: SegmentedArticle): Map<string, TaggedToken[][]> {
	const out = new Map<string, TaggedToken[][]>();
	const plain = (t: TaggedToken) =>
		(t.pos === 'NOUN' || t.pos === 'ADJ') && PLAIN_WORD.test(t.text);
	for (const s of article.sentences) {
		if (s.furniture) continue;
		const tokens = tagSentence(article, s.index);
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
 * Figurative wording both articles use ("meat grinder"): a phrase of common words whose words
 * each article uses nowhere else. Topic wording ("deportation flights") recurs in other phrases
 * and is left to the shared facts; a phrase used only in passing by both is a shared image.
 */
export function sharedWording(
	a: SegmentedArticle,
	b: SegmentedArticle,
	pairs: readonly AlignedPassages[]
): [TaggedToken[], TaggedToken[]][] {
	const runsA = nounRuns(a);
	const runsB = nounRuns(b);
	const countsA = lemmaCounts(a);
	const countsB = lemmaCounts(b);
	const isolated = (runs: TaggedToken[][], counts: Map<string, number>) =>
		runs[0].every((t) => counts.get(t.lemma) === runs.length);
	const found: [TaggedToken[], TaggedToken[]][] = [];
	for (const [key, ra] of runsA) {
		const rb = runsB.get(key);
		if (!rb || !isolated(ra, countsA) || !isolated(rb, countsB)) continue;
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

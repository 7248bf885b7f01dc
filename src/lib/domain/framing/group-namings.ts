/**
 * How each article names one group across its aligned passages ("Russian migrants" / "Russian
 * war resisters"): a people noun after a name modifier both articles use.
 */
import type { SegmentedArticle } from '../types';
import { chunkPhrases } from './phrases';
import { namesPeople } from './people-nouns';
import { tagBody, tagSentence, type TaggedToken } from './pos';
import type { AlignedPassages, PassageEnd } from './word-choice-types';
import { sameFamily } from './word-forms';

/** A naming of a group: its name modifier ("russian"), its differing words and their span. */
export interface GroupNaming {
	modifier: string;
	words: TaggedToken[];
	/** index of the aligned pair it was read in */
	pair: number;
}

/**
 * Namings of groups in one side's aligned passages: a people noun after a name modifier
 * ("Russian migrants", "Russian war resisters"), the modifier left out of the words.
 */
function groupNamings(
	article: SegmentedArticle,
	ends: readonly { end: PassageEnd; pair: number }[]
): GroupNaming[] {
	const out: GroupNaming[] = [];
	const seen = new Set<number>();
	for (const { end, pair } of ends) {
		const start = end.start ?? -Infinity;
		const stop = end.end ?? Infinity;
		for (const p of chunkPhrases(tagSentence(article, end.sentence))) {
			if (p.kind !== 'nominal' || p.name || p.pronoun || !namesPeople(p.head)) continue;
			if (p.head.start < start || p.head.end > stop || seen.has(p.head.start)) continue;
			const k = p.tokens.indexOf(p.head);
			// the name modifier: a capitalised word right before the naming's own words
			const mod = p.tokens.findLastIndex(
				(t, i) => i < k && /^\p{Lu}/u.test(t.text) && (t.pos === 'ADJ' || t.pos === 'PROPN')
			);
			if (mod < 0) continue;
			const words = p.tokens
				.slice(mod + 1, k + 1)
				.filter((t) => t.pos === 'NOUN' || (t.pos === 'ADJ' && !/^\p{Lu}/u.test(t.text)));
			if (!words.length || words.length > 2) continue;
			seen.add(p.head.start);
			out.push({ modifier: p.tokens[mod].lemma.toLowerCase(), words, pair });
		}
	}
	return out;
}

/**
 * Nouns that name people without saying anything of them ("Russian individuals", "Russian
 * men"): no choice of words for a class to compare, whatever the other article calls the group.
 */
const PLAIN_PEOPLE = new Set(['individual', 'person', 'people', 'man', 'woman', 'folk']);

/**
 * Nouns of an article's body by their first two letters: a naming the other side also uses (in
 * any form, see {@link sameFamily}) is no choice, and the buckets keep that check short.
 */
function nounsByStart(article: SegmentedArticle): Map<string, string[]> {
	// every body sentence is read: tag them in passes of many sentences
	tagBody(article);
	const out = new Map<string, Set<string>>();
	for (const s of article.sentences) {
		if (s.furniture) continue;
		for (const t of tagSentence(article, s.index)) {
			if (t.pos !== 'NOUN') continue;
			const bucket = out.get(t.lemma.slice(0, 2)) ?? new Set();
			bucket.add(t.lemma);
			out.set(t.lemma.slice(0, 2), bucket);
		}
	}
	return new Map([...out].map(([k, v]) => [k, [...v]]));
}

/**
 * How each article names one group across its aligned passages: for a name modifier both use
 * ("Russian"), each side's commonest naming whose head the other article never uses
 * ("migrants" / "war resisters"). One pair per modifier.
 */
export function groupContrasts(
	a: SegmentedArticle,
	b: SegmentedArticle,
	pairs: readonly AlignedPassages[]
): [GroupNaming, GroupNaming][] {
	const xs = groupNamings(
		a,
		pairs.map((p, pair) => ({ end: p.a, pair }))
	);
	const ys = groupNamings(
		b,
		pairs.map((p, pair) => ({ end: p.b, pair }))
	);
	// only a modifier both sides use can name one group
	const modsB = new Set(ys.map((n) => n.modifier));
	const modsA = new Set(xs.filter((n) => modsB.has(n.modifier)).map((n) => n.modifier));
	if (!modsA.size) return [];
	const headsA = nounsByStart(a);
	const headsB = nounsByStart(b);
	const own = (n: GroupNaming, other: Map<string, string[]>) => {
		const head = n.words.at(-1)!.lemma;
		if (PLAIN_PEOPLE.has(head)) return false;
		return !(other.get(head.slice(0, 2)) ?? []).some((h) => sameFamily(h, head));
	};
	/** The commonest one-sided naming per modifier. */
	const top = (ns: GroupNaming[], other: Map<string, string[]>) => {
		const by = new Map<string, GroupNaming[]>();
		for (const n of ns) {
			if (!own(n, other)) continue;
			const key = `${n.modifier}\u0000${n.words.map((t) => t.lemma).join(' ')}`;
			const list = by.get(key);
			if (list) list.push(n);
			else by.set(key, [n]);
		}
		const best = new Map<string, GroupNaming[]>();
		for (const list of by.values()) {
			const m = list[0].modifier;
			if ((best.get(m)?.length ?? 0) < list.length) best.set(m, list);
		}
		return best;
	};
	const ta = top(
		xs.filter((n) => modsA.has(n.modifier)),
		headsB
	);
	const tb = top(
		ys.filter((n) => modsA.has(n.modifier)),
		headsA
	);
	const out: [GroupNaming, GroupNaming][] = [];
	for (const [m, la] of ta) {
		const lb = tb.get(m);
		if (lb) out.push([la[0], lb[0]]);
	}
	return out;
}

/**
 * Word-choice contrasts: how each article names the same actors and acts. For every shared fact
 * (two passages stating the same thing), a word diff (jsdiff) of their content words; a run of
 * words only A uses facing a run only B uses at the same place is one contrast ("Russian
 * migrants" / "war resisters"). Contrasts are aggregated over all shared facts and ranked.
 */
import { diffArrays } from 'diff';
import type { SegmentedArticle, Span, Token } from '../types';
import { bodySentenceTokens } from './content-tokens';

/** A shared fact's two ends: a sentence each, optionally narrowed to a passage inside it. */
export interface SharedFactPassages {
	a: { sentence: number; start?: number; end?: number };
	b: { sentence: number; start?: number; end?: number };
}

/** One contrast: A's wording against B's for the same slot of a shared fact. */
export interface WordChoice {
	/** A's wording as most often written ("Russian migrants") */
	a: string;
	b: string;
	/** lemma keys the contrast is aggregated by */
	lemmasA: string[];
	lemmasB: string[];
	/** number of shared facts showing this contrast */
	count: number;
	/** where: the shared fact's index and the two spans, so a click can show both */
	occurrences: { fact: number; a: Span; b: Span }[];
}

/** Tuning of `buildWordChoices`. */
export interface WordChoiceOptions {
	/** content words a side; a longer run is a rewritten clause, not a word choice */
	maxWords?: number;
	/** contrasts returned */
	limit?: number;
}

// three content words a side: "Russian migrants" / "war resisters", not a rewritten clause
const DEFAULTS = { maxWords: 3, limit: 30 } as const;

/** Content terms (names merged) of one end of a shared fact, inside its passage if given. */
function passageTerms(
	sentences: ReadonlyMap<number, Token[]>,
	end: SharedFactPassages['a']
): Token[] {
	const terms = sentences.get(end.sentence) ?? [];
	const start = end.start ?? -Infinity;
	const stop = end.end ?? Infinity;
	return terms.filter((t) => t.start >= start && t.end <= stop);
}

/** Sentence index -> content terms of an article's body. */
function termsBySentence(article: SegmentedArticle): Map<number, Token[]> {
	return new Map(bodySentenceTokens(article).map((s) => [s.sentence, s.terms]));
}

/**
 * Replaced runs of one aligned pair: [A's tokens, B's tokens] where both sides changed between
 * two stretches both passages share (the anchors that make it "the same slot"). Words that only
 * moved (present in the other passage too) are not a choice of words and are dropped.
 */
function replacements(x: Token[], y: Token[]): [Token[], Token[]][] {
	const out: [Token[], Token[]][] = [];
	const changes = diffArrays(
		x.map((t) => t.lemma),
		y.map((t) => t.lemma)
	);
	const inX = new Set(x.map((t) => t.lemma));
	const inY = new Set(y.map((t) => t.lemma));
	let i = 0;
	let j = 0;
	let anchoredBefore = false;
	let removed: Token[] = [];
	let added: Token[] = [];
	const flush = (anchoredAfter: boolean) => {
		const ra = removed.filter((t) => !inY.has(t.lemma));
		const rb = added.filter((t) => !inX.has(t.lemma));
		// shared words before and after: the same slot, worded differently
		const anchored = anchoredBefore && anchoredAfter;
		if (ra.length && rb.length && anchored) out.push([ra, rb]);
		removed = [];
		added = [];
	};
	for (const c of changes) {
		const n = c.count ?? c.value.length;
		if (c.removed) {
			removed = removed.concat(x.slice(i, i + n));
			i += n;
		} else if (c.added) {
			added = added.concat(y.slice(j, j + n));
			j += n;
		} else {
			flush(true);
			anchoredBefore = true;
			i += n;
			j += n;
		}
	}
	flush(false);
	return out;
}

/** The most frequent string of a tally, ties broken alphabetically. */
function mostFrequent(tally: ReadonlyMap<string, number>): string {
	return [...tally].sort((p, q) => q[1] - p[1] || (p[0] < q[0] ? -1 : 1))[0][0];
}

/**
 * Ranks how the two articles word the same facts differently, most frequent contrast first.
 * @example buildWordChoices(a, b, facts)[0] // { a: 'Russian migrants', b: 'war resisters', count: 2, … }
 */
export function buildWordChoices(
	a: SegmentedArticle,
	b: SegmentedArticle,
	sharedFacts: readonly SharedFactPassages[],
	opts: WordChoiceOptions = {}
): WordChoice[] {
	const maxWords = opts.maxWords ?? DEFAULTS.maxWords;
	const termsA = termsBySentence(a);
	const termsB = termsBySentence(b);
	const groups = new Map<
		string,
		{
			lemmasA: string[];
			lemmasB: string[];
			formsA: Map<string, number>;
			formsB: Map<string, number>;
			occurrences: WordChoice['occurrences'];
			facts: Set<number>;
		}
	>();
	sharedFacts.forEach((fact, index) => {
		const x = passageTerms(termsA, fact.a);
		const y = passageTerms(termsB, fact.b);
		if (!x.length || !y.length) return; // a furniture or unknown sentence: nothing to compare
		for (const [ra, rb] of replacements(x, y)) {
			if (ra.length > maxWords || rb.length > maxWords) continue;
			const lemmasA = ra.map((t) => t.lemma);
			const lemmasB = rb.map((t) => t.lemma);
			const key = `${lemmasA.join(' ')}\u0000${lemmasB.join(' ')}`;
			let g = groups.get(key);
			if (!g) {
				g = {
					lemmasA,
					lemmasB,
					formsA: new Map(),
					formsB: new Map(),
					occurrences: [],
					facts: new Set()
				};
				groups.set(key, g);
			}
			const spanA = { start: ra[0].start, end: ra[ra.length - 1].end };
			const spanB = { start: rb[0].start, end: rb[rb.length - 1].end };
			const textA = a.text.slice(spanA.start, spanA.end);
			const textB = b.text.slice(spanB.start, spanB.end);
			g.formsA.set(textA, (g.formsA.get(textA) ?? 0) + 1);
			g.formsB.set(textB, (g.formsB.get(textB) ?? 0) + 1);
			g.occurrences.push({ fact: index, a: spanA, b: spanB });
			g.facts.add(index);
		}
	});
	return [...groups.values()]
		.map((g) => ({
			a: mostFrequent(g.formsA),
			b: mostFrequent(g.formsB),
			lemmasA: g.lemmasA,
			lemmasB: g.lemmasB,
			count: g.facts.size,
			occurrences: g.occurrences
		}))
		.sort(
			(x, y) =>
				y.count - x.count ||
				x.lemmasA.length + x.lemmasB.length - (y.lemmasA.length + y.lemmasB.length) ||
				(x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0)
		)
		.slice(0, opts.limit ?? DEFAULTS.limit);
}

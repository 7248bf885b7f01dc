/**
 * Word-choice contrasts: how each article names the same actor or act. Inside every aligned
 * pair of passages (a shared fact, or a same-subject pair making different claims), noun
 * phrases and verb groups are paired by grammatical slot (subject with subject, object with
 * object, predicate with predicate) between the phrases both passages share, or by identity
 * (this article's "the president" is the other's "Trump"). Each pair is trimmed to the words
 * that differ; inflections and derivations of one word ("discussions / discussed"), plain verbs
 * of saying, names of different people and numbers are not word choices and are dropped.
 * Two article-wide choices complete them: how each article names one group across its aligned
 * passages ("Russian migrants" / "Russian war resisters"), and figurative wording both articles
 * share ("meat grinder"): a shared phrase is a choice of words too, not a fact.
 */
import type { SegmentedArticle } from '../types';
import { linkActors } from './actor-links';
import { groupContrasts } from './group-namings';
import type { PhraseRole } from './phrases';
import { tagSentences, type TaggedToken } from './pos';
import { sharedWording } from './shared-wording';
import type { AlignedPassages, WordChoice, WordChoiceOptions } from './word-choice-types';
import { mentionsOf, pairMentions, passageLemmas, roleNouns } from './word-mentions';
import { trim } from './word-trim';

export type {
	AlignedPassages,
	PassageEnd,
	SharedFactPassages,
	WordChoice,
	WordChoiceOptions
} from './word-choice-types';
export { sameFamily } from './word-forms';

// three content words a side: "Russian migrants" / "war resisters", not a rewritten clause
const DEFAULTS = { maxWords: 3, limit: 20 } as const;

/** The most frequent string of a tally, ties broken alphabetically. */
function mostFrequent(tally: ReadonlyMap<string, number>): string {
	return [...tally].sort((p, q) => q[1] - p[1] || (p[0] < q[0] ? -1 : 1))[0][0];
}

const ROLE_ORDER: Record<PhraseRole, number> = { subject: 0, object: 1, predicate: 2, oblique: 3 };

/** Contrasts being aggregated, by lemma key. */
type Groups = Map<
	string,
	{
		lemmasA: string[];
		lemmasB: string[];
		kind: WordChoice['kind'];
		role: PhraseRole;
		formsA: Map<string, number>;
		formsB: Map<string, number>;
		occurrences: WordChoice['occurrences'];
		facts: Set<number>;
	}
>;

/** Adds one occurrence of a contrast (A's words against B's) to its group. */
function record(
	groups: Groups,
	texts: { a: string; b: string },
	found: { a: TaggedToken[]; b: TaggedToken[]; kind: WordChoice['kind']; role: PhraseRole },
	fact: number,
	id?: string
): void {
	const lemmasA = found.a.map((t) => t.lemma);
	const lemmasB = found.b.map((t) => t.lemma);
	const key = `${found.kind}\u0000${lemmasA.join(' ')}\u0000${lemmasB.join(' ')}`;
	let g = groups.get(key);
	if (!g) {
		g = {
			lemmasA,
			lemmasB,
			kind: found.kind,
			role: found.role,
			formsA: new Map(),
			formsB: new Map(),
			occurrences: [],
			facts: new Set()
		};
		groups.set(key, g);
	}
	const spanA = { start: found.a[0].start, end: found.a[found.a.length - 1].end };
	const spanB = { start: found.b[0].start, end: found.b[found.b.length - 1].end };
	const textA = texts.a.slice(spanA.start, spanA.end);
	const textB = texts.b.slice(spanB.start, spanB.end);
	g.formsA.set(textA, (g.formsA.get(textA) ?? 0) + 1);
	g.formsB.set(textB, (g.formsB.get(textB) ?? 0) + 1);
	g.occurrences.push({ fact, ...(id ? { id } : {}), a: spanA, b: spanB });
	g.facts.add(fact);
}

/**
 * Ranks how the two articles name the same actors and acts differently, most frequent first,
 * then the wording they share. `pairs` may be shared facts, same-subject pairs, or both.
 * @example buildWordChoices(a, b, facts)[0] // { a: 'migrants', b: 'war resisters', kind: 'naming', count: 1, … }
 */
export function buildWordChoices(
	a: SegmentedArticle,
	b: SegmentedArticle,
	pairs: readonly AlignedPassages[],
	opts: WordChoiceOptions = {}
): WordChoice[] {
	const maxWords = opts.maxWords ?? DEFAULTS.maxWords;
	const usable = pairs.filter(
		(p) =>
			a.sentences[p.a.sentence]?.furniture === false &&
			b.sentences[p.b.sentence]?.furniture === false
	);
	// the aligned passages are read first: tag them in passes of many sentences, not one by one
	tagSentences(
		a,
		usable.map((p) => p.a.sentence)
	);
	tagSentences(
		b,
		usable.map((p) => p.b.sentence)
	);
	const linksA = linkActors(
		a,
		roleNouns(
			a,
			usable.map((p) => p.a)
		)
	);
	const linksB = linkActors(
		b,
		roleNouns(
			b,
			usable.map((p) => p.b)
		)
	);
	const groups: Groups = new Map();
	const texts = { a: a.text, b: b.text };
	pairs.forEach((pair, index) => {
		if (!usable.includes(pair)) return;
		const xs = mentionsOf(a, pair.a, linksA);
		const ys = mentionsOf(b, pair.b, linksB);
		const passages = { a: passageLemmas(a, pair.a), b: passageLemmas(b, pair.b) };
		for (const [x, y] of pairMentions(xs, ys, pair.relation !== 'different-claims')) {
			const trimmed = trim(x, y, passages, maxWords);
			if (!trimmed) continue;
			const kind = x.phrase.kind === 'verbal' ? 'act' : 'naming';
			record(groups, texts, { ...trimmed, kind, role: x.phrase.role }, index, pair.id);
		}
	});
	const seen = new Set([...groups.values()].flatMap((g) => g.occurrences.map((o) => o.a.start)));
	for (const [x, y] of groupContrasts(a, b, usable)) {
		// a naming already paired inside one aligned pair is not counted twice
		if (seen.has(x.words[0].start)) continue;
		const fact = pairs.indexOf(usable[x.pair]);
		record(groups, texts, { a: x.words, b: y.words, kind: 'naming', role: 'subject' }, fact);
	}
	const choices = [...groups.values()]
		.map((g) => ({
			a: mostFrequent(g.formsA),
			b: mostFrequent(g.formsB),
			lemmasA: g.lemmasA,
			lemmasB: g.lemmasB,
			kind: g.kind,
			role: g.role,
			count: g.facts.size,
			occurrences: g.occurrences
		}))
		.sort(
			(x, y) =>
				y.count - x.count ||
				ROLE_ORDER[x.role] - ROLE_ORDER[y.role] ||
				x.lemmasA.length + x.lemmasB.length - (y.lemmasA.length + y.lemmasB.length) ||
				(x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0)
		);
	const shared: WordChoice[] = sharedWording(a, b, usable).map(([x, y]) => {
		const spanA = { start: x[0].start, end: x[x.length - 1].end };
		const spanB = { start: y[0].start, end: y[y.length - 1].end };
		const lemmas = x.map((t) => t.lemma);
		return {
			a: a.text.slice(spanA.start, spanA.end),
			b: b.text.slice(spanB.start, spanB.end),
			lemmasA: lemmas,
			lemmasB: lemmas,
			kind: 'shared',
			role: 'object',
			count: 1,
			occurrences: [{ fact: -1, a: spanA, b: spanB }]
		};
	});
	return [...choices, ...shared].slice(0, opts.limit ?? DEFAULTS.limit);
}

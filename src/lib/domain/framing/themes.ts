/**
 * Automatic themes: groups of related terms found in the pair of articles. Terms are related
 * when they share a semantic family (general English fields such as "war and the military") or
 * when the two articles keep using them in the same sentences; average-linkage agglomerative
 * clustering then groups them. Deterministic: every order is fixed by counts, then by lemma.
 */
import type { SegmentedArticle } from '../types';
import { buildPairTerms, type SentenceTerms } from './collocations';
import { isGenericWord } from './generic-words';
import { buildFamilyIndex, familiesOf } from './theme-family-index';
import { measureTheme, slugify, type SharedFactEnds, type Theme } from './theme-measure';

/** Re-exported so callers of `buildThemes` need one import. */
export type { SharedFactEnds, Theme } from './theme-measure';

/** Tuning of `buildThemes`; each default carries its reason. */
interface ThemeOptions {
	/** most themes returned: a chart of more than ten rows stops being read */
	maxThemes?: number;
	/** candidate terms considered, family members first (bounds the cubic clustering) */
	maxTerms?: number;
	/** clusters merge while their average similarity reaches this */
	threshold?: number;
}

const DEFAULTS = {
	maxThemes: 10,
	// every term used twice in a pair of op-eds fits; two 20,000-word articles are cut here
	maxTerms: 150,
	// one family link among two or three terms, or steady co-occurrence, is enough to merge;
	// below that, clusters joined on a single incidental co-occurrence
	threshold: 0.3,
	// similarity of two terms of one family: strong, but co-occurrence can still outweigh it
	familyLink: 0.6,
	// sentences in which two terms must co-occur before their co-occurrence counts at all
	minCooccurrence: 2
} as const;

interface Candidate {
	lemma: string;
	count: number;
	/** the sentences it occurs in, as {@link unit} numbers */
	units: Set<number>;
	families: Set<number>;
}

/** One sentence of either article as a number: A's sentence i is 2i, B's is 2i + 1. */
function unit(side: 0 | 1, sentence: number): number {
	return 2 * sentence + side;
}

/** Content terms used at least twice and in two sentences, not generic, most frequent first. */
function candidates(sides: readonly [0 | 1, SentenceTerms[]][], maxTerms: number): Candidate[] {
	const byLemma = new Map<string, Candidate>();
	const index = buildFamilyIndex();
	for (const [side, sentences] of sides) {
		for (const s of sentences) {
			if (s.repeat) continue;
			for (const t of s.terms) {
				if (isGenericWord(t.lemma) || t.lemma.length < 3) continue;
				let c = byLemma.get(t.lemma);
				if (!c) {
					c = { lemma: t.lemma, count: 0, units: new Set(), families: familiesOf(index, t.lemma) };
					byLemma.set(t.lemma, c);
				}
				c.count++;
				c.units.add(unit(side, s.sentence));
			}
		}
	}
	// family members first: they can found a theme; others can only join one
	const rank = (c: Candidate) => (c.families.size > 0 ? 0 : 1);
	return [...byLemma.values()]
		.filter((c) => c.count >= 2 && c.units.size >= 2)
		.sort((x, y) => rank(x) - rank(y) || y.count - x.count || (x.lemma < y.lemma ? -1 : 1))
		.slice(0, maxTerms)
		.sort((x, y) => y.count - x.count || (x.lemma < y.lemma ? -1 : 1));
}

/** Relatedness of two terms: family link or sentence co-occurrence (Jaccard), whichever is more. */
function similarity(x: Candidate, y: Candidate): number {
	let shared = 0;
	// the smaller set is walked: the count is the same either way
	const [small, big] = x.units.size <= y.units.size ? [x.units, y.units] : [y.units, x.units];
	for (const u of small) if (big.has(u)) shared++;
	const cooccurrence =
		shared >= DEFAULTS.minCooccurrence ? shared / (x.units.size + y.units.size - shared) : 0;
	let family = 0;
	for (const f of x.families) if (y.families.has(f)) family = DEFAULTS.familyLink;
	return Math.max(family, cooccurrence);
}

/** Similarities of every two terms (1 on the diagonal); symmetric, so each pair is computed once. */
function similarityMatrix(terms: readonly Candidate[]): number[][] {
	const sim = terms.map(() => new Array<number>(terms.length));
	for (let i = 0; i < terms.length; i++) {
		sim[i][i] = 1;
		for (let j = i + 1; j < terms.length; j++) sim[i][j] = sim[j][i] = similarity(terms[i], terms[j]);
	}
	return sim;
}

/**
 * Average-linkage agglomerative clustering over a similarity matrix; returns index groups.
 * Keeps the summed similarity between clusters (Lance–Williams), so a merge costs O(clusters)
 * and the whole run O(n³) only in its pair search, without re-summing members.
 */
function cluster(sim: readonly number[][], threshold: number): number[][] {
	const members: (number[] | null)[] = sim.map((_, i) => [i]);
	const sum = sim.map((row) => [...row]);
	for (;;) {
		let best = -Infinity;
		let bi = -1;
		let bj = -1;
		for (let i = 0; i < members.length; i++) {
			const mi = members[i];
			if (!mi) continue;
			for (let j = i + 1; j < members.length; j++) {
				const mj = members[j];
				if (!mj) continue;
				const avg = sum[i][j] / (mi.length * mj.length);
				// three assignments, not a destructured array: this runs for every pair of clusters
				if (avg > best) {
					best = avg;
					bi = i;
					bj = j;
				}
			}
		}
		if (bi < 0 || best < threshold) break;
		// j joins i: sums to every other cluster add up
		for (let k = 0; k < members.length; k++) {
			if (!members[k] || k === bi || k === bj) continue;
			sum[bi][k] += sum[bj][k];
			sum[k][bi] = sum[bi][k];
		}
		members[bi] = [...members[bi]!, ...members[bj]!].sort((p, q) => p - q);
		members[bj] = null;
	}
	return members.filter((m): m is number[] => m !== null).sort((p, q) => p[0] - q[0]);
}

/**
 * A theme worth showing has two terms or more, two of them from one semantic family: in
 * articles this short, terms held together by co-occurrence alone ("man" and "officer") are
 * accidents of phrasing, so co-occurrence may join a theme but not found one.
 */
function isCoherent(g: readonly number[], terms: readonly Candidate[]): boolean {
	if (g.length < 2) return false;
	for (const p of g) {
		for (const q of g) {
			if (p >= q) continue;
			for (const f of terms[p].families) if (terms[q].families.has(f)) return true;
		}
	}
	return false;
}

/**
 * Orders a theme's terms for reading: members of its main family first (so the label names
 * what the theme is about), each part by frequency, then lemma.
 */
function orderTerms(g: readonly number[], terms: readonly Candidate[]): Candidate[] {
	const votes = new Map<number, number>();
	for (const i of g) for (const f of terms[i].families) votes.set(f, (votes.get(f) ?? 0) + 1);
	const main = [...votes].sort((x, y) => y[1] - x[1] || x[0] - y[0])[0]?.[0];
	const inMain = (c: Candidate) => (main !== undefined && c.families.has(main) ? 0 : 1);
	return g
		.map((i) => terms[i])
		.sort((x, y) => inMain(x) - inMain(y) || y.count - x.count || (x.lemma < y.lemma ? -1 : 1));
}

/** Unique id per theme: the slug of its top term, then "-2", "-3" on a clash. */
function uniqueId(base: string, taken: Set<string>): string {
	let id = base;
	for (let k = 2; taken.has(id); k++) id = `${base}-${k}`;
	taken.add(id);
	return id;
}

/**
 * Finds the pair's themes and measures each in both articles.
 * @example buildThemes(a, b, facts)[0] // { id: 'draft', label: 'draft / war / conscription', terms: [...], shareA: 0.4, … }
 */
export function buildThemes(
	a: SegmentedArticle,
	b: SegmentedArticle,
	sharedFacts: readonly SharedFactEnds[],
	opts: ThemeOptions = {}
): Theme[] {
	const pair = buildPairTerms(a, b);
	const terms = candidates(
		[
			[0, pair.a],
			[1, pair.b]
		],
		opts.maxTerms ?? DEFAULTS.maxTerms
	);
	const sim = similarityMatrix(terms);
	const groups = cluster(sim, opts.threshold ?? DEFAULTS.threshold).filter((g) =>
		isCoherent(g, terms)
	);
	// a theme's weight: how many sentences of either article it reaches
	const reach = (g: number[]) => new Set(g.flatMap((i) => [...terms[i].units])).size;
	const ranked = groups
		.map((g) => ({ g, reach: reach(g) }))
		.sort((x, y) => y.reach - x.reach || x.g[0] - y.g[0])
		.slice(0, opts.maxThemes ?? DEFAULTS.maxThemes);
	const taken = new Set<string>();
	return ranked.map(({ g }) => {
		const lemmas = orderTerms(g, terms).map((c) => c.lemma);
		const label = lemmas.slice(0, 3).join(' / ');
		return measureTheme(
			{ id: uniqueId(slugify(lemmas[0]), taken), label, terms: lemmas },
			a,
			b,
			sharedFacts
		);
	});
}

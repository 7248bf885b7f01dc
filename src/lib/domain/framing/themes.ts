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
	// counts first: most terms occur once, and need no sentence set and no family look-up
	const counts = new Map<string, number>();
	for (const [, sentences] of sides) {
		for (const s of sentences) {
			if (s.repeat) continue;
			for (const t of s.terms) counts.set(t.lemma, (counts.get(t.lemma) ?? 0) + 1);
		}
	}
	for (const [side, sentences] of sides) {
		for (const s of sentences) {
			if (s.repeat) continue;
			for (const t of s.terms) {
				if ((counts.get(t.lemma) as number) < 2) continue; // filtered out below anyway
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
		for (let j = i + 1; j < terms.length; j++)
			sim[i][j] = sim[j][i] = similarity(terms[i], terms[j]);
	}
	return sim;
}

/**
 * Average-linkage agglomerative clustering over a similarity matrix; returns index groups.
 * Keeps the summed similarity between clusters (Lance–Williams), so a merge costs O(clusters)
 * without re-summing members, and each cluster's best partner among the later clusters, so a
 * merge rescans only the rows it touched. Each step merges the most similar pair, the first in
 * row order on ties, exactly as a scan of every pair would.
 */
function cluster(sim: readonly number[][], threshold: number): number[][] {
	const n = sim.length;
	const members: (number[] | null)[] = sim.map((_, i) => [i]);
	const sum = sim.map((row) => [...row]);
	const rows: ClusterRows = { members, sum, partner: new Int32Array(n), best: new Float64Array(n) };
	for (let i = 0; i < n; i++) scanRow(rows, i);
	for (;;) {
		let best = -Infinity;
		let bi = -1;
		for (let i = 0; i < n; i++) {
			if (members[i] && rows.partner[i] >= 0 && rows.best[i] > best) {
				best = rows.best[i];
				bi = i;
			}
		}
		if (bi < 0 || best < threshold) break;
		const bj = rows.partner[bi];
		// j joins i: sums to every other cluster add up
		for (let k = 0; k < n; k++) {
			if (!members[k] || k === bi || k === bj) continue;
			sum[bi][k] += sum[bj][k];
			sum[k][bi] = sum[bi][k];
		}
		members[bi] = [...members[bi]!, ...members[bj]!].sort((p, q) => p - q);
		members[bj] = null;
		// rows after bj never pair with bi or bj; a row before bi keeps its partner unless that
		// was bi or bj, or bi (changed) now beats it
		for (let k = 0; k < bj; k++) {
			if (!members[k]) continue;
			if (k === bi || rows.partner[k] === bi || rows.partner[k] === bj) scanRow(rows, k);
			else if (k < bi) {
				const avg = average(rows, k, bi);
				if (avg > rows.best[k] || (avg === rows.best[k] && bi < rows.partner[k])) {
					rows.best[k] = avg;
					rows.partner[k] = bi;
				}
			}
		}
	}
	return members.filter((m): m is number[] => m !== null).sort((p, q) => p[0] - q[0]);
}

/** Clusters being merged, and each one's most similar later cluster (-1: none) and similarity. */
interface ClusterRows {
	members: (number[] | null)[];
	sum: number[][];
	partner: Int32Array;
	best: Float64Array;
}

/** Average similarity of clusters i < j. */
function average(rows: ClusterRows, i: number, j: number): number {
	return rows.sum[i][j] / (rows.members[i]!.length * rows.members[j]!.length);
}

/** Finds row i's most similar later cluster, the first on ties. */
function scanRow(rows: ClusterRows, i: number): void {
	let best = -Infinity;
	let partner = -1;
	for (let j = i + 1; j < rows.members.length; j++) {
		if (!rows.members[j]) continue;
		const avg = average(rows, i, j);
		if (avg > best) {
			best = avg;
			partner = j;
		}
	}
	rows.partner[i] = partner;
	rows.best[i] = best;
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

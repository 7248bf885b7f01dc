/**
 * Whether two articles report the same event at all, judged on the whole articles before any
 * sentence is linked: reports of one event name the same participants and places again and again,
 * and place the event in the same year; reports of two similar events (two earthquakes, two
 * celebrities in rehab) share the topic's words but not its names, or not its year.
 */
import { isDistinctiveKey } from './entities';
import type { ArticleFeatures } from './features';

/** Article-level agreement of two articles' specific details. */
export interface EventAgreement {
	/** how far each article's name mentions recur in the other (0..1) */
	names: number;
	/** both articles date their sentences by year and no year is common to them */
	yearConflict: boolean;
	/** combined agreement (0..1): `names`, halved by a year conflict */
	score: number;
}

/** How strongly a year conflict speaks against one event: it halves the name agreement. */
const YEAR_CONFLICT_FACTOR = 0.5;

/** Counts of distinctive name parts over an article's body sentences. */
function nameCounts(f: ArticleFeatures): Map<string, number> {
	const counts = new Map<string, number>();
	for (const s of f.sentences) {
		if (!s.eligible) continue;
		for (const e of s.entities) {
			for (const k of e.keys) if (isDistinctiveKey(k)) counts.set(k, (counts.get(k) ?? 0) + 1);
		}
	}
	return counts;
}

/** Years an article mentions in its body. */
function years(f: ArticleFeatures): Set<number> {
	const out = new Set<number>();
	for (const s of f.sentences) {
		if (!s.eligible) continue;
		for (const d of s.dates) if (d.year !== undefined) out.add(d.year);
	}
	return out;
}

/** Share of an article's name mentions whose distinctive part the other article also uses. */
function containment(counts: Map<string, number>, other: ArticleFeatures): number {
	let total = 0;
	let found = 0;
	for (const [k, c] of counts) {
		total += c;
		if (other.lemmas.has(k)) found += c;
	}
	return total === 0 ? 0 : found / total;
}

/**
 * Measures how far two articles agree on who, where and when: the geometric mean of the two
 * directions of name containment (each article's name mentions, weighted by how often they are
 * made, found in the other), halved when the articles' years never meet.
 * @example buildEventAgreement(fa, fb) // {names: 0.62, yearConflict: false, score: 0.62}
 */
export function buildEventAgreement(a: ArticleFeatures, b: ArticleFeatures): EventAgreement {
	const names = Math.sqrt(containment(nameCounts(a), b) * containment(nameCounts(b), a));
	const ya = years(a);
	const yb = years(b);
	const yearConflict = ya.size > 0 && yb.size > 0 && ![...ya].some((y) => yb.has(y));
	return { names, yearConflict, score: yearConflict ? names * YEAR_CONFLICT_FACTOR : names };
}

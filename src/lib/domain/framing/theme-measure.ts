/**
 * Measures a theme from its term list in both articles: which body sentences touch it, its share
 * of each article, and the shared facts inside it. Used by automatic themes and by user edits
 * alike, so a renamed, merged, split or added theme is measured exactly like a discovered one.
 * No background data here: safe to run in the browser for instant feedback on an edit.
 */
import type { SegmentedArticle } from '../types';
import { countTerm, indexedSentences, toMatcher, type TermMatcher } from './term-index';

/** The two ends of a shared fact, by sentence index (what themes need of a shared fact). */
export interface SharedFactEnds {
	a: { sentence: number };
	b: { sentence: number };
}

/** A group of related terms and where each article talks about it. */
export interface Theme {
	/** stable slug from the top term ("draft"), unique within a comparison */
	id: string;
	label: string;
	/** lemmas or phrases, most frequent first; matched through the lemmatiser */
	terms: string[];
	/** share of A's counted body sentences touching the theme (0–1) */
	shareA: number;
	shareB: number;
	/** body sentence indexes touching the theme, ascending */
	sentencesA: number[];
	sentencesB: number[];
	/** shared facts with both ends inside the theme */
	overlap: number;
	/** indexes (into the shared-fact list given) of those shared facts */
	sharedFacts: number[];
	/** occurrences of each term in each article, for the chart's hover */
	termCounts: { term: string; a: number; b: number }[];
}

/** What defines a theme before measuring: a name and its terms. */
interface ThemeDefinition {
	id: string;
	label: string;
	terms: readonly string[];
}

/**
 * Kebab-case ASCII slug of a label ("Working class" -> "working-class"; empty -> `fallback`).
 * @example slugify('Capitalism / class') // 'capitalism-class'
 */
export function slugify(text: string, fallback = 'theme'): string {
	const slug = text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	return slug || fallback;
}

interface SideMeasure {
	sentences: number[];
	share: number;
	counts: number[];
}

/** Sentences of one article touching any term, its share, and per-term counts. */
function measureSide(article: SegmentedArticle, matchers: readonly TermMatcher[]): SideMeasure {
	const body = indexedSentences(article);
	const perTerm = matchers.map((m) => countTerm(article, m));
	const counts = perTerm.map((byPos) => {
		let n = 0;
		for (const [pos, c] of byPos) if (!body[pos].repeat) n += c;
		return n;
	});
	const touched = new Set<number>();
	for (const byPos of perTerm) for (const pos of byPos.keys()) touched.add(pos);
	const positions = [...touched].sort((x, y) => x - y);
	const counted = body.filter((s) => !s.repeat).length;
	const touchedCounted = positions.filter((pos) => !body[pos].repeat).length;
	return {
		sentences: positions.map((pos) => body[pos].sentence),
		share: counted ? touchedCounted / counted : 0,
		counts
	};
}

/**
 * Measures a theme's terms in both articles and counts the shared facts it contains.
 * @example measureTheme({ id: 'draft', label: 'draft / conscription', terms: ['draft', 'conscription'] }, a, b, facts).shareA // 0.3
 */
export function measureTheme(
	def: ThemeDefinition,
	a: SegmentedArticle,
	b: SegmentedArticle,
	sharedFacts: readonly SharedFactEnds[]
): Theme {
	const terms = [...new Set(def.terms.map((t) => t.trim()).filter(Boolean))];
	const matchers = terms.map(toMatcher);
	const A = measureSide(a, matchers);
	const B = measureSide(b, matchers);
	const inA = new Set(A.sentences);
	const inB = new Set(B.sentences);
	const facts: number[] = [];
	sharedFacts.forEach((f, i) => {
		if (inA.has(f.a.sentence) && inB.has(f.b.sentence)) facts.push(i);
	});
	return {
		id: def.id,
		label: def.label,
		terms,
		shareA: A.share,
		shareB: B.share,
		sentencesA: A.sentences,
		sentencesB: B.sentences,
		overlap: facts.length,
		sharedFacts: facts,
		termCounts: terms.map((term, k) => ({ term, a: A.counts[k], b: B.counts[k] }))
	};
}

/**
 * What the word-choice layer gives and takes: aligned passages in, contrasts out (the contract
 * the CLI, the reading view and the evaluation share).
 */
import type { Span } from '../types';
import type { PhraseRole } from './phrases';

/** One end of an aligned pair: a sentence, optionally narrowed to a passage inside it. */
export interface PassageEnd {
	sentence: number;
	start?: number;
	end?: number;
}

/** Two passages, one per article, about the same thing (shared facts, same-subject pairs). */
export interface AlignedPassages {
	/** the pair's id (`a12-b7`), carried into occurrences when given */
	id?: string;
	/**
	 * `different-claims` for a same-subject pair: an act there is paired only when it is the one
	 * differing phrase between two shared ones
	 */
	relation?: string;
	a: PassageEnd;
	b: PassageEnd;
}

/** The former name of {@link AlignedPassages}. */
export type SharedFactPassages = AlignedPassages;

/** One contrast: A's wording against B's for the same actor or act. */
export interface WordChoice {
	/** A's differing words as most often written ("migrants" where B says "war resisters") */
	a: string;
	b: string;
	/** lemma keys the contrast is aggregated by */
	lemmasA: string[];
	lemmasB: string[];
	/**
	 * a naming of an actor or thing (noun phrases), of an act (verb groups), or wording both
	 * articles share (`a` and `b` then spell the same phrase)
	 */
	kind: 'naming' | 'act' | 'shared';
	/** the slot both phrases fill */
	role: PhraseRole;
	/** number of aligned pairs showing this contrast */
	count: number;
	/**
	 * where: the pair's index (and id when given) and the two spans, so a click can show both;
	 * an article-wide choice has the index of A's aligned pair, or -1 outside every pair
	 */
	occurrences: { fact: number; id?: string; a: Span; b: Span }[];
}

/** Tuning of `buildWordChoices`. */
export interface WordChoiceOptions {
	/** content words a side; a longer run is a rewritten clause, not a word choice */
	maxWords?: number;
	/** contrasts returned */
	limit?: number;
}

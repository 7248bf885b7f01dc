/**
 * Vocabulary of the comparison engine: the specific details found in a sentence (who, where,
 * when, how many), shared-fact suggestions and one-sided claims. Offsets are UTF-16 offsets into
 * each article's normalised text, like everywhere in the domain.
 */
import type { Span, Token } from '../types';

/** How a shared fact's two passages relate. */
export type Relation = 'same' | 'different-detail' | 'contradicts' | 'different-claims';

/** A named participant, place or organisation: a run of capitalised words. */
export interface EntityMention extends Span {
	/** surface text as written, a final possessive dropped ("Tara Reid", "Putin" for "Putin’s") */
	text: string;
	/** distinctive lower-case name parts used for matching ("tara", "reid"); titles dropped */
	keys: string[];
}

/** A number with the word it counts or measures ("26 pirates", "$35,000", "5.6-magnitude"). */
export interface Quantity extends Span {
	text: string;
	value: number;
	/** lemma of the counted or measured word, or a currency sign; absent when none follows */
	unit?: string;
	/**
	 * the counted noun after a capitalised modifier ("26 Somali pirates": unit "somali", noun
	 * "pirate"), so that "23 pirates" and "26 Somali pirates" count the same thing
	 */
	noun?: string;
	/** "81st" and the like: an order, not an amount */
	ordinal?: boolean;
}

/** A calendar date, a weekday or a relative date ("March 18", "2023", "Saturday", "yesterday"). */
export interface DateMention extends Span {
	text: string;
	year?: number;
	/** 1..12 */
	month?: number;
	day?: number;
	/** 0 = Sunday … 6 = Saturday */
	weekday?: number;
	/** relative expression, normalised ("yesterday", "last night", "this week") */
	relative?: string;
}

/** Everything the engine knows about one sentence. */
export interface SentenceFeatures {
	/** sentence index in its article */
	index: number;
	start: number;
	end: number;
	text: string;
	/** furniture and title sentences never become shared facts */
	eligible: boolean;
	/**
	 * Headline-like: a title, a headline-case line or a line without final punctuation.
	 * Headlinese drops articles and tenses and announces a topic more than it states a fact.
	 */
	headline: boolean;
	tokens: Token[];
	/** content-word lemmas with their counts (stopwords, punctuation and single letters dropped) */
	bag: Map<string, number>;
	entities: EntityMention[];
	quantities: Quantity[];
	dates: DateMention[];
	/** adjacent content-word pairs ("meat grinder"), as "lemma lemma", names left out */
	phrases: Set<string>;
}

/** One side of a shared fact: a passage of one article. */
export interface PassageRef extends Span {
	sentence: number;
}

/** A word-diff part: text common to both passages or only in one of them. */
export interface DiffPart {
	value: string;
	side: 'both' | 'a' | 'b';
}

/** A suggested shared fact: two passages, one per article, that state the same fact. */
export interface SharedFact {
	/** stable id from the two sentence indexes, e.g. `a12-b7` */
	id: string;
	a: PassageRef;
	b: PassageRef;
	/** confidence in 0..1 */
	score: number;
	relation: Relation;
	/** shared names, as written in article A */
	entities: string[];
	/** shared numbers ("A text" or "A text / B text" when written differently) */
	numbers: string[];
	/** shared or compatible dates ("March 2023 / March 18" when the detail differs) */
	dates: string[];
	/** distinctive wording both passages use ("deportation flights"; a shared image alone, like "meat grinder", is word choice, never a fact) */
	phrases: string[];
	diff: DiffPart[];
}

/** A passage of one article with no counterpart in the other. */
export interface OneSidedClaim extends PassageRef {
	/** highest lexical similarity to any passage of the other article (0..1) */
	bestSimilarity: number;
	/** names, numbers and dates of this passage that the other article never mentions */
	unmatchedDetails: string[];
}

/** One-sided claims of both articles. */
export interface OneSidedClaims {
	a: OneSidedClaim[];
	b: OneSidedClaim[];
}

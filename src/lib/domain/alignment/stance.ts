/**
 * Whether a sentence asserts something that happened or is the case (a claim two articles can
 * share) or voices the author's stance: what someone should or must do, what we stand for, a
 * question. Opinion pieces are full of the latter; "We stand with war resisters"
 * and "It shouldn't take a war to fix the asylum system" may share every topic word with a report,
 * but they are positions, not facts — a class compares them as framings.
 */

/**
 * Quoted stretches, closed or running to the end: somebody else's words, whose voice is not the
 * article's ("``…''" and '"…""' as tokenised news text writes them too).
 */
const QUOTED = /(?:[“"]|``)(?:(?!”|"|'').)*(?:”|"|''|$)/g;
/** The end of a quotation opened in an earlier sentence: everything before it is quoted. */
const QUOTE_CLOSED_FIRST = /^[^“"`]*?(?:”|'')/;
/**
 * The article's own voice speaking as a group ("we must", "our class siblings"); lower case
 * inside a sentence, so that "Us Weekly" and "the US" stay names.
 */
const FIRST_PERSON_PLURAL = /(?:^|[^\p{L}])(?:we|us|our|ours|ourselves)(?![\p{L}])|^(?:We|Our)\b/u;
/** Obligation and hedged possibility: what ought to be or might be, not what is. */
const DEONTIC = /\b(?:should(?:n[’']t)?|must(?:n[’']t)?|ought|shall)\b/i;
/** A sentence asking (exclamations are left: tabloid news ends facts with "!"). */
const ASKS = /\?[”"’)\]]*\s*$/;

/** The kind of statement a sentence makes. */
export type Stance = 'claim' | 'opinion';

/**
 * Reads the stance of one sentence from its own words (quotations aside).
 * @example sentenceStance('We stand with Russian war resisters.') // 'opinion'
 * @example sentenceStance('ICE paused deportation flights to Russia.') // 'claim'
 */
export function sentenceStance(text: string): Stance {
	const own = text.replace(QUOTE_CLOSED_FIRST, ' ').replace(QUOTED, ' ');
	if (FIRST_PERSON_PLURAL.test(own) || DEONTIC.test(own) || ASKS.test(own)) {
		return 'opinion';
	}
	return 'claim';
}

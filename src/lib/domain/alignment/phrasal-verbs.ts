/**
 * Phrasal verbs of news English whose meaning is not the verb's: "passed away" is "died",
 * "checked into" a clinic is "entered" it and "checked out of" it is "left" it, "stepped down" is
 * "resigned". Read as their one-word equivalents, two reports that word one act differently
 * share it, and "checked into" no longer looks like "checked out of".
 */
import type { Token } from '../types';

/** "verb particle" (lemmas) → the one-word lemma it means. */
const PHRASAL: ReadonlyMap<string, string> = new Map([
	['pass away', 'die'],
	['check in', 'enter'],
	['check into', 'enter'],
	['check out', 'leave'],
	['step down', 'resign'],
	['gun down', 'shoot'],
	['call off', 'cancel'],
	['break out', 'erupt'],
	['set off', 'trigger'],
	['hand down', 'sentence']
]);

/** The verbs that start a listed phrasal verb: most tokens are ruled out without building a key. */
const VERBS: ReadonlySet<string> = new Set([...PHRASAL.keys()].map((k) => k.split(' ')[0]));

/**
 * The one-word lemma of the phrasal verb starting at token i ("passed away" → "die"), or
 * undefined when the token does not start one of the listed phrasal verbs.
 * @example phrasalLemma(tokenize('She passed away on Thursday.'), 1) // 'die'
 */
export function phrasalLemma(tokens: readonly Token[], i: number): string | undefined {
	const verb = tokens[i];
	const particle = tokens[i + 1];
	if (verb?.kind !== 'word' || particle?.kind !== 'word' || !VERBS.has(verb.lemma))
		return undefined;
	return PHRASAL.get(`${verb.lemma} ${particle.lemma}`);
}

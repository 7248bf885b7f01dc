/**
 * Opposite acts: two passages about the same people and place that report opposite acts
 * ("checked into the Betty Ford Center" / "checked out of the Betty Ford Center", "was hired" /
 * "was fired") report two events, not one fact told twice. Only acts whose opposites never
 * describe one event from two sides, and whose words have no other common sense, are listed:
 * "beat" / "lose" is left out because "A beat B" and "B lost to A" are the same match, "arrest" /
 * "release" because police "release the name" of a victim. The stages of one case (charged,
 * convicted or sentenced) are two events; a passage naming both ("convicted on all charges") is
 * not only one side, so it is never opposed.
 */
import type { Token } from '../types';
import { phrasalLemma } from './phrasal-verbs';

/** Each entry: acts of one direction, acts of the opposite direction (lemmas). */
const OPPOSITES: readonly (readonly [readonly string[], readonly string[]])[] = [
	// "checked into" reads as "enter", "checked out of" as "leave" (phrasal-verbs.ts)
	[
		['enter', 'arrive'],
		['leave', 'exit', 'depart']
	],
	[
		['hire', 'rehire', 'appoint'],
		['fire', 'dismiss', 'sack', 'oust']
	],
	[['convict'], ['acquit']],
	// the stages of one case: being charged is not being convicted or sentenced
	[
		['charge', 'indict', 'arraign'],
		['convict', 'acquit', 'sentence']
	],
	[['marry'], ['divorce']]
];

/** Every lemma some opposition lists: the only ones {@link oppositeActs} asks about. */
const LISTED: ReadonlySet<string> = new Set(OPPOSITES.flatMap(([one, two]) => [...one, ...two]));

/** Acts per token list: a sentence meets many candidates, and its token list is shared. */
const ACTS = new WeakMap<readonly Token[], Set<string>>();

/**
 * The listed lemmas among a passage's words, phrasal verbs read as the one word they mean
 * (memoised).
 */
function acts(tokens: readonly Token[]): Set<string> {
	let out = ACTS.get(tokens);
	if (out) return out;
	out = new Set<string>();
	for (let i = 0; i < tokens.length; i++) {
		if (tokens[i].kind !== 'word') continue;
		const lemma = phrasalLemma(tokens, i) ?? tokens[i].lemma;
		if (LISTED.has(lemma)) out.add(lemma);
	}
	ACTS.set(tokens, out);
	return out;
}

/** Whether `x` reports one side of an opposition and none of the other side. */
function onlySide(x: Set<string>, side: readonly string[], other: readonly string[]): boolean {
	return side.some((w) => x.has(w)) && !other.some((w) => x.has(w));
}

/**
 * Whether two passages report opposite acts: one reports only the one direction of an opposition
 * and the other only the opposite direction.
 * @example oppositeActs(tokenize('Lohan checked into Betty Ford.'), tokenize('Lohan checked out of Betty Ford.')) // true
 * @example oppositeActs(tokenize('She left Morningside and checked into Betty Ford.'), tokenize('She checked into Betty Ford.')) // false
 */
export function oppositeActs(a: readonly Token[], b: readonly Token[]): boolean {
	const x = acts(a);
	const y = acts(b);
	// most passages report no listed act at all
	if (x.size === 0 || y.size === 0) return false;
	return OPPOSITES.some(
		([one, two]) =>
			(onlySide(x, one, two) && onlySide(y, two, one)) ||
			(onlySide(x, two, one) && onlySide(y, one, two))
	);
}

/**
 * Trimming a pair of mentions to the words that differ, and refusing the pairs that are no
 * word choice: the same word in other forms, different details (numbers, times), names of two
 * different people, plain verbs of saying, a head against a modifier, moved words.
 */
import type { Mention } from './word-mentions';
import { acronymOf, among, forms } from './word-forms';
import { namesPeople } from './people-nouns';
import type { TaggedToken } from './pos';

/** Plain verbs of saying and light verbs: saying "said" rather than "noted" is no framing. */
const PLAIN_VERBS = new Set([
	'say',
	'tell',
	'note',
	'add',
	'state',
	'report',
	'explain',
	'write',
	'ask',
	'reply',
	'respond',
	'repeat',
	'accord',
	'follow',
	'be',
	'have',
	'do',
	'get',
	'go',
	'come',
	// verbs of starting, making and believing: the frame of an act, not the act
	'begin',
	'start',
	'make',
	'set',
	'believe',
	'know',
	'seem',
	'appear',
	'want',
	'expect'
]);

/**
 * Times, dates and counts: "Monday / Tuesday", "third / last 10" are different details of a
 * fact (the shared-fact layer shows them), not two namings of one thing.
 */
export const DETAIL =
	/\d|^(?:old|aged|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|morning|afternoon|evening|night|day|week|weekend|month|year|season|decade|century|hour|minute|today|yesterday|tomorrow|time|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|next|previous|latest|recent|earlier|later)$/u;

/** A's and B's differing words of two paired mentions, or null when they are no word choice. */
export function trim(
	x: Mention,
	y: Mention,
	passages: { a: string[]; b: string[] },
	maxWords: number
): { a: TaggedToken[]; b: TaggedToken[] } | null {
	const lx = forms(x.content);
	const ly = forms(y.content);
	const onlyX = x.content.filter((t) => !among(t, ly));
	const onlyY = y.content.filter((t) => !among(t, lx));
	if (!onlyX.length || !onlyY.length) return null;
	if (acronymOf(onlyX, onlyY) || acronymOf(onlyY, onlyX)) return null;
	if (x.phrase.name && y.phrase.name) {
		// one person's fuller or shorter name ("Wladimir Klitschko" / "Klitschko"), or the
		// same name with an epithet: only a different title or label ("pastor" / "minister") counts
		const titled = (ts: TaggedToken[]) =>
			ts.some((t) => t.pos === 'NOUN') && ts.every((t) => t.pos !== 'PROPN');
		if (!titled(onlyX) || !titled(onlyY)) return null;
	}
	// a name on each side ("Somerset supermarket" / "Waitrose supermarket"): two places or
	// people, unless the article identified them, which the name keys already compared
	const named = (ts: TaggedToken[]) => ts.some((t) => t.pos === 'PROPN');
	if (named(onlyX) && named(onlyY)) return null;
	// a word the other passage also uses, elsewhere, only moved ("The pastor, Larry Kroon" /
	// "Larry Kroon, pastor of"): the same wording in another order
	if (onlyX.some((t) => among(t, passages.b)) || onlyY.some((t) => among(t, passages.a))) {
		return null;
	}
	if (onlyX.length > maxWords || onlyY.length > maxWords) return null;
	// a different number, time or rank is a different detail, not a choice of words
	const detail = (t: TaggedToken) => t.pos === 'NUM' || DETAIL.test(t.lemma);
	if (onlyX.some(detail) || onlyY.some(detail)) return null;
	if (x.phrase.kind === 'nominal') {
		// a naming against a naming, a description against a description: "powerful" is no
		// other word for "magnitude", nor is a changed head the same slot as a changed modifier
		const noun = (ts: TaggedToken[]) => ts.some((t) => t.pos === 'NOUN' || t.pos === 'PROPN');
		if (noun(onlyX) !== noun(onlyY)) return null;
		if (onlyX.includes(x.phrase.head) !== onlyY.includes(y.phrase.head)) return null;
		// two common nouns, one for people and one not ("publicist" / "magazine", "driver" /
		// "accident"): a person is never another word for a thing, place or event
		const common = (m: Mention) => !m.phrase.name && m.phrase.head.pos === 'NOUN';
		if (
			common(x) &&
			common(y) &&
			onlyX.includes(x.phrase.head) &&
			namesPeople(x.phrase.head) !== namesPeople(y.phrase.head)
		) {
			return null;
		}
	}
	if (x.phrase.kind === 'verbal') {
		if (!onlyX.includes(x.phrase.head) || !onlyY.includes(y.phrase.head)) return null;
		if (PLAIN_VERBS.has(x.phrase.head.lemma) || PLAIN_VERBS.has(y.phrase.head.lemma)) return null;
		// the act is its verb: "say weaken" / "reducing" is "weaken" / "reducing"
		return { a: [x.phrase.head], b: [y.phrase.head] };
	}
	return { a: onlyX, b: onlyY };
}

/**
 * Mentions (noun phrases and verb groups) of two aligned passages and which of them fill the
 * same slot: phrases both passages share anchor the comparison, and the phrases between the
 * same anchors are paired by kind and grammatical slot.
 */
import { diffArrays } from 'diff';
import type { SegmentedArticle } from '../types';
import { nameKeys, type ActorLinks } from './actor-links';
import { chunkPhrases, type Phrase } from './phrases';
import { tagSentence, type TaggedToken } from './pos';
import { forms, sameFamily } from './word-forms';
import type { PassageEnd } from './word-choice-types';

/** Words kept when trimming: those that can name or describe (never determiners, auxiliaries). */
export const KEPT = new Set(['NOUN', 'PROPN', 'ADJ', 'VERB', 'NUM']);

/** A phrase with what identifies its referent. */
export interface Mention {
	phrase: Phrase;
	/** name keys, or the names this article links the role noun to */
	keys: Set<string>;
	/** words that can differ (nouns, names, adjectives, verbs, numbers) */
	content: TaggedToken[];
}

/** The phrases of one passage, each with its referent keys. */
export function mentionsOf(
	article: SegmentedArticle,
	end: PassageEnd,
	links: ActorLinks
): Mention[] {
	const tokens = tagSentence(article, end.sentence);
	const start = end.start ?? -Infinity;
	const stop = end.end ?? Infinity;
	return chunkPhrases(tokens)
		.filter((p) => p.head.start >= start && p.head.end <= stop && !p.pronoun)
		.map((phrase) => {
			const keys = new Set(phrase.name ? nameKeys(phrase) : (links.get(phrase.head.lemma) ?? []));
			const content = phrase.tokens.filter(
				// two characters at least: a stray "s" of a spaced "’ s" is no word
				(t) =>
					KEPT.has(t.pos) &&
					t.start >= start &&
					t.end <= stop &&
					/[\p{L}\d].*[\p{L}\d]/u.test(t.text)
			);
			return { phrase, keys, content };
		})
		.filter((m) => m.content.length > 0);
}

/** Two mentions refer to the same actor, thing or act (the anchors of a pair). */
function corefer(x: Mention, y: Mention): boolean {
	if (x.phrase.kind !== y.phrase.kind) return false;
	// names by their keys only: "Russia" and "Russians" are not one referent
	if (!x.phrase.name && !y.phrase.name && sameFamily(x.phrase.head.lemma, y.phrase.head.lemma)) {
		return true;
	}
	for (const k of x.keys) if (y.keys.has(k)) return true;
	return false;
}

/** True when two mentions may be compared as namings of one actor or act. */
function comparable(x: Mention, y: Mention, identified: boolean): boolean {
	if (x.phrase.kind !== y.phrase.kind) return false;
	if (x.phrase.kind === 'verbal') return true;
	// two different names are two different people or places, whatever the slot
	if (x.phrase.name && y.phrase.name) return identified;
	if (x.phrase.role !== y.phrase.role) return identified;
	return x.phrase.role !== 'oblique' || x.phrase.prep === y.phrase.prep || identified;
}

/** Shares a referent key: the same named actor, however worded. */
function sharesKey(x: Mention, y: Mention): boolean {
	for (const k of x.keys) if (y.keys.has(k)) return true;
	return false;
}

/**
 * The same thing acted on in the same slot: both objects, both after one preposition, or an
 * object against a place entered ("entered | the clinic" / "checked into | the clinic").
 */
function sameThingActedOn(x: Phrase, y: Phrase): boolean {
	if (x.role === 'subject' || y.role === 'subject') return false;
	if (x.role === y.role) return x.prep === y.prep;
	const into = (p: Phrase) =>
		p.role === 'object' || ['into', 'to', 'at', 'in', 'on'].includes(p.prep);
	return into(x) && into(y);
}

/**
 * Paired mentions of one aligned pair: phrases both passages share anchor the comparison; a
 * differing phrase between the same anchors is paired with the other side's phrase of the same
 * kind and slot when there is exactly one such phrase on each side.
 */
export function pairMentions(
	xs: Mention[],
	ys: Mention[],
	sameClaim: boolean
): [Mention, Mention][] {
	const out: [Mention, Mention][] = [];
	const changes = diffArrays(xs, ys, { comparator: corefer });
	let i = 0;
	let j = 0;
	let anchoredBefore = false;
	let removed: Mention[] = [];
	let added: Mention[] = [];
	const flush = (anchoredAfter: boolean, last: boolean) => {
		// one phrase a side between two shared ones (or a shared one and the passage's edge):
		// the same slot of the same statement. Longer runs are rewritten clauses.
		const edge =
			(anchoredBefore && (anchoredAfter || last)) ||
			(anchoredAfter && i === removed.length && j === added.length);
		if (removed.length === 1 && added.length === 1 && edge) {
			const [x] = removed;
			const [y] = added;
			// an act is only the same act between the same actor and the same thing acted on
			const sameSlot =
				x.phrase.kind === y.phrase.kind &&
				(x.phrase.kind === 'verbal'
					? anchoredBefore && anchoredAfter
					: x.phrase.role === y.phrase.role && x.phrase.prep === y.phrase.prep);
			if (sameSlot && comparable(x, y, false)) out.push([x, y]);
		} else if (removed.length && added.length) {
			// a longer rewrite: only the phrases right next to a shared one are in the same slot,
			// the act just before the same thing acted on ("has entered | the Promises Center" /
			// "has checked into | Promises Center") or the subject just before the same act
			// between two shared phrases only: one anchor is too little in a loosely aligned pair
			const next = anchoredAfter && anchoredBefore ? xs[i] : undefined;
			const nextB = anchoredAfter && anchoredBefore ? ys[j] : undefined;
			const x = removed[removed.length - 1];
			const y = added[added.length - 1];
			const actOnSame =
				next?.phrase.kind === 'nominal' &&
				next.phrase.role !== 'subject' &&
				nextB !== undefined &&
				sameThingActedOn(next.phrase, nextB.phrase) &&
				x.phrase.kind === 'verbal' &&
				y.phrase.kind === 'verbal';
			const subjectOfSame =
				next?.phrase.kind === 'verbal' &&
				x.phrase.kind === 'nominal' &&
				y.phrase.kind === 'nominal' &&
				x.phrase.role === 'subject' &&
				y.phrase.role === 'subject';
			// two claims about one subject do different things to the same thing: their verbs
			// there are two acts, not two namings of one
			if (((actOnSame && sameClaim) || subjectOfSame) && comparable(x, y, false)) {
				out.push([x, y]);
			}
		}
		removed = [];
		added = [];
	};
	for (const c of changes) {
		const n = c.count ?? c.value.length;
		if (c.removed) {
			removed = removed.concat(xs.slice(i, i + n));
			i += n;
		} else if (c.added) {
			added = added.concat(ys.slice(j, j + n));
			j += n;
		} else {
			flush(true, false);
			for (let k = 0; k < n; k++) {
				const x = xs[i + k];
				const y = ys[j + k];
				// the same actor named two ways ("the president" / "Trump"), or the same head
				// with different words around it ("illegal immigrants" / "undocumented immigrants")
				if (comparable(x, y, sharesKey(x, y))) out.push([x, y]);
			}
			anchoredBefore = true;
			i += n;
			j += n;
		}
	}
	flush(false, true);
	return out;
}

/** Lemmas and forms of the words of one passage. */
export function passageLemmas(article: SegmentedArticle, end: PassageEnd): string[] {
	const start = end.start ?? -Infinity;
	const stop = end.end ?? Infinity;
	return forms(
		tagSentence(article, end.sentence).filter(
			(t) => t.start >= start && t.end <= stop && KEPT.has(t.pos)
		)
	);
}

/** Role nouns (non-name heads) of every passage of one side, for linking them to names. */
export function roleNouns(article: SegmentedArticle, ends: PassageEnd[]): Set<string> {
	const roles = new Set<string>();
	for (const end of ends) {
		for (const p of chunkPhrases(tagSentence(article, end.sentence))) {
			if (p.kind === 'nominal' && p.head.pos === 'NOUN') roles.add(p.head.lemma);
		}
	}
	return roles;
}

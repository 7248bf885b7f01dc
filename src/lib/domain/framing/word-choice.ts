/**
 * Word-choice contrasts: how each article names the same actor or act. Inside every aligned
 * pair of passages (a shared fact, or a same-subject pair making different claims), noun
 * phrases and verb groups are paired by grammatical slot (subject with subject, object with
 * object, predicate with predicate) between the phrases both passages share, or by identity
 * (this article's "the president" is the other's "Trump"). Each pair is trimmed to the words
 * that differ; inflections and derivations of one word ("discussions / discussed"), plain verbs
 * of saying, names of different people and numbers are not word choices and are dropped.
 */
import { diffArrays } from 'diff';
import type { SegmentedArticle, Span } from '../types';
import { linkActors, nameKeys, type ActorLinks } from './actor-links';
import { chunkPhrases, type Phrase, type PhraseRole } from './phrases';
import { tagSentence, type TaggedToken } from './pos';

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
	a: PassageEnd;
	b: PassageEnd;
}

/** The former name of {@link AlignedPassages}. */
export type SharedFactPassages = AlignedPassages;

/** One contrast: A's wording against B's for the same actor or act. */
export interface WordChoice {
	/** A's wording as most often written ("Russian migrants") */
	a: string;
	b: string;
	/** lemma keys the contrast is aggregated by */
	lemmasA: string[];
	lemmasB: string[];
	/** a naming of an actor or thing (noun phrases) or of an act (verb groups) */
	kind: 'naming' | 'act';
	/** the slot both phrases fill */
	role: PhraseRole;
	/** number of aligned pairs showing this contrast */
	count: number;
	/** where: the pair's index (and id when given) and the two spans, so a click can show both */
	occurrences: { fact: number; id?: string; a: Span; b: Span }[];
}

/** Tuning of `buildWordChoices`. */
export interface WordChoiceOptions {
	/** content words a side; a longer run is a rewritten clause, not a word choice */
	maxWords?: number;
	/** contrasts returned */
	limit?: number;
}

// three content words a side: "Russian migrants" / "war resisters", not a rewritten clause
const DEFAULTS = { maxWords: 3, limit: 20 } as const;

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
	'come'
]);
/**
 * Times, dates and counts: "Monday / Tuesday", "third / last 10" are different details of a
 * fact (the shared-fact layer shows them), not two namings of one thing.
 */
const DETAIL =
	/\d|^(?:old|aged|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|morning|afternoon|evening|night|day|week|weekend|month|year|season|decade|century|hour|minute|today|yesterday|tomorrow|time|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|next|previous|latest|recent|earlier|later)$/u;

/** Words kept when trimming: those that can name or describe (never determiners, auxiliaries). */
const KEPT = new Set(['NOUN', 'PROPN', 'ADJ', 'VERB', 'NUM']);

/** A phrase with what identifies its referent. */
interface Mention {
	phrase: Phrase;
	/** name keys, or the names this article links the role noun to */
	keys: Set<string>;
	/** words that can differ (nouns, names, adjectives, verbs, numbers) */
	content: TaggedToken[];
}

/** Edit distance of two short words, stopping early past `limit`. */
function editDistance(x: string, y: string, limit: number): number {
	if (Math.abs(x.length - y.length) > limit) return limit + 1;
	let prev = Array.from({ length: y.length + 1 }, (_, k) => k);
	for (let i = 1; i <= x.length; i++) {
		const row = [i];
		for (let j = 1; j <= y.length; j++) {
			row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
		}
		prev = row;
	}
	return prev[y.length];
}

/**
 * Same word, other form: one lemma extends the other by a suffix ("discuss" / "discussion",
 * "lead" / "leader"), abbreviates it ("rep" / "representative", "Gov." / "governor") or spells it
 * another way ("protestors" / "protesters"). Not a choice of words.
 */
export function sameFamily(x: string, y: string): boolean {
	x = x.replace(/\.$/u, '');
	y = y.replace(/\.$/u, '');
	if (x === y) return true;
	const n = Math.min(x.length, y.length);
	if (n < 3) return false;
	let k = 0;
	while (k < n && x[k] === y[k]) k++;
	if (k === n) return true; // a prefix: an abbreviation or a suffixed form
	if (n >= 4 && k >= 4 && k >= n - 1) return true;
	return n >= 6 && editDistance(x, y, 1) <= 1;
}

/** "GM" / "general manager": an acronym of the other side's words. */
function acronymOf(short: readonly TaggedToken[], long: readonly TaggedToken[]): boolean {
	if (short.length !== 1 || long.length < 2) return false;
	const letters = short[0].text.replace(/\./gu, '').toLowerCase();
	return letters === long.map((t) => t.text[0].toLowerCase()).join('');
}

/** The phrases of one passage, each with its referent keys. */
function mentionsOf(article: SegmentedArticle, end: PassageEnd, links: ActorLinks): Mention[] {
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

/** Lemmas and written forms of some tokens: the lite model leaves a few plurals unlemmatised. */
function forms(tokens: readonly TaggedToken[]): string[] {
	return tokens.flatMap((t) => [t.lemma, t.text.toLowerCase()]);
}

/** True when a token is a form of one of `others` (see {@link sameFamily}). */
function among(t: TaggedToken, others: readonly string[]): boolean {
	const own = [t.lemma, t.text.toLowerCase()];
	return others.some((o) => own.some((f) => sameFamily(o, f)));
}

/** A's and B's differing words of two paired mentions, or null when they are no word choice. */
function trim(
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
	// a word the other passage also uses, elsewhere, only moved ("The pastor, Larry Kroon" /
	// "Larry Kroon, pastor of"): the same wording in another order
	if (onlyX.some((t) => among(t, passages.b)) || onlyY.some((t) => among(t, passages.a))) {
		return null;
	}
	if (onlyX.length > maxWords || onlyY.length > maxWords) return null;
	// a different number, time or rank is a different detail, not a choice of words
	const detail = (t: TaggedToken) => t.pos === 'NUM' || DETAIL.test(t.lemma);
	if (onlyX.some(detail) || onlyY.some(detail)) return null;
	if (x.phrase.kind === 'verbal') {
		if (!onlyX.includes(x.phrase.head) || !onlyY.includes(y.phrase.head)) return null;
		if (PLAIN_VERBS.has(x.phrase.head.lemma) || PLAIN_VERBS.has(y.phrase.head.lemma)) return null;
	}
	return { a: onlyX, b: onlyY };
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
 * Paired mentions of one aligned pair: phrases both passages share anchor the comparison; a
 * differing phrase between the same anchors is paired with the other side's phrase of the same
 * kind and slot when there is exactly one such phrase on each side.
 */
function pairMentions(xs: Mention[], ys: Mention[]): [Mention, Mention][] {
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
			const x = removed[removed.length - 1];
			const y = added[added.length - 1];
			const actOnSame =
				next?.phrase.kind === 'nominal' &&
				next.phrase.role !== 'subject' &&
				x.phrase.kind === 'verbal' &&
				y.phrase.kind === 'verbal';
			const subjectOfSame =
				next?.phrase.kind === 'verbal' &&
				x.phrase.kind === 'nominal' &&
				y.phrase.kind === 'nominal' &&
				x.phrase.role === 'subject' &&
				y.phrase.role === 'subject';
			if ((actOnSame || subjectOfSame) && comparable(x, y, false)) out.push([x, y]);
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

/** The most frequent string of a tally, ties broken alphabetically. */
function mostFrequent(tally: ReadonlyMap<string, number>): string {
	return [...tally].sort((p, q) => q[1] - p[1] || (p[0] < q[0] ? -1 : 1))[0][0];
}

/** Lemmas and forms of the words of one passage. */
function passageLemmas(article: SegmentedArticle, end: PassageEnd): string[] {
	const start = end.start ?? -Infinity;
	const stop = end.end ?? Infinity;
	return forms(
		tagSentence(article, end.sentence).filter(
			(t) => t.start >= start && t.end <= stop && KEPT.has(t.pos)
		)
	);
}

/** Role nouns (non-name heads) of every passage of one side, for linking them to names. */
function roleNouns(article: SegmentedArticle, ends: PassageEnd[]): Set<string> {
	const roles = new Set<string>();
	for (const end of ends) {
		for (const p of chunkPhrases(tagSentence(article, end.sentence))) {
			if (p.kind === 'nominal' && p.head.pos === 'NOUN') roles.add(p.head.lemma);
		}
	}
	return roles;
}

const ROLE_ORDER: Record<PhraseRole, number> = { subject: 0, object: 1, predicate: 2, oblique: 3 };

/**
 * Ranks how the two articles name the same actors and acts differently, most frequent first.
 * `pairs` may be shared facts, same-subject pairs, or both.
 * @example buildWordChoices(a, b, facts)[0] // { a: 'Russian migrants', b: 'war resisters', kind: 'naming', count: 2, … }
 */
export function buildWordChoices(
	a: SegmentedArticle,
	b: SegmentedArticle,
	pairs: readonly AlignedPassages[],
	opts: WordChoiceOptions = {}
): WordChoice[] {
	const maxWords = opts.maxWords ?? DEFAULTS.maxWords;
	const usable = pairs.filter(
		(p) =>
			a.sentences[p.a.sentence]?.furniture === false &&
			b.sentences[p.b.sentence]?.furniture === false
	);
	const linksA = linkActors(
		a,
		roleNouns(
			a,
			usable.map((p) => p.a)
		)
	);
	const linksB = linkActors(
		b,
		roleNouns(
			b,
			usable.map((p) => p.b)
		)
	);
	const groups = new Map<
		string,
		{
			lemmasA: string[];
			lemmasB: string[];
			kind: WordChoice['kind'];
			role: PhraseRole;
			formsA: Map<string, number>;
			formsB: Map<string, number>;
			occurrences: WordChoice['occurrences'];
			facts: Set<number>;
		}
	>();
	pairs.forEach((pair, index) => {
		if (!usable.includes(pair)) return;
		const xs = mentionsOf(a, pair.a, linksA);
		const ys = mentionsOf(b, pair.b, linksB);
		const passages = { a: passageLemmas(a, pair.a), b: passageLemmas(b, pair.b) };
		for (const [x, y] of pairMentions(xs, ys)) {
			const trimmed = trim(x, y, passages, maxWords);
			if (!trimmed) continue;
			const lemmasA = trimmed.a.map((t) => t.lemma);
			const lemmasB = trimmed.b.map((t) => t.lemma);
			const key = `${lemmasA.join(' ')}\u0000${lemmasB.join(' ')}`;
			let g = groups.get(key);
			if (!g) {
				g = {
					lemmasA,
					lemmasB,
					kind: x.phrase.kind === 'verbal' ? 'act' : 'naming',
					role: x.phrase.role,
					formsA: new Map(),
					formsB: new Map(),
					occurrences: [],
					facts: new Set()
				};
				groups.set(key, g);
			}
			const spanA = { start: trimmed.a[0].start, end: trimmed.a[trimmed.a.length - 1].end };
			const spanB = { start: trimmed.b[0].start, end: trimmed.b[trimmed.b.length - 1].end };
			const textA = a.text.slice(spanA.start, spanA.end);
			const textB = b.text.slice(spanB.start, spanB.end);
			g.formsA.set(textA, (g.formsA.get(textA) ?? 0) + 1);
			g.formsB.set(textB, (g.formsB.get(textB) ?? 0) + 1);
			g.occurrences.push({ fact: index, ...(pair.id ? { id: pair.id } : {}), a: spanA, b: spanB });
			g.facts.add(index);
		}
	});
	return [...groups.values()]
		.map((g) => ({
			a: mostFrequent(g.formsA),
			b: mostFrequent(g.formsB),
			lemmasA: g.lemmasA,
			lemmasB: g.lemmasB,
			kind: g.kind,
			role: g.role,
			count: g.facts.size,
			occurrences: g.occurrences
		}))
		.sort(
			(x, y) =>
				y.count - x.count ||
				ROLE_ORDER[x.role] - ROLE_ORDER[y.role] ||
				x.lemmasA.length + x.lemmasB.length - (y.lemmasA.length + y.lemmasB.length) ||
				(x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0)
		)
		.slice(0, opts.limit ?? DEFAULTS.limit);
}

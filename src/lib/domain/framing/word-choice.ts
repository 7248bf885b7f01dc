/**
 * Word-choice contrasts: how each article names the same actor or act. Inside every aligned
 * pair of passages (a shared fact, or a same-subject pair making different claims), noun
 * phrases and verb groups are paired by grammatical slot (subject with subject, object with
 * object, predicate with predicate) between the phrases both passages share, or by identity
 * (this article's "the president" is the other's "Trump"). Each pair is trimmed to the words
 * that differ; inflections and derivations of one word ("discussions / discussed"), plain verbs
 * of saying, names of different people and numbers are not word choices and are dropped.
 * Two article-wide choices complete them: how each article names one group across its aligned
 * passages ("Russian migrants" / "Russian war resisters"), and figurative wording both articles
 * share ("meat grinder"): a shared phrase is a choice of words too, not a fact.
 */
import { diffArrays } from 'diff';
import type { SegmentedArticle, Span } from '../types';
import { linkActors, nameKeys, type ActorLinks } from './actor-links';
import { chunkPhrases, type Phrase, type PhraseRole } from './phrases';
import { tagBody, tagSentence, type TaggedToken } from './pos';

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
	/** A's wording as most often written ("Russian migrants") */
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
	}
	if (x.phrase.kind === 'verbal') {
		if (!onlyX.includes(x.phrase.head) || !onlyY.includes(y.phrase.head)) return null;
		if (PLAIN_VERBS.has(x.phrase.head.lemma) || PLAIN_VERBS.has(y.phrase.head.lemma)) return null;
		// the act is its verb: "say weaken" / "reducing" is "weaken" / "reducing"
		return { a: [x.phrase.head], b: [y.phrase.head] };
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
function pairMentions(xs: Mention[], ys: Mention[], sameClaim: boolean): [Mention, Mention][] {
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

/**
 * Nouns for people that carry no agentive suffix; with the suffixes below they tell a naming of
 * a group ("migrants", "war resisters") from a naming of an institution ("government", "army").
 */
const PEOPLE_NOUNS = new Set(
	`man men woman women people person individual citizen refugee troop soldier family child
	children worker national dissident resident student opponent civilian victim sibling brother
	sister comrade youth crowd population community actress star celebrity icon girl boy teen
	teenager suspect gunman spokesman spokeswoman wife husband mother father son daughter rep
	boss chief coach pilot captain crew guard police`.split(/\s+/)
);
/** Agentive suffixes: resister, protester, migrant, activist, detainee. */
const AGENTIVE = /(?:er|or|ist|ant|ee)s?$/u;

/** True when a noun names people ("migrants", "war resisters", "individuals"). */
function namesPeople(t: TaggedToken): boolean {
	const w = t.text.toLowerCase();
	return PEOPLE_NOUNS.has(t.lemma) || PEOPLE_NOUNS.has(w) || (AGENTIVE.test(w) && w.length > 5);
}

/** A naming of a group: its name modifier ("russian"), its differing words and their span. */
interface GroupNaming {
	modifier: string;
	words: TaggedToken[];
	/** index of the aligned pair it was read in */
	pair: number;
}

/**
 * Namings of groups in one side's aligned passages: a people noun after a name modifier
 * ("Russian migrants", "Russian war resisters"), the modifier left out of the words.
 */
function groupNamings(
	article: SegmentedArticle,
	ends: readonly { end: PassageEnd; pair: number }[]
): GroupNaming[] {
	const out: GroupNaming[] = [];
	const seen = new Set<number>();
	for (const { end, pair } of ends) {
		const start = end.start ?? -Infinity;
		const stop = end.end ?? Infinity;
		for (const p of chunkPhrases(tagSentence(article, end.sentence))) {
			if (p.kind !== 'nominal' || p.name || p.pronoun || !namesPeople(p.head)) continue;
			if (p.head.start < start || p.head.end > stop || seen.has(p.head.start)) continue;
			const k = p.tokens.indexOf(p.head);
			// the name modifier: a capitalised word right before the naming's own words
			const mod = p.tokens.findLastIndex(
				(t, i) => i < k && /^\p{Lu}/u.test(t.text) && (t.pos === 'ADJ' || t.pos === 'PROPN')
			);
			if (mod < 0) continue;
			const words = p.tokens
				.slice(mod + 1, k + 1)
				.filter((t) => t.pos === 'NOUN' || (t.pos === 'ADJ' && !/^\p{Lu}/u.test(t.text)));
			if (!words.length || words.length > 2) continue;
			seen.add(p.head.start);
			out.push({ modifier: p.tokens[mod].lemma.toLowerCase(), words, pair });
		}
	}
	return out;
}

/**
 * Nouns of an article's body by their first two letters: a naming the other side also uses (in
 * any form, see {@link sameFamily}) is no choice, and the buckets keep that check short.
 */
function nounsByStart(article: SegmentedArticle): Map<string, string[]> {
	const out = new Map<string, Set<string>>();
	for (const s of article.sentences) {
		if (s.furniture) continue;
		for (const t of tagSentence(article, s.index)) {
			if (t.pos !== 'NOUN') continue;
			const bucket = out.get(t.lemma.slice(0, 2)) ?? new Set();
			bucket.add(t.lemma);
			out.set(t.lemma.slice(0, 2), bucket);
		}
	}
	return new Map([...out].map(([k, v]) => [k, [...v]]));
}

/**
 * How each article names one group across its aligned passages: for a name modifier both use
 * ("Russian"), each side's commonest naming whose head the other article never uses
 * ("migrants" / "war resisters"). One pair per modifier.
 */
function groupContrasts(
	a: SegmentedArticle,
	b: SegmentedArticle,
	pairs: readonly AlignedPassages[]
): [GroupNaming, GroupNaming][] {
	const xs = groupNamings(
		a,
		pairs.map((p, pair) => ({ end: p.a, pair }))
	);
	const ys = groupNamings(
		b,
		pairs.map((p, pair) => ({ end: p.b, pair }))
	);
	// only a modifier both sides use can name one group
	const modsB = new Set(ys.map((n) => n.modifier));
	const modsA = new Set(xs.filter((n) => modsB.has(n.modifier)).map((n) => n.modifier));
	if (!modsA.size) return [];
	const headsA = nounsByStart(a);
	const headsB = nounsByStart(b);
	const own = (n: GroupNaming, other: Map<string, string[]>) => {
		const head = n.words.at(-1)!.lemma;
		return !(other.get(head.slice(0, 2)) ?? []).some((h) => sameFamily(h, head));
	};
	/** The commonest one-sided naming per modifier. */
	const top = (ns: GroupNaming[], other: Map<string, string[]>) => {
		const by = new Map<string, GroupNaming[]>();
		for (const n of ns) {
			if (!own(n, other)) continue;
			const key = `${n.modifier}\u0000${n.words.map((t) => t.lemma).join(' ')}`;
			const list = by.get(key);
			if (list) list.push(n);
			else by.set(key, [n]);
		}
		const best = new Map<string, GroupNaming[]>();
		for (const list of by.values()) {
			const m = list[0].modifier;
			if ((best.get(m)?.length ?? 0) < list.length) best.set(m, list);
		}
		return best;
	};
	const ta = top(
		xs.filter((n) => modsA.has(n.modifier)),
		headsB
	);
	const tb = top(
		ys.filter((n) => modsA.has(n.modifier)),
		headsA
	);
	const out: [GroupNaming, GroupNaming][] = [];
	for (const [m, la] of ta) {
		const lb = tb.get(m);
		if (lb) out.push([la[0], lb[0]]);
	}
	return out;
}

/** Content words of an article's body, each with how often its lemma occurs. */
function lemmaCounts(article: SegmentedArticle): Map<string, number> {
	const counts = new Map<string, number>();
	for (const s of article.sentences) {
		if (s.furniture) continue;
		for (const t of tagSentence(article, s.index))
			counts.set(t.lemma, (counts.get(t.lemma) ?? 0) + 1);
	}
	return counts;
}

/** A plain lower-case word of three letters or more (a constant: tested for every token). */
const PLAIN_WORD = /^\p{Ll}[\p{L}-]{2,}$/u;

/** Every two- or three-word run of common nouns and adjectives ending in a noun, by lemma key. */
function nounRuns(article: SegmentedArticle): Map<string, TaggedToken[][]> {
	const out = new Map<string, TaggedToken[][]>();
	const plain = (t: TaggedToken) =>
		(t.pos === 'NOUN' || t.pos === 'ADJ') && PLAIN_WORD.test(t.text);
	for (const s of article.sentences) {
		if (s.furniture) continue;
		const tokens = tagSentence(article, s.index);
		const ok = tokens.map(plain);
		for (let i = 0; i + 1 < tokens.length; i++) {
			if (!ok[i] || !ok[i + 1]) continue;
			for (let n = 2; n <= 3 && i + n <= tokens.length && ok[i + n - 1]; n++) {
				if (tokens[i + n - 1].pos !== 'NOUN') continue;
				const run = tokens.slice(i, i + n);
				const key = run.map((t) => t.lemma).join(' ');
				const list = out.get(key);
				if (list) list.push(run);
				else out.set(key, [run]);
			}
		}
	}
	return out;
}

/**
 * Figurative wording both articles use ("meat grinder"): a phrase of common words whose words
 * each article uses nowhere else. Topic wording ("deportation flights") recurs in other phrases
 * and is left to the shared facts; a phrase used only in passing by both is a shared image.
 */
function sharedWording(
	a: SegmentedArticle,
	b: SegmentedArticle,
	pairs: readonly AlignedPassages[]
): [TaggedToken[], TaggedToken[]][] {
	const runsA = nounRuns(a);
	const runsB = nounRuns(b);
	const countsA = lemmaCounts(a);
	const countsB = lemmaCounts(b);
	const isolated = (runs: TaggedToken[][], counts: Map<string, number>) =>
		runs[0].every((t) => counts.get(t.lemma) === runs.length);
	const found: [TaggedToken[], TaggedToken[]][] = [];
	for (const [key, ra] of runsA) {
		const rb = runsB.get(key);
		if (!rb || !isolated(ra, countsA) || !isolated(rb, countsB)) continue;
		// a phrase both sentences of one aligned pair use belongs to that fact; a time is a detail
		const sentenceOf = (art: SegmentedArticle, t: TaggedToken) =>
			art.sentences.findIndex((x) => x.start <= t.start && t.end <= x.end);
		const sa = sentenceOf(a, ra[0][0]);
		const sb = sentenceOf(b, rb[0][0]);
		if (pairs.some((p) => p.a.sentence === sa && p.b.sentence === sb)) continue;
		if (ra[0].some((t) => DETAIL.test(t.lemma))) continue;
		found.push([ra[0], rb[0]]);
	}
	// a longer shared phrase covers its two-word parts
	const long = new Set(found.filter(([x]) => x.length > 2).flatMap(([x]) => x.map((t) => t.start)));
	return found.filter(([x]) => x.length > 2 || !x.every((t) => long.has(t.start)));
}

const ROLE_ORDER: Record<PhraseRole, number> = { subject: 0, object: 1, predicate: 2, oblique: 3 };

/** Contrasts being aggregated, by lemma key. */
type Groups = Map<
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
>;

/** Adds one occurrence of a contrast (A's words against B's) to its group. */
function record(
	groups: Groups,
	texts: { a: string; b: string },
	found: { a: TaggedToken[]; b: TaggedToken[]; kind: WordChoice['kind']; role: PhraseRole },
	fact: number,
	id?: string
): void {
	const lemmasA = found.a.map((t) => t.lemma);
	const lemmasB = found.b.map((t) => t.lemma);
	const key = `${found.kind}\u0000${lemmasA.join(' ')}\u0000${lemmasB.join(' ')}`;
	let g = groups.get(key);
	if (!g) {
		g = {
			lemmasA,
			lemmasB,
			kind: found.kind,
			role: found.role,
			formsA: new Map(),
			formsB: new Map(),
			occurrences: [],
			facts: new Set()
		};
		groups.set(key, g);
	}
	const spanA = { start: found.a[0].start, end: found.a[found.a.length - 1].end };
	const spanB = { start: found.b[0].start, end: found.b[found.b.length - 1].end };
	const textA = texts.a.slice(spanA.start, spanA.end);
	const textB = texts.b.slice(spanB.start, spanB.end);
	g.formsA.set(textA, (g.formsA.get(textA) ?? 0) + 1);
	g.formsB.set(textB, (g.formsB.get(textB) ?? 0) + 1);
	g.occurrences.push({ fact, ...(id ? { id } : {}), a: spanA, b: spanB });
	g.facts.add(fact);
}

/**
 * Ranks how the two articles name the same actors and acts differently, most frequent first,
 * then the wording they share. `pairs` may be shared facts, same-subject pairs, or both.
 * @example buildWordChoices(a, b, facts)[0] // { a: 'Russian migrants', b: 'war resisters', kind: 'naming', count: 2, … }
 */
export function buildWordChoices(
	a: SegmentedArticle,
	b: SegmentedArticle,
	pairs: readonly AlignedPassages[],
	opts: WordChoiceOptions = {}
): WordChoice[] {
	const maxWords = opts.maxWords ?? DEFAULTS.maxWords;
	// the shared wording reads every body sentence: tag them all in one pass per article
	tagBody(a);
	tagBody(b);
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
	const groups: Groups = new Map();
	const texts = { a: a.text, b: b.text };
	pairs.forEach((pair, index) => {
		if (!usable.includes(pair)) return;
		const xs = mentionsOf(a, pair.a, linksA);
		const ys = mentionsOf(b, pair.b, linksB);
		const passages = { a: passageLemmas(a, pair.a), b: passageLemmas(b, pair.b) };
		for (const [x, y] of pairMentions(xs, ys, pair.relation !== 'different-claims')) {
			const trimmed = trim(x, y, passages, maxWords);
			if (!trimmed) continue;
			const kind = x.phrase.kind === 'verbal' ? 'act' : 'naming';
			record(groups, texts, { ...trimmed, kind, role: x.phrase.role }, index, pair.id);
		}
	});
	const seen = new Set([...groups.values()].flatMap((g) => g.occurrences.map((o) => o.a.start)));
	for (const [x, y] of groupContrasts(a, b, usable)) {
		// a naming already paired inside one aligned pair is not counted twice
		if (seen.has(x.words[0].start)) continue;
		const fact = pairs.indexOf(usable[x.pair]);
		record(groups, texts, { a: x.words, b: y.words, kind: 'naming', role: 'subject' }, fact);
	}
	const choices = [...groups.values()]
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
		);
	const shared: WordChoice[] = sharedWording(a, b, usable).map(([x, y]) => {
		const spanA = { start: x[0].start, end: x[x.length - 1].end };
		const spanB = { start: y[0].start, end: y[y.length - 1].end };
		const lemmas = x.map((t) => t.lemma);
		return {
			a: a.text.slice(spanA.start, spanA.end),
			b: b.text.slice(spanB.start, spanB.end),
			lemmasA: lemmas,
			lemmasB: lemmas,
			kind: 'shared',
			role: 'object',
			count: 1,
			occurrences: [{ fact: -1, a: spanA, b: spanB }]
		};
	});
	return [...choices, ...shared].slice(0, opts.limit ?? DEFAULTS.limit);
}

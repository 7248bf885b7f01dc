/**
 * Loaded wording in one article: evaluative verbs of saying ("slammed", "admitted" where "said"
 * would do), loaded adjectives, adverbs and nouns, intensifiers, labels for people and groups, and
 * scare quotes. Few and precise: the strongest cases first, a handful per thousand words, each
 * with a sentence a teacher can read out. Offsets are UTF-16 into the normalised text.
 */
import { tokenize } from '../text/tokens';
import { bodySentenceTokens } from './content-tokens';
import type { SegmentedArticle, Span, Token } from '../types';
import { key, loadedLexicon } from './loaded-lexicon-index';
import type { LoadedKind } from './loaded-lexicon';
import { findQuotes, isScareQuote } from './scare-quotes';

export type { LoadedKind } from './loaded-lexicon';

/** One piece of loaded wording, with why a reader might see it as slanted. */
export interface LoadedSpan extends Span {
	exact: string;
	kind: LoadedKind;
	/** a plain-language sentence a teacher can read */
	why: string;
}

/** A candidate before the per-article cap: its strength decides what is kept. */
export interface LoadedCandidate extends LoadedSpan {
	/** 2 strong, 1 mild; inside a reported utterance one less */
	strength: number;
	/** how many stronger or earlier candidates its sentence has: ties go to other sentences first */
	rank: number;
}

/** Tuning of `findLoadedLanguage`; every field has a reasoned default. */
export interface LoadedOptions {
	/** spans kept per 1,000 words: people mark about two per article; ten leaves room for both sides */
	perThousand?: number;
	/** spans kept however short the article */
	min?: number;
	/** spans kept however long the article: beyond a dozen the highlights stop pointing */
	max?: number;
	/** times one wording is kept (the same "regime" eight times says nothing new) */
	perWording?: number;
}

const DEFAULTS = { perThousand: 10, min: 3, max: 12, perWording: 2 } as const;

const SCARE_QUOTE_WHY =
	'The quotation marks around “{w}” keep the writer’s distance from the word: they hint that it is someone else’s term and not to be taken at face value.';

const PEOPLE_LABEL_WHY =
	'“{w}” labels people or a group instead of describing what they do or think.';

const KINSHIP_LABEL_WHY =
	'“{w}” calls people who are not family kin or comrades: it asks the reader to side with the group.';

/**
 * Words before a kinship word that make it plain family ("my brother", "older sister", "twin
 * brothers", "the Smith brothers" is a name and never reaches here).
 */
const NOT_A_GROUP = new Set(
	`my, your, his, her, its, our, their, whose, a, an, the, this, that, these, those, and, or, of,
	older, elder, younger, big, little, baby, twin, half, step, own, only, dear, beloved, late,
	two, three, four, five, six`
		.split(/[\s,]+/)
		.filter(Boolean)
);

/*
 * Patterns tested for every word: module constants, since a regular-expression literal in a
 * function builds a new object each time it runs. None is global, so none keeps state.
 */
const VERB_ENDING = /(?:ed|ing)$/;
const DIGIT_START = /^\d/;
const UPPER_START = /^\p{Lu}/u;
const LOWER_START = /^\p{Ll}/u;
const ONLY_SPACE = /^\s+$/;
/** The entries of a word that starts none (one constant: most words start none). */
const NO_ENTRIES: readonly never[] = [];

/** Words before a verb's -s form that make it a noun instead ("the blasts", "two slams"). */
const NOUN_BEFORE = new Set(
	`a an the this that these those two three four several many more multiple some any no of and
	both his her their its our your my such`.split(/\s+/)
);

/** Words before a verb's base form that make it a verb ("to slam", "would blast"). */
const VERB_BEFORE = new Set(
	`to will would could should might may must did didn't not also cannot`.split(/\s+/)
);

/** For verbs whose noun is everyday news: is this token used as the verb? */
function isVerbUse(words: readonly Token[], i: number): boolean {
	const w = key(words[i]);
	if (VERB_ENDING.test(w)) return true;
	const prev = i > 0 ? key(words[i - 1]) : '';
	if (w.endsWith('s')) return i > 0 && !NOUN_BEFORE.has(prev) && !DIGIT_START.test(prev);
	return VERB_BEFORE.has(prev);
}

/** Title Case or a headline: capitals then say nothing about names. */
function isHeadlineCase(words: readonly Token[]): boolean {
	const caps = words.filter((t) => UPPER_START.test(t.text)).length;
	return words.length > 0 && caps / words.length >= 0.6;
}

/** Whether text[from, to) is one plain space (`text.slice(from, to) === ' '`, without a copy). */
function isOneSpace(text: string, from: number, to: number): boolean {
	return to === from + 1 && text.charCodeAt(from) === 32;
}

/** Fills a group's explanation for the words as written. */
function explain(template: string, exact: string, alt?: string): string {
	const why = template.replace('{w}', exact);
	return alt ? `${why} A more neutral word: “${alt}”.` : why;
}

/**
 * Every loaded wording found in the given sentences, strongest first within each sentence, not
 * yet capped. Overlaps keep the longer span.
 * @example loadedCandidates('Critics slammed the plan.', [{ start: 0, end: 25 }])[0].exact // 'slammed'
 */
export function loadedCandidates(text: string, sentences: readonly Span[]): LoadedCandidate[] {
	return sentences.flatMap((sentence) =>
		sentenceCandidates(
			text,
			sentence,
			tokenize(text.slice(sentence.start, sentence.end), sentence.start)
		)
	);
}

/** The candidates of one sentence from its tokens (offsets into `text`), in text order. */
function sentenceCandidates(
	text: string,
	sentence: Span,
	tokens: readonly Token[]
): LoadedCandidate[] {
	const c = loadedLexicon();
	const words = tokens.filter((t) => t.kind === 'word');
	// each word's lexicon spelling, read once: the tests below look at a word up to four times
	const keys = words.map(key);
	const headline = isHeadlineCase(words);
	const quotes = findQuotes(text, sentence.start, sentence.end);
	const utterances = quotes.filter((q) => q.words > 3);
	const inUtterance = (at: number) => utterances.some((q) => at > q.open && at < q.close);
	const found: LoadedCandidate[] = [];
	const add = (from: number, to: number, kind: LoadedKind, strength: number, why: string) => {
		const exact = text.slice(from, to);
		const s = strength - (inUtterance(from) ? 1 : 0);
		found.push({
			start: from,
			end: to,
			exact,
			kind,
			why: why.replace('{w}', exact),
			strength: s,
			rank: 0
		});
	};
	for (let i = 0; i < words.length; i++) {
		const t = words[i];
		const w = keys[i];
		// a capital inside a sentence starts a name ("Radical Candor", "Extreme Networks")
		const named = i > 0 && !headline && UPPER_START.test(t.text);
		if (c.beforePeople.has(w) && i + 1 < words.length && !named) {
			const next = words[i + 1];
			const adjacent = isOneSpace(text, t.end, next.start);
			if (adjacent && c.people.has(keys[i + 1])) {
				add(t.start, next.end, 'label', 2, PEOPLE_LABEL_WHY);
				continue;
			}
		}
		// a common noun before a kinship word ("class siblings"): fellowship claimed for a group
		if (i + 1 < words.length && !named && LOWER_START.test(t.text) && !c.people.has(w)) {
			const next = words[i + 1];
			const adjacent = isOneSpace(text, t.end, next.start);
			if (adjacent && c.kinship.has(keys[i + 1]) && !NOT_A_GROUP.has(w)) {
				add(t.start, next.end, 'label', 2, KINSHIP_LABEL_WHY);
				continue;
			}
		}
		for (const entry of c.byFirst.get(w) ?? NO_ENTRIES) {
			const n = entry.parts.length;
			if (i + n > words.length) continue;
			let ok = true;
			for (let k = 1; k < n && ok; k++) {
				ok =
					entry.parts[k].has(keys[i + k]) &&
					ONLY_SPACE.test(text.slice(words[i + k - 1].end, words[i + k].start));
			}
			if (!ok) continue;
			if (named && entry.group.kind !== 'label') continue;
			if (entry.group.verbOnly && !isVerbUse(words, i)) continue;
			let end = words[i + n - 1].end;
			// a loaded word right before a noun naming a harm is one verdict: "heinous attack"
			const next = words[i + n];
			if (
				entry.group.kind === 'loaded' &&
				next &&
				isOneSpace(text, end, next.start) &&
				c.evaluated.has(keys[i + n])
			) {
				end = next.end;
			}
			const exact = text.slice(t.start, end);
			const strength = entry.group.strength === 'strong' ? 2 : 1;
			add(t.start, end, entry.group.kind, strength, explain(entry.group.why, exact, entry.alt));
			break;
		}
	}
	for (const q of quotes) {
		if (!isScareQuote(text, q, sentence, c.introducers)) continue;
		found.push({
			start: q.open,
			end: q.close + 1,
			exact: text.slice(q.open, q.close + 1),
			kind: 'scare-quote',
			why: SCARE_QUOTE_WHY.replace('{w}', text.slice(q.open + 1, q.close).trim()),
			strength: 1,
			rank: 0
		});
	}
	// overlaps keep the longer span ("dangerous demagogue" over "demagogue")
	found.sort((x, y) => y.end - y.start - (x.end - x.start) || x.start - y.start);
	const kept: LoadedCandidate[] = [];
	for (const f of found) {
		if (!kept.some((k) => f.start < k.end && k.start < f.end)) kept.push(f);
	}
	kept.sort((x, y) => y.strength - x.strength || x.start - y.start);
	kept.forEach((k, i) => (k.rank = i));
	return kept.sort((x, y) => x.start - y.start);
}

/**
 * Keeps the strongest candidates, a few per thousand words and each wording at most twice, in
 * text order. Among equals, one per sentence comes before a sentence's second, so the marks
 * spread over the article instead of filling its first paragraphs.
 * @example selectLoaded(candidates, 1000).length // ≤ 10
 */
export function selectLoaded(
	candidates: readonly LoadedCandidate[],
	words: number,
	opts: LoadedOptions = {}
): LoadedSpan[] {
	const o = { ...DEFAULTS, ...opts };
	const limit = Math.max(o.min, Math.min(o.max, Math.round((words * o.perThousand) / 1000)));
	const ranked = candidates
		.filter((x) => x.strength > 0)
		.sort((x, y) => y.strength - x.strength || x.rank - y.rank || x.start - y.start);
	const uses = new Map<string, number>();
	const kept: LoadedSpan[] = [];
	for (const x of ranked) {
		if (kept.length >= limit) break;
		const wording = x.exact.toLowerCase();
		const n = uses.get(wording) ?? 0;
		if (n >= o.perWording) continue;
		uses.set(wording, n + 1);
		kept.push({ start: x.start, end: x.end, exact: x.exact, kind: x.kind, why: x.why });
	}
	return kept.sort((x, y) => x.start - y.start);
}

/**
 * The loaded wording of an article's body (furniture skipped), strongest first up to the cap,
 * returned in text order.
 * @example findLoadedLanguage(segmentArticle('Critics slammed the phony plan.')).map((s) => s.exact) // ['slammed', 'phony']
 */
export function findLoadedLanguage(
	article: SegmentedArticle,
	opts: LoadedOptions = {}
): LoadedSpan[] {
	// the body's tokens are cached per article: frames and terms have tokenised it already
	const byIndex = new Map(article.sentences.map((s) => [s.index, s]));
	let words = 0;
	const candidates: LoadedCandidate[] = [];
	for (const s of bodySentenceTokens(article)) {
		for (const t of s.tokens) if (t.kind === 'word') words++;
		const sentence = byIndex.get(s.sentence);
		if (sentence) candidates.push(...sentenceCandidates(article.text, sentence, s.tokens));
	}
	return selectLoaded(candidates, words, opts);
}

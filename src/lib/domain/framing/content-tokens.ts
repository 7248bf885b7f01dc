/**
 * The tokens that vocabulary, themes and frames count: words of an article's body sentences.
 * Furniture (navigation, bios, donation appeals) is left out of every statistic, and a sentence
 * repeated verbatim (a pull quote) is flagged so it is not counted twice.
 */
import { isStopword, sentenceTokens } from '../text/tokens';
import type { SegmentedArticle, Token } from '../types';

/** The tokens of one body sentence, and the content words and terms among them. */
export interface SentenceTokens {
	sentence: number;
	/** every token in order (stopwords and punctuation included), for multiword matching */
	tokens: Token[];
	/** content words: not stopwords, at least two letters */
	content: Token[];
	/** content words with proper-noun runs ("United States", "White House") merged into one */
	terms: Token[];
	/** true when an earlier body sentence has the same text (pull quote): statistics skip it */
	repeat: boolean;
}

/** Two letters at least: drops "s" and "t" left over from clitics and stray initials. */
const TWO_LETTERS = /\p{L}[^]*\p{L}/u;
const CAPITALISED = /^\p{Lu}/u;
// tested for every token: constants, since a literal in a function builds a new object each run
const LETTER = /\p{L}/u;
const FINAL_STOP = /[.!?"”’)]/u;
const POSSESSIVE_END = /['\u2019](?:s)?$/u;
const APOSTROPHE = /['\u2019]/u;
/** "University of Oregon": the one connector kept inside a name ("and" joins two names too often). */
const NAME_CONNECTOR = 'of';

/**
 * True for a word that can carry a topic: not a function word, not a single letter.
 * @example isContentWord({ kind: 'word', lemma: 'draft', text: 'draft', start: 0, end: 5 }) // true
 */
function isContentWord(token: Token): boolean {
	return token.kind === 'word' && hasTwoLetters(token.lemma) && !isStopword(token.lemma);
}

/** {@link TWO_LETTERS}, counting ASCII letters by code for a plain ASCII word (most words). */
function hasTwoLetters(word: string): boolean {
	let letters = 0;
	for (let i = 0; i < word.length; i++) {
		const c = word.charCodeAt(i);
		if (c >= 128) return TWO_LETTERS.test(word);
		if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) letters++;
	}
	return letters >= 2;
}

/** Title Case ("Joe Biden Is Deporting Russians"): capitals say nothing about names there. */
function isHeadlineCase(tokens: readonly Token[], isTitle: boolean): boolean {
	if (isTitle) return true;
	// counted in one pass (no word lists: this runs for every body sentence)
	let words = 0;
	let capitalised = 0;
	for (const t of tokens) {
		if (t.kind !== 'word' || !LETTER.test(t.text)) continue;
		words++;
		if (CAPITALISED.test(t.text)) capitalised++;
	}
	// a headline has no final stop; a long sentence that is mostly capitals is one too. 0.6: a
	// news sentence with several names ("The United States deported Russians.") stays below
	// unless it is short, hence the stop test for short ones
	const last = tokens[tokens.length - 1];
	const stopped = last?.kind === 'punct' && FINAL_STOP.test(last.text);
	if (words < 4 || capitalised / words < 0.6) return false;
	return !stopped || words >= 8;
}

/** Surface text of a name part without its possessive ("Putin’s" -> "Putin"). */
function namePart(t: Token): string {
	return t.text.replace(POSSESSIVE_END, '');
}

/**
 * Runs of capitalised words [first, last] (token indexes), joined by single spaces and by "of"
 * between two capitalised words. The sentence's first word never starts a run: its capital is
 * grammar, not a name. A possessive ends a run ("Putin’s draft").
 */
function nameRuns(tokens: readonly Token[], text: string): [number, number][] {
	const runs: [number, number][] = [];
	const firstWord = tokens.findIndex((t) => t.kind === 'word');
	// one plain space between (compared by code: no slice per word pair)
	const joined = (x: Token, y: Token) =>
		y.start === x.end + 1 && text.charCodeAt(x.end) === 32 && y.kind === 'word';
	let i = 0;
	while (i < tokens.length) {
		const t = tokens[i];
		if (t.kind !== 'word' || i === firstWord || !CAPITALISED.test(t.text)) {
			i++;
			continue;
		}
		let j = i;
		while (j + 1 < tokens.length && joined(tokens[j], tokens[j + 1])) {
			if (APOSTROPHE.test(tokens[j].text)) break;
			const next = tokens[j + 1];
			const after = tokens[j + 2];
			if (CAPITALISED.test(next.text)) j++;
			else if (
				next.text === NAME_CONNECTOR &&
				after &&
				joined(next, after) &&
				CAPITALISED.test(after.text)
			)
				j += 2;
			else break;
		}
		runs.push([i, j]);
		i = j + 1;
	}
	return runs;
}

/**
 * Merges runs of two or more capitalised words into one term whose lemma is the lower-cased
 * name: the lemmatiser would otherwise turn "United States" into "unite" + "state". A run that
 * ends in a surname the article also uses alone ("Vladimir Putin" when "Putin" occurs) folds
 * into that surname, so a person stays one term.
 */
function mergeNames(
	tokens: Token[],
	content: readonly Token[],
	text: string,
	runs: readonly [number, number][],
	standalone: ReadonlySet<string>
): Token[] {
	const out: Token[] = [];
	// `content` is the in-order subset of `tokens` that are content words: walking it alongside
	// tells a content word by identity instead of testing every token a second time
	let c = 0;
	// runs are in token order and disjoint: walk them alongside the tokens (no map per sentence)
	let r = 0;
	for (let i = 0; i < tokens.length; i++) {
		while (r < runs.length && runs[r][0] < i) r++;
		const j = r < runs.length && runs[r][0] === i && runs[r][1] > i ? runs[r][1] : undefined;
		if (j === undefined) {
			if (content[c] === tokens[i]) {
				out.push(tokens[i]);
				c++;
			}
			continue;
		}
		// the run's own words are not pushed one by one: step past those that are content words
		while (c < content.length && content[c].start <= tokens[j].start) c++;
		const first = tokens[i];
		const last = tokens[j];
		const lemma = standalone.has(namePart(last).toLowerCase())
			? last.lemma
			: tokens
					.slice(i, j + 1)
					.map((p) => namePart(p).toLowerCase())
					.join(' ');
		out.push({
			start: first.start,
			end: last.end,
			text: text.slice(first.start, last.end),
			lemma,
			kind: 'word'
		});
		i = j;
	}
	return out;
}

/** Per-article cache: analysis runs the framing builders on the same article objects. */
const CACHE = new WeakMap<SegmentedArticle, SentenceTokens[]>();

/**
 * Tokens of every non-furniture sentence, with offsets into the article's normalised text.
 * @example bodySentenceTokens(article)[0].terms.map((t) => t.lemma) // ['united states', 'deport', 'russian']
 */
export function bodySentenceTokens(article: SegmentedArticle): SentenceTokens[] {
	const cached = CACHE.get(article);
	if (cached) return cached;
	const body = article.sentences.filter((s) => !s.furniture);
	const all = sentenceTokens(article);
	const tokenized = body.map((s) => all[s.index]);
	const titles = new Set(article.paragraphs.filter((p) => p.kind === 'title').map((p) => p.index));
	const runs = body.map((s, k) =>
		isHeadlineCase(tokenized[k], titles.has(s.paragraph))
			? null
			: nameRuns(tokenized[k], article.text)
	);
	// capitalised words the article uses on their own: surnames, places ("Putin", "Oregon")
	const standalone = new Set<string>();
	runs.forEach((list, k) => {
		for (const [i, j] of list ?? []) {
			if (i === j) standalone.add(namePart(tokenized[k][i]).toLowerCase());
		}
	});
	const seen = new Set<string>();
	const out = body.map((s, k) => {
		const tokens = tokenized[k];
		const key = article.text.slice(s.start, s.end).trim();
		const repeat = seen.has(key);
		seen.add(key);
		const content = tokens.filter(isContentWord);
		return {
			sentence: s.index,
			tokens,
			content,
			// a copy where no name is merged: callers may hold the two lists apart
			terms: runs[k]
				? mergeNames(tokens, content, article.text, runs[k], standalone)
				: content.slice(),
			repeat
		};
	});
	CACHE.set(article, out);
	return out;
}

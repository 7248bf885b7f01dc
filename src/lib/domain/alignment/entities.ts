/**
 * Names of people, places and organisations: runs of capitalised words. English capitalises
 * names, but also the first word of a sentence and every word of a headline, so a capitalised
 * word in such a position counts as a name only when the article capitalises it mid-sentence
 * elsewhere, or when it is not an everyday English word at all.
 * wink-nlp's English lite model recognises no names: on the seeds its entities are 8 dates, 7
 * cardinals, 4 durations, 3 ordinals, 2 sums of money and a mention, never a person, place or
 * organisation, so it cannot stand in for this module.
 */
import { isStopword } from '../text/tokens';
import type { Token } from '../types';
import type { EntityMention } from './types';
import { isCommonWord } from './word-weights';
import { isDateWord } from './dates';

/** Lower-case words that join two name parts ("Bank of America", "Leonardo da Vinci"). */
const CONNECTORS = new Set([
	'of',
	'de',
	'da',
	'del',
	'der',
	'van',
	'von',
	'la',
	'le',
	'al',
	'bin',
	'&'
]);

/**
 * Titles and honorifics: part of how a name is written, not of whom it names, so "President
 * Biden" and "Biden" match and "Gov." never links two different governors.
 */
const TITLES = new Set(
	`mr mrs ms miss dr prof sir dame lord lady president vice gov governor sen senator rep
	representative congressman congresswoman gen general col colonel lt lieutenant sgt sergeant capt
	captain cmdr officer deputy sheriff chief judge justice attorney prime minister secretary king
	queen prince princess pope rev reverend saint st coach director chairman ceo spokesman
	spokeswoman mayor inspector detective agent former late jr sr`
		.split(/\s+/)
		.filter(Boolean)
);

/** Lexicon of an article's capitalisation habits, built once per article. */
export interface NameLexicon {
	/** lemmas written capitalised in reliable positions (mid-sentence in running text) */
	proper: Set<string>;
	/** lemmas written in lower case somewhere in the article */
	lower: Set<string>;
}

const CAPITALISED = /^\p{Lu}/u;
const OPENERS = new Set(['"', '“', '‘', "'", '(', '[', ':', '—', '–', '-', '«']);

/** Whether a word token starts with a capital letter. */
function isCapitalised(t: Token): boolean {
	return t.kind === 'word' && CAPITALISED.test(t.text);
}

/**
 * Headlines and all-caps lines capitalise everything: capitalisation there says nothing. A
 * sentence counts as such when most of its everyday words (names left out, since they are
 * capitalised anyway; the first word left out, since it always is) are capitalised.
 */
export function isHeadlineCase(tokens: readonly Token[]): boolean {
	let headline = HEADLINE.get(tokens);
	if (headline === undefined) {
		headline = headlineCase(tokens);
		HEADLINE.set(tokens, headline);
	}
	return headline;
}

/**
 * Answers per token list: an article's features ask three times per sentence (its lexicon, its
 * names, its headline flag), and the lists are shared and never changed.
 */
const HEADLINE = new WeakMap<readonly Token[], boolean>();
const RELIABLE = new WeakMap<readonly Token[], readonly boolean[]>();

/** {@link isHeadlineCase} computed. */
function headlineCase(tokens: readonly Token[]): boolean {
	let words = 0;
	let caps = 0;
	let first = true;
	for (const t of tokens) {
		if (t.kind !== 'word') continue;
		if (first) {
			first = false;
			continue;
		}
		if (t.text.length < 2 || !isCommonWord(t.text)) continue;
		words++;
		if (isCapitalised(t)) caps++;
	}
	// two words at least: "Sam Carliner" alone in a line is a byline, not a headline
	return words >= 2 && caps / words >= 0.75;
}

/**
 * Marks which tokens sit where capitalisation is informative: not the first word of a sentence,
 * not right after an opening quote or a colon, not in a headline-case sentence.
 */
export function reliablePositions(tokens: readonly Token[]): readonly boolean[] {
	let out = RELIABLE.get(tokens);
	if (!out) {
		out = positionsOf(tokens);
		RELIABLE.set(tokens, out);
	}
	return out;
}

/** {@link reliablePositions} computed. */
function positionsOf(tokens: readonly Token[]): boolean[] {
	const out = new Array<boolean>(tokens.length).fill(false);
	if (isHeadlineCase(tokens)) return out;
	let first = true;
	for (let i = 0; i < tokens.length; i++) {
		const t = tokens[i];
		if (t.kind === 'punct') {
			if (OPENERS.has(t.text) || t.text === '.' || t.text === '?' || t.text === '!') first = true;
			continue;
		}
		out[i] = !first;
		first = false;
	}
	return out;
}

/**
 * Collects an article's capitalisation habits from all its sentences' tokens.
 * @example buildNameLexicon([tokenize('They met Reid. Reid left.')]).proper.has('reid') // true
 */
export function buildNameLexicon(sentences: readonly (readonly Token[])[]): NameLexicon {
	const proper = new Set<string>();
	const lower = new Set<string>();
	for (const tokens of sentences) {
		const reliable = reliablePositions(tokens);
		tokens.forEach((t, i) => {
			if (t.kind !== 'word') return;
			if (!isCapitalised(t)) lower.add(t.lemma);
			else if (reliable[i]) proper.add(t.lemma);
		});
	}
	return { proper, lower };
}

/** Whether a capitalised token is part of a name, given where it stands. */
function isNamePart(t: Token, reliable: boolean, lexicon: NameLexicon): boolean {
	if (!isCapitalised(t) || t.text === 'I') return false;
	const key = t.lemma;
	if (isDateWord(key)) return false; // dates are handled apart
	if (reliable || lexicon.proper.has(key)) return true;
	return !lexicon.lower.has(key) && !isCommonWord(key) && !isCommonWord(t.text);
}

/**
 * A capitalised everyday word at the start of a sentence ("Tara", "Joe") that is directly
 * followed by an unmistakable name part ("Reid", "Biden") is the first part of that name.
 */
function isFirstName(
	tokens: readonly Token[],
	i: number,
	reliable: readonly boolean[],
	lexicon: NameLexicon
): boolean {
	const t = tokens[i];
	const next = tokens[i + 1];
	if (reliable[i] || !isCapitalised(t) || !next || next.start !== t.end + 1) return false;
	if (isStopword(t.lemma) || isDateWord(t.lemma)) return false;
	return isNamePart(next, reliable[i + 1], lexicon) && !isCommonWord(next.lemma);
}

/** Lower-case name parts that identify whom a name names (titles and stopword-like parts out). */
function nameKeys(parts: readonly Token[]): string[] {
	const keys: string[] = [];
	for (const t of parts) {
		const k = t.lemma.replace(/\./g, ''); // "U.S." and "US" are one name
		if (k.length < 2 || TITLES.has(k) || CONNECTORS.has(k)) continue;
		keys.push(k);
	}
	return keys;
}

/**
 * Finds the names in one sentence's tokens.
 * @example extractEntities(tokenize('Tara Reid entered the Promises Treatment Center.'), lexicon)
 * // [{text:'Tara Reid', keys:['tara','reid']}, {text:'Promises Treatment Center', …}]
 */
export function extractEntities(tokens: readonly Token[], lexicon: NameLexicon): EntityMention[] {
	const reliable = reliablePositions(tokens);
	const out: EntityMention[] = [];
	let run: Token[] = [];
	for (let i = 0; i < tokens.length; i++) {
		const t = tokens[i];
		if (isNamePart(t, reliable[i], lexicon) || isFirstName(tokens, i, reliable, lexicon)) {
			run.push(t);
			continue;
		}
		const next = tokens[i + 1];
		const joins =
			run.length > 0 &&
			CONNECTORS.has(t.text) &&
			next !== undefined &&
			isNamePart(next, reliable[i + 1], lexicon);
		if (joins) run.push(t);
		else if (run.length > 0) {
			addMention(out, run);
			run = [];
		}
	}
	if (run.length > 0) addMention(out, run);
	return out;
}

/** Adds a run of name tokens as a mention when it has keys (titles alone name no one). */
function addMention(out: EntityMention[], run: readonly Token[]): void {
	const keys = nameKeys(run);
	if (keys.length === 0) return;
	const first = run[0];
	const last = run[run.length - 1];
	out.push({ start: first.start, end: last.end, text: joinSurface(run), keys });
}

/**
 * Surface text of a run of tokens, single spaces where the source had any gap and a final
 * possessive dropped ("Putin’s" names Putin).
 */
function joinSurface(run: readonly Token[]): string {
	let s = run[0].text;
	for (let i = 1; i < run.length; i++) {
		s += (run[i].start > run[i - 1].end ? ' ' : '') + run[i].text;
	}
	return s.replace(/['’]s$/u, '');
}

/**
 * Whether a name part singles someone out: names absent from everyday English ("Lohan") do,
 * everyday words that happen to be capitalised in a name ("White", "Center") do not on their own.
 */
export function isDistinctiveKey(key: string): boolean {
	return !isCommonWord(key, 2000);
}

/**
 * Part-of-speech tagging of article sentences (wink-nlp with its English lite model), with every
 * token's span in the article's normalised text. Word choice needs to know a noun from a verb:
 * "president / wants" or "coming / countries" are not two namings of one thing.
 */
import winkNLP, { type ItsFunction } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { SegmentedArticle, Span } from '../types';

/** A tagged token of one sentence. */
export interface TaggedToken extends Span {
	text: string;
	/** lower-cased base form ("talks" -> "talk", "postponed" -> "postpone") */
	lemma: string;
	/** Universal Dependencies part of speech (NOUN, PROPN, VERB, AUX, DET, ADJ, ADP, …) */
	pos: string;
}

let nlp: ReturnType<typeof winkNLP> | undefined;
const cache = new WeakMap<SegmentedArticle, Map<number, TaggedToken[]>>();

/** Capitalised word: a name part when not sentence-initial. */
const CAPITAL = /^\p{Lu}/u;
const NOMINAL_BEFORE = new Set(['DET', 'PART', 'ADJ', 'NUM']);
/** A token after which a capital says nothing (a module constant: it is tested for every token). */
const SENTENCE_OPENER = /^[.!?"“‘(:;—–-]$/u;

/**
 * Repairs the lite model's commonest slips that matter here: a capitalised word inside a
 * sentence tagged as a verb ("at Promises") is a name; a "verb" right after a determiner or a
 * possessive ("the actress's stay") is a noun.
 */
function repair(tokens: TaggedToken[]): void {
	for (let i = 1; i < tokens.length; i++) {
		const t = tokens[i];
		const prev = tokens[i - 1];
		const initial = SENTENCE_OPENER.test(prev.text);
		if (!initial && CAPITAL.test(t.text) && (t.pos === 'VERB' || t.pos === 'NOUN')) {
			if (t.pos === 'VERB' || prev.pos === 'PROPN') t.pos = 'PROPN';
		} else if (t.pos === 'VERB' && NOMINAL_BEFORE.has(prev.pos) && prev.pos !== 'NUM') {
			if (prev.pos !== 'PART' || prev.lemma === "'s") t.pos = 'NOUN';
		}
	}
}

/** Tags a text with wink-nlp, offsets `offset` plus the index in `text`, without repairs. */
function tagRaw(text: string, offset: number): TaggedToken[] {
	// tags and lemmas only: the default pipeline's entities, sentiment and negation cost twice as much
	nlp ??= winkNLP(model, ['pos']);
	const its = nlp.its;
	const doc = nlp.readDoc(text);
	const values = doc.tokens().out() as string[];
	const pos = doc.tokens().out(its.pos) as string[];
	// wink's typings do not declare its.lemma as an ItsFunction (TOOLCHAIN.md, note 11)
	const lemmas = doc.tokens().out(its.lemma as unknown as ItsFunction<string>) as string[];
	const out: TaggedToken[] = [];
	let cursor = 0;
	values.forEach((value, i) => {
		const at = text.indexOf(value, cursor);
		// wink rewrites a few tokens ("ca" for "can't"): keep the cursor and skip what is not found
		if (at < 0) return;
		cursor = at + value.length;
		out.push({
			text: value,
			lemma: (lemmas[i] || value).toLowerCase(),
			pos: pos[i],
			start: offset + at,
			end: offset + cursor
		});
	});
	return out;
}

/**
 * Tags a piece of text; offsets are `offset` plus the index in `text`.
 * @example tagText('The dictator postponed talks.')[1] // { text: 'dictator', lemma: 'dictator', pos: 'NOUN', start: 4, end: 12 }
 */
export function tagText(text: string, offset = 0): TaggedToken[] {
	const out = tagRaw(text, offset);
	repair(out);
	return out;
}

/** Sentences apart in one text: wink reads each on its own, so a sentence's tags never depend on its neighbours. */
const SENTENCE_BREAK = '\n\n';

/**
 * Sentences per wink pass: a pass over a few dozen sentences costs less per word than one pass
 * per sentence (fixed costs shared) and than one pass over a whole long article (wink's working
 * arrays grow with the document: 1,000 sentences in one pass cost half as much again as in
 * passes of 20).
 */
const SENTENCES_PER_PASS = 24;

/**
 * Tags the sentences `indices` of an article that are not tagged yet, a few dozen sentences per
 * wink pass. A sentence's tags are the same whichever others are tagged with it, so the analysis
 * of a long pair tags only the sentences it needs.
 */
export function tagSentences(article: SegmentedArticle, indices: Iterable<number>): void {
	let bySentence = cache.get(article);
	if (!bySentence) cache.set(article, (bySentence = new Map()));
	const todo = [...new Set(indices)]
		.filter((i) => !bySentence.has(i) && article.sentences[i] !== undefined)
		.sort((x, y) => x - y);
	for (let k = 0; k < todo.length; k += SENTENCES_PER_PASS) {
		tagPass(article, todo.slice(k, k + SENTENCES_PER_PASS), bySentence);
	}
}

/** Tags the sentences `todo` of an article in one wink pass into `bySentence`. */
function tagPass(
	article: SegmentedArticle,
	todo: readonly number[],
	bySentence: Map<number, TaggedToken[]>
): void {
	let text = '';
	const at: number[] = [];
	for (const i of todo) {
		const s = article.sentences[i];
		at.push(text.length);
		text += article.text.slice(s.start, s.end) + SENTENCE_BREAK;
	}
	const tokens = tagRaw(text, 0);
	let t = 0;
	todo.forEach((i, k) => {
		const s = article.sentences[i];
		const from = at[k];
		const to = from + (s.end - s.start);
		const list: TaggedToken[] = [];
		while (t < tokens.length && tokens[t].start < from) t++;
		for (; t < tokens.length && tokens[t].end <= to; t++) {
			// the pass's own tokens, moved to the article's offsets in place (no copy per token)
			const x = tokens[t];
			x.start = s.start + x.start - from;
			x.end = s.start + x.end - from;
			list.push(x);
		}
		// repairs look at the previous token: never across a sentence boundary
		repair(list);
		bySentence.set(i, list);
	});
}

/**
 * Tags every body sentence of an article (furniture left out), for a layer that reads them all:
 * passes of a few dozen sentences cost less than tagging them one by one as they are read.
 */
export function tagBody(article: SegmentedArticle): void {
	tagSentences(
		article,
		article.sentences.filter((s) => !s.furniture).map((s) => s.index)
	);
}

/**
 * Tagged tokens of one sentence of an article, cached per article object; tag many sentences
 * at once with {@link tagSentences} first where you can.
 * @example tagSentence(article, 3).map((t) => t.pos) // ['DET', 'NOUN', 'VERB', …]
 */
export function tagSentence(article: SegmentedArticle, index: number): TaggedToken[] {
	// already tagged (a layer reading every sentence asks once per sentence): no pass to plan
	const tagged = cache.get(article)?.get(index);
	if (tagged) return tagged;
	tagSentences(article, [index]);
	return cache.get(article)?.get(index) ?? [];
}

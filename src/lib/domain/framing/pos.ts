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

/**
 * Repairs the lite model's commonest slips that matter here: a capitalised word inside a
 * sentence tagged as a verb ("at Promises") is a name; a "verb" right after a determiner or a
 * possessive ("the actress's stay") is a noun.
 */
function repair(tokens: TaggedToken[]): void {
	for (let i = 1; i < tokens.length; i++) {
		const t = tokens[i];
		const prev = tokens[i - 1];
		const initial = /^[.!?"“‘(:;—–-]$/u.test(prev.text);
		if (!initial && CAPITAL.test(t.text) && (t.pos === 'VERB' || t.pos === 'NOUN')) {
			if (t.pos === 'VERB' || prev.pos === 'PROPN') t.pos = 'PROPN';
		} else if (t.pos === 'VERB' && NOMINAL_BEFORE.has(prev.pos) && prev.pos !== 'NUM') {
			if (prev.pos !== 'PART' || prev.lemma === "'s") t.pos = 'NOUN';
		}
	}
}

/**
 * Tags a piece of text; offsets are `offset` plus the index in `text`.
 * @example tagText('The dictator postponed talks.')[1] // { text: 'dictator', lemma: 'dictator', pos: 'NOUN', start: 4, end: 12 }
 */
export function tagText(text: string, offset = 0): TaggedToken[] {
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
	repair(out);
	return out;
}

/**
 * Tagged tokens of one sentence of an article. The whole article is tagged in one pass on first
 * use and cached per article object: one pass over 20,000 words costs about half of tagging its
 * thousand sentences one by one.
 * @example tagSentence(article, 3).map((t) => t.pos) // ['DET', 'NOUN', 'VERB', …]
 */
export function tagSentence(article: SegmentedArticle, index: number): TaggedToken[] {
	let bySentence = cache.get(article);
	if (!bySentence) {
		bySentence = new Map();
		const sentences = article.sentences;
		let k = 0;
		for (const t of tagText(article.text, 0)) {
			while (k < sentences.length && sentences[k].end <= t.start) k++;
			const s = sentences[k];
			// a token outside every sentence (between paragraphs) belongs to none
			if (!s || t.start < s.start || t.end > s.end) continue;
			let list = bySentence.get(k);
			if (!list) bySentence.set(k, (list = []));
			list.push(t);
		}
		cache.set(article, bySentence);
	}
	return bySentence.get(index) ?? [];
}

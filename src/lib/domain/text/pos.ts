/**
 * Part-of-speech tags and lemmas from wink-nlp (English "lite" web model, MIT): which words of a
 * sentence are verbs, nouns, proper nouns. The shared-fact engine asks it only for sentences that
 * take part in a candidate pair, so its cost grows with the candidates, not with the articles.
 * The model is loaded once, on first use (~80 ms).
 */
import winkNLP, { type ItsFunction, type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** One word as wink reads it. */
export interface TaggedWord {
	/** surface form */
	text: string;
	/** lower-cased lemma ("deporting" → "deport") */
	lemma: string;
	/** Universal Dependencies tag: VERB, NOUN, PROPN, AUX, ADJ, ADV, ADP, DET, PRON, PUNCT, NUM… */
	pos: string;
}

let nlp: WinkMethods | undefined;

/** The wink pipeline, created on first use (tokens, POS; no NER, no sentiment). */
function pipeline(): WinkMethods {
	nlp ??= winkNLP(model, ['pos']);
	return nlp;
}

/**
 * Tags one sentence; deterministic.
 * @example tagWords('Biden is deporting Russians.').map((w) => w.pos) // ['PROPN','AUX','VERB','PROPN','PUNCT']
 */
export function tagWords(text: string): TaggedWord[] {
	const n = pipeline();
	const its = n.its;
	// wink's typings declare lemma with a signature that is not an ItsFunction (TOOLCHAIN.md, 11)
	const lemma = its.lemma as unknown as ItsFunction<string>;
	const tokens = n.readDoc(text).tokens();
	const texts = tokens.out(its.value) as string[];
	const lemmas = tokens.out(lemma) as string[];
	const tags = tokens.out(its.pos) as string[];
	return texts.map((t, i) => ({ text: t, lemma: (lemmas[i] ?? t).toLowerCase(), pos: tags[i] }));
}

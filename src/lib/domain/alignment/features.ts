/**
 * Per-sentence features of an article: tokens, content-word bag and the specific details
 * (names, quantities, dates) that two reports of the same fact have to agree on.
 */
import type { SegmentedArticle, Token } from '../types';
import { isStopword, sentenceTokens } from '../text/tokens';
import { extractDates } from './dates';
import { buildNameLexicon, extractEntities, isHeadlineCase } from './entities';
import { phrasalLemma } from './phrasal-verbs';
import { extractQuantities } from './quantities';
import type { SentenceFeatures } from './types';

/** Stops that end running text, and the quotes and brackets that may close around one. */
const STOPS = '.!?…';
const CLOSERS = '\'"’”)]';

/**
 * Whether a sentence ends like running text: a full stop, ?, ! or …, possibly inside quotes or
 * brackets, then only whitespace. Read backwards from the end (an expression anchored at the end
 * is tried from every position of the sentence).
 */
function endsLikeText(text: string): boolean {
	const trimmed = text.trimEnd();
	let i = trimmed.length - 1;
	while (i >= 0 && CLOSERS.includes(trimmed[i])) i--;
	return i >= 0 && STOPS.includes(trimmed[i]);
}

const CAPITALISED = /^\p{Lu}/u;

/** Whether a token is a content word (not punctuation, a number, a stopword or a single letter). */
function isContent(t: Token): boolean {
	return t.kind === 'word' && t.lemma.length > 1 && !isStopword(t.lemma);
}

/**
 * Adjacent content-word pairs of a sentence ("meat grinder", "deportation flight"): wording
 * two passages share verbatim is evidence that one echoes the other. Pairs of capitalised
 * words are names, already counted as such.
 */
function contentBigrams(tokens: readonly Token[]): Set<string> {
	const out = new Set<string>();
	// each token's test is carried to the next pair (it is the first word there)
	let previous = tokens.length > 0 && isContent(tokens[0]);
	for (let i = 1; i < tokens.length; i++) {
		const x = tokens[i - 1];
		const y = tokens[i];
		const current = isContent(y);
		const both = previous && current;
		previous = current;
		if (!both) continue;
		if (CAPITALISED.test(x.text) && CAPITALISED.test(y.text)) continue;
		out.add(`${x.lemma} ${y.lemma}`);
	}
	return out;
}

/** Features of every sentence of an article, plus the article's name lexicon. */
export interface ArticleFeatures {
	/** the segmented article these features describe (its tagger cache is keyed by it) */
	article: SegmentedArticle;
	sentences: SentenceFeatures[];
	/** lower-case name parts the article mentions anywhere (to tell unknown participants) */
	nameKeys: Set<string>;
	/** content lemmas the article uses anywhere */
	lemmas: Set<string>;
}

/**
 * Builds the features of every sentence; furniture sentences get features but are not eligible.
 * @example buildArticleFeatures(segmentArticle('Reid entered rehab on March 18.')).sentences[0].dates
 * // [{text:'March 18', month:3, day:18}]
 */
export function buildArticleFeatures(article: SegmentedArticle): ArticleFeatures {
	const tokenLists = sentenceTokens(article);
	const lexicon = buildNameLexicon(tokenLists);
	const nameKeys = new Set<string>();
	const lemmas = new Set<string>();
	const sentences = article.sentences.map((s, i): SentenceFeatures => {
		const tokens = tokenLists[i];
		const bag = new Map<string, number>();
		tokens.forEach((t, k) => {
			if (t.kind === 'punct' || t.lemma.length < 2) return;
			if (t.kind === 'word' && isStopword(t.lemma)) return;
			// "passed away" counts as "die": the particle changes what the verb says
			const lemma = phrasalLemma(tokens, k) ?? t.lemma;
			bag.set(lemma, (bag.get(lemma) ?? 0) + 1);
		});
		const { dates, used } = extractDates(tokens, article.text, 0);
		const quantities = extractQuantities(tokens, article.text, 0, used);
		const entities = extractEntities(tokens, lexicon);
		const phrases = contentBigrams(tokens);
		if (!s.furniture) {
			for (const e of entities) for (const k of e.keys) nameKeys.add(k);
			for (const l of bag.keys()) lemmas.add(l);
		}
		const headline =
			article.paragraphs[s.paragraph]?.kind === 'title' ||
			isHeadlineCase(tokens) ||
			!endsLikeText(s.text);
		return {
			index: s.index,
			start: s.start,
			end: s.end,
			text: s.text,
			eligible: !s.furniture,
			headline,
			tokens,
			bag,
			entities,
			quantities,
			dates,
			phrases
		};
	});
	return { article, sentences, nameKeys, lemmas };
}

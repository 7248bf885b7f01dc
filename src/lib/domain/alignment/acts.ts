/**
 * The acts a sentence reports — its content verbs (wink-nlp part-of-speech tags, shared with
 * word choice through framing/pos.ts so each sentence is tagged once) — and the
 * participants named before them (who did it). A shared fact needs the same act told of
 * compatible participants: "Biden is deporting Russians" and "the administration resumed
 * deportations" share an act (deport / deportation); "McKee told me they'll go back into the meat
 * grinder" and "everyone deserves the right to escape the meat grinder" share a phrase, not an act.
 */
import { tagSentence, tagSentences } from '../framing/pos';
import type { SegmentedArticle } from '../types';
import { paraphraseGroup } from './paraphrases';
import type { SentenceFeatures } from './types';

/**
 * Verbs that carry no act of their own: auxiliaries used as main verbs, attribution ("said",
 * "told": the wrapper, not the fact) and verbs of seeming.
 */
const LIGHT_VERBS = new Set([
	'be',
	'have',
	'do',
	'say',
	'tell',
	'report',
	'add',
	'note',
	'accord',
	'state',
	'claim',
	'seem',
	'appear',
	'become',
	'get',
	'let',
	'make',
	'take',
	'give',
	'want',
	'need',
	'know',
	'think',
	'believe',
	// aspect and attempt: "is now beginning to deport" reports deporting
	'begin',
	'start',
	'continue',
	'try',
	'keep'
]);

/** Tags whose words name participants (pronouns tell nothing without resolution). */
const NOMINAL = new Set(['NOUN', 'PROPN']);
/** Tags of content words. */
const CONTENT = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ']);

/** What a sentence does and to whom, as comparable keys. */
export interface SentenceActs {
	/** keys of content verbs */
	acts: Set<string>;
	/** keys of every content word (nouns, names, verbs, adjectives), to meet nominalised acts */
	words: Set<string>;
	/** keys of nouns and names before the first act: the participants who act */
	agents: Set<string>;
	/** key of the first act: in news English usually the main clause's verb */
	main?: string;
	/** the main act is negated ("has not resumed", "never deported"), not just a later clause */
	mainNegated: boolean;
	/** acts told as verbs only under a negation ("believing they would not be deported") */
	negated: Set<string>;
	/** acts told as verbs without a negation */
	affirmed: Set<string>;
}

/** Comparable key of a lemma: its paraphrase group, else its derivational family, else itself. */
export type KeyOf = (lemma: string) => string;

/** A content word of a sentence as the tagger read it. */
interface ContentWord {
	lemma: string;
	verb: boolean;
	nominal: boolean;
	/** a verb with a negation just before it */
	negated: boolean;
}

/** Negation cues as the tagger lemmatises them. */
const NEGATION = new Set(['not', "n't", 'never', 'no', 'cannot', 'neither', 'nor']);
/** How far before its verb a negation still belongs to it: "has not been deported". */
const NEGATION_REACH = 4;

/** The content words of a sentence (tags are cached per article by the tagger). */
function contentWords(article: SegmentedArticle, s: SentenceFeatures): ContentWord[] {
	const words: ContentWord[] = [];
	let lastNegation = -Infinity;
	tagSentence(article, s.index).forEach((w, i) => {
		if (NEGATION.has(w.lemma)) lastNegation = i;
		if (!CONTENT.has(w.pos) || w.lemma.length < 2) return;
		const verb = w.pos === 'VERB' && !LIGHT_VERBS.has(w.lemma);
		words.push({
			lemma: w.lemma,
			verb,
			nominal: NOMINAL.has(w.pos),
			negated: verb && i - lastNegation <= NEGATION_REACH
		});
	});
	return words;
}

/**
 * The acts, content words and agents of a sentence of `article`.
 * @example sentenceActs(article, features.sentences[0], (l) => l).acts // Set {'deport'}
 */
export function sentenceActs(
	article: SegmentedArticle,
	s: SentenceFeatures,
	keyOf: KeyOf
): SentenceActs {
	const acts = new Set<string>();
	const words = new Set<string>();
	const agents = new Set<string>();
	const negated = new Set<string>();
	const affirmed = new Set<string>();
	let main: string | undefined;
	let mainNegated = false;
	for (const w of contentWords(article, s)) {
		const key = paraphraseGroup(w.lemma) ?? keyOf(w.lemma);
		words.add(key);
		if (w.verb) {
			acts.add(key);
			(w.negated ? negated : affirmed).add(key);
			if (main === undefined) {
				main = key;
				mainNegated = w.negated;
			}
		} else if (main === undefined && w.nominal) agents.add(key);
	}
	for (const k of affirmed) negated.delete(k);
	return { acts, words, agents, main, mainNegated, negated, affirmed };
}

/**
 * The acts of the sentences of one comparison, each computed once (a sentence meets many
 * candidates in a long pair of articles; keys depend on the comparison's word families).
 */
export class ActIndex {
	private readonly cache = new Map<SentenceFeatures, SentenceActs>();
	private readonly articleOf = new Map<SentenceFeatures, SegmentedArticle>();

	/** The comparison's two articles' features, and keys as its word families give them. */
	constructor(
		articles: readonly { article: SegmentedArticle; sentences: readonly SentenceFeatures[] }[],
		private readonly keyOf: KeyOf
	) {
		for (const f of articles) for (const s of f.sentences) this.articleOf.set(s, f.article);
	}

	/** Tags the given sentences of either article in one pass per article (before many `of` calls). */
	prepare(sentences: Iterable<SentenceFeatures>): void {
		const byArticle = new Map<SegmentedArticle, number[]>();
		for (const s of sentences) {
			if (this.cache.has(s)) continue;
			const article = this.articleOf.get(s) as SegmentedArticle;
			const list = byArticle.get(article);
			if (list) list.push(s.index);
			else byArticle.set(article, [s.index]);
		}
		for (const [article, indices] of byArticle) tagSentences(article, indices);
	}

	/** The acts of a sentence of either article. */
	of(s: SentenceFeatures): SentenceActs {
		let acts = this.cache.get(s);
		if (!acts) {
			acts = sentenceActs(this.articleOf.get(s) as SegmentedArticle, s, this.keyOf);
			this.cache.set(s, acts);
		}
		return acts;
	}
}

/** How the acts and participants of two sentences compare. */
export interface ActAgreement {
	/** acts of either sentence that the other reports too, as a verb or a noun (distinct keys) */
	shared: number;
	/** both sentences report acts and none of them meet */
	differ: boolean;
	/** the agents of one sentence are named in the other */
	agents: boolean;
	/** the main act of one sentence is reported by the other (as a verb or a noun) */
	main: boolean;
	/** both name who acts, and it is the same participant ("the Biden administration" / "Joe Biden") */
	sameAgents: boolean;
	/** both name who acts, and neither's agent is mentioned anywhere in the other sentence */
	agentConflict: boolean;
	/**
	 * the same claim: both sentences' main acts are one act, told of the same agent ("the Biden
	 * administration is now beginning to deport…" / "Joe Biden is deporting…")
	 */
	sameClaim: boolean;
	/**
	 * one main act is negated and the other is not ("ICE resumed flights" / "ICE has not resumed
	 * flights"), or an act both tell as a verb is denied in one ("believing they would not be
	 * deported" / "is deporting Russians")
	 */
	negationMismatch: boolean;
}

/** An act `x` tells only under a negation that `y` affirms as a verb. */
function deniedInOne(x: SentenceActs, y: SentenceActs): boolean {
	for (const k of x.negated) if (y.affirmed.has(k)) return true;
	return false;
}

/**
 * Compares the acts of two sentences.
 * @example compareActs(acts('Biden is deporting Russians.'), acts('The deportations resumed.')).shared // 1
 */
export function compareActs(x: SentenceActs, y: SentenceActs): ActAgreement {
	const met = new Set<string>();
	for (const a of x.acts) if (y.words.has(a)) met.add(a);
	for (const a of y.acts) if (x.words.has(a)) met.add(a);
	let agentsMet = false;
	for (const k of x.agents) if (y.words.has(k)) agentsMet = true;
	for (const k of y.agents) if (x.words.has(k)) agentsMet = true;
	let sameAgents = false;
	for (const k of x.agents) if (y.agents.has(k)) sameAgents = true;
	return {
		shared: met.size,
		differ: x.acts.size > 0 && y.acts.size > 0 && met.size === 0,
		agents: agentsMet,
		main:
			(x.main !== undefined && y.words.has(x.main)) ||
			(y.main !== undefined && x.words.has(y.main)),
		sameAgents,
		agentConflict: x.agents.size > 0 && y.agents.size > 0 && !agentsMet,
		sameClaim: x.main !== undefined && x.main === y.main && sameAgents,
		negationMismatch:
			(x.main !== undefined && y.main !== undefined && x.mainNegated !== y.mainNegated) ||
			deniedInOne(x, y) ||
			deniedInOne(y, x)
	};
}

import type { SharedFact } from '$lib/domain/alignment/types';
import type { LoadedSpan } from '$lib/domain/framing/loaded-language';
import type { WordChoice } from '$lib/domain/framing/word-choice';
import type { Sentence, Side, Span } from '$lib/domain/types';

/** One side's wording as the list quotes it: the words with a little of their sentence around. */
export interface WordingQuote {
	/** the words that differ (or that both share) */
	words: string;
	/** up to a few words before them in their sentence ("…of Russian") */
	before: string;
	/** up to a few words after them in their sentence ("currently…") */
	after: string;
	/** the sentence the first use sits in (for scrolling), or -1 when it is not in the text */
	sentence: number;
}

/** Where a contrast was read: one aligned pair, across the aligned passages, or anywhere. */
export type WordingOrigin =
	{ kind: 'fact' | 'pair'; id: string } | { kind: 'across' } | { kind: 'shared' };

/** One word choice as the reading view lists it. */
export interface WordingItem {
	/** stable across analyses of the same texts: what the page remembers as picked */
	key: string;
	/** a contrast (the same actor or act named two ways), or wording both articles share */
	group: 'contrast' | 'shared';
	/** what is named: an actor or thing, or an act */
	what: 'naming' | 'act' | 'shared';
	a: WordingQuote;
	b: WordingQuote;
	origin: WordingOrigin;
	/** aligned pairs showing it */
	count: number;
	/** every use, per side: both are highlighted when the item is picked */
	spans: Record<Side, Span[]>;
}

// three words of context a side: enough to read "Russian migrants" without quoting the sentence
const CONTEXT_WORDS = 3;

/** The key of a word choice: its kind and lemmas, as the engine aggregates it. */
export function wordingKey(choice: Pick<WordChoice, 'kind' | 'lemmasA' | 'lemmasB'>): string {
	return `${choice.kind}:${choice.lemmasA.join(' ')}|${choice.lemmasB.join(' ')}`;
}

/**
 * A span quoted inside its sentence, with at most `n` words on each side (an ellipsis where the
 * sentence goes on).
 * @example quoteSpan(text, sentences, { start: 20, end: 28 }) // { before: '…of Russian', words: 'migrants', after: 'currently…' }
 */
export function quoteSpan(
	text: string,
	sentences: readonly Sentence[],
	span: Span,
	n = CONTEXT_WORDS
): WordingQuote {
	const words = text.slice(span.start, span.end);
	const sentence = sentences.find((s) => s.start <= span.start && span.start < s.end);
	if (!sentence) return { words, before: '', after: '', sentence: -1 };
	const head = text.slice(sentence.start, span.start);
	const tail = text.slice(span.end, sentence.end);
	// whole words only, the spacing and punctuation as written ("Putin’s", "grinder.")
	const wordsBefore = [...head.matchAll(/\S+/gu)];
	const wordsAfter = [...tail.matchAll(/\S+/gu)];
	const cutBefore = wordsBefore.length > n;
	const cutAfter = wordsAfter.length > n;
	const from = cutBefore ? wordsBefore[wordsBefore.length - n].index : 0;
	const last = wordsAfter[n - 1];
	const to = cutAfter ? last.index + last[0].length : tail.length;
	return {
		words,
		before: (cutBefore ? '…' : '') + head.slice(from),
		after: tail.slice(0, to) + (cutAfter ? '…' : ''),
		sentence: sentence.index
	};
}

/** Where a word choice was read, from its first use. */
function originOf(
	choice: WordChoice,
	factsById: ReadonlyMap<string, Pick<SharedFact, 'relation'>>
): WordingOrigin {
	if (choice.kind === 'shared') return { kind: 'shared' };
	const id = choice.occurrences[0]?.id;
	const fact = id ? factsById.get(id) : undefined;
	if (!id || !fact) return { kind: 'across' };
	return { kind: fact.relation === 'different-claims' ? 'pair' : 'fact', id };
}

/**
 * The engine's word choices as the reading view lists them: contrasts first, then the wording
 * both articles share, each quoted in its sentence with the pair it comes from.
 */
export function buildWordingItems(
	choices: readonly WordChoice[],
	articles: Record<Side, { text: string; sentences: readonly Sentence[] }>,
	factsById: ReadonlyMap<string, Pick<SharedFact, 'relation'>>
): WordingItem[] {
	const items = choices
		.filter((c) => c.occurrences.length > 0)
		.map((choice): WordingItem => {
			const first = choice.occurrences[0];
			const spans = {
				a: choice.occurrences.map((o) => o.a),
				b: choice.occurrences.map((o) => o.b)
			};
			return {
				key: wordingKey(choice),
				group: choice.kind === 'shared' ? 'shared' : 'contrast',
				what: choice.kind,
				a: quoteSpan(articles.a.text, articles.a.sentences, first.a),
				b: quoteSpan(articles.b.text, articles.b.sentences, first.b),
				origin: originOf(choice, factsById),
				count: choice.count,
				spans
			};
		});
	return [
		...items.filter((i) => i.group === 'contrast'),
		...items.filter((i) => i.group === 'shared')
	];
}

/** What a screen reader hears for one item: both wordings and what they are. */
export function describeWording(item: WordingItem): string {
	if (item.group === 'shared') return `Both articles say “${item.a.words}”: show it in both texts`;
	const what = item.what === 'act' ? 'the same act' : 'the same actor or thing';
	return `Article A says “${item.a.words}”, article B says “${item.b.words}” for ${what}: show both in the texts`;
}

/** A label one article puts on people or a group ("class siblings"), with every use of it. */
export interface LabelItem {
	key: string;
	side: Side;
	/** the first use, quoted in its sentence */
	quote: WordingQuote;
	/** uses in the article */
	count: number;
	spans: Record<Side, Span[]>;
}

/**
 * Labels for people and groups from the loaded wording, one item per label and side: naming a
 * group "class siblings" is a choice of words as much as "war resisters" is.
 */
export function buildLabelItems(
	loaded: Record<Side, readonly Pick<LoadedSpan, 'start' | 'end' | 'exact' | 'kind'>[]>,
	articles: Record<Side, { text: string; sentences: readonly Sentence[] }>
): LabelItem[] {
	const items: LabelItem[] = [];
	for (const side of ['a', 'b'] as const) {
		const bySpelling = new Map<string, Span[]>();
		for (const span of loaded[side]) {
			if (span.kind !== 'label') continue;
			const key = span.exact.toLowerCase();
			bySpelling.set(key, [...(bySpelling.get(key) ?? []), { start: span.start, end: span.end }]);
		}
		for (const [spelling, spans] of bySpelling) {
			const { text, sentences } = articles[side];
			items.push({
				key: `label:${side}:${spelling}`,
				side,
				quote: quoteSpan(text, sentences, spans[0]),
				count: spans.length,
				spans: side === 'a' ? { a: spans, b: [] } : { a: [], b: spans }
			});
		}
	}
	return items;
}

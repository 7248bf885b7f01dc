import type { Sentence } from '$lib/domain/types';
import type { ArticleView, ComparisonView } from './view';

// A sentence's text is a slice of its article's text: sending both doubled the article in the
// page data (~9 KB on the seed comparison), which the browser parses before it hydrates. The
// server sends offsets only; the page's universal load slices the text back, on the server
// and in the browser alike, so both render from the same sentences.

/** A sentence as the page data carries it: its offsets, its text only when not the slice they cover. */
export type PackedSentence = Omit<Sentence, 'text'> & { text?: string };

/** An article as the page data carries it. */
export type PackedArticle = Omit<ArticleView, 'sentences'> & { sentences: PackedSentence[] };

/** A comparison as the page data carries it. */
export type PackedComparison<C extends ComparisonView = ComparisonView> = Omit<C, 'a' | 'b'> & {
	a: PackedArticle;
	b: PackedArticle;
};

/** An article with its sentences' texts left out where they are slices of its text (always, from the segmenter: kept otherwise so nothing shown can change). */
function packArticle(article: ArticleView): PackedArticle {
	return {
		...article,
		sentences: article.sentences.map(({ text, ...offsets }) =>
			text === article.text.slice(offsets.start, offsets.end) ? offsets : { ...offsets, text }
		)
	};
}

/** An article with its sentences' texts sliced back from its text. */
function unpackArticle(article: PackedArticle): ArticleView {
	return {
		...article,
		sentences: article.sentences.map((s) =>
			s.text === undefined ? { ...s, text: article.text.slice(s.start, s.end) } : (s as Sentence)
		)
	};
}

/**
 * A comparison for the page data: both articles' sentences as offsets only.
 * @example packComparison(c).a.sentences[0] // { index: 0, start: 0, end: 15, paragraph: 0, furniture: true }
 */
export function packComparison<C extends ComparisonView>(comparison: C): PackedComparison<C> {
	return { ...comparison, a: packArticle(comparison.a), b: packArticle(comparison.b) };
}

/**
 * A comparison from the page data: every sentence's text sliced back from its article's text.
 * @example unpackComparison(packComparison(c)) // deep-equal to c when each sentence's text is its slice
 */
export function unpackComparison<C extends ComparisonView>(packed: PackedComparison<C>): C {
	return { ...packed, a: unpackArticle(packed.a), b: unpackArticle(packed.b) } as unknown as C;
}

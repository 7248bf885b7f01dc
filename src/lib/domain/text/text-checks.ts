import type { ArticleMeta, Paragraph, Sentence, Side } from '../types';

// Signs that a comparison's texts are not what the reader meant to compare: the same text twice,
// a side too short to compare, no body text at all, or a news report labelled as opinion. Each
// comes with a plain message the reading view shows next to a way to fix it.

/** What a check needs of one article. */
export interface CheckedArticle {
	text: string;
	meta: Pick<ArticleMeta, 'genre'>;
	paragraphs: Pick<Paragraph, 'kind' | 'furniture'>[];
	sentences: Pick<Sentence, 'text' | 'furniture'>[];
}

/** One problem found, with the side it concerns (none: the pair). */
export interface TextWarning {
	code: 'identical' | 'short' | 'no-body' | 'report-as-opinion';
	side: Side | null;
	message: string;
}

/** Fewer body words than this and there is little to compare (a headline and a paragraph). */
const SHORT_WORDS = 60;
/** Reporting verbs and attributions: a news report names who said what. */
const ATTRIBUTION =
	/\b(said|says|told|according to|reported|announced|stated|confirmed|spokes(?:man|woman|person))\b/gi;
/** First and second person: an opinion piece argues in its own voice. */
const OWN_VOICE = /\b(I|I'm|I've|me|my|we|we're|our|us|you|your|should|must)\b/g;

const words = (text: string) => text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu)?.length ?? 0;
const fold = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
const sideName = (side: Side) => `Article ${side.toUpperCase()}`;

function bodyText(article: CheckedArticle): string {
	return article.sentences
		.filter((s) => !s.furniture)
		.map((s) => s.text)
		.join(' ');
}

/** Whether an article labelled opinion reads like a report: it attributes, never argues aloud. */
function readsLikeReport(body: string): boolean {
	const n = words(body);
	if (n < SHORT_WORDS) return false;
	const attributions = body.match(ATTRIBUTION)?.length ?? 0;
	const voice = body.match(OWN_VOICE)?.length ?? 0;
	// at least one attribution per ~150 words, and at most one own-voice word per ~250
	return attributions * 150 >= n && voice * 250 <= n;
}

/**
 * The problems a reader should hear about before comparing two texts, in the order to fix them.
 * @example checkTexts(a, a)[0].code // 'identical'
 */
export function checkTexts(a: CheckedArticle, b: CheckedArticle): TextWarning[] {
	const warnings: TextWarning[] = [];
	if (fold(a.text) === fold(b.text))
		warnings.push({
			code: 'identical',
			side: null,
			message:
				'Both articles have the same text, so there is nothing to compare. Replace one of them with the other article.'
		});
	for (const side of ['a', 'b'] as const) {
		const article = side === 'a' ? a : b;
		const body = bodyText(article);
		const n = words(body);
		if (n === 0) {
			const furniture = article.paragraphs.find((p) => p.kind === 'furniture')?.furniture;
			warnings.push({
				code: 'no-body',
				side,
				message: `${sideName(side)} has no body text${furniture ? `: all of it was read as page furniture (${furniture})` : ''}. Paste the article's text.`
			});
		} else if (n < SHORT_WORDS)
			warnings.push({
				code: 'short',
				side,
				message: `${sideName(side)} is very short (${n} ${n === 1 ? 'word' : 'words'}), so the comparison will find little. Check that the whole article was pasted.`
			});
		if (article.meta.genre === 'opinion' && readsLikeReport(body))
			warnings.push({
				code: 'report-as-opinion',
				side,
				message: `${sideName(side)} is labelled Opinion but reads like a news report (it attributes claims to others and never argues in its own voice). Change its genre if it is a report.`
			});
	}
	return warnings;
}

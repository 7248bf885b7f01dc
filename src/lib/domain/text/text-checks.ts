import type { ArticleMeta, Paragraph, Sentence, Side } from '../types';

// Signs that a comparison's texts are not what the reader meant to compare: the same text twice,
// a side too short to compare, no body text at all, a text without sentence punctuation (cut at
// lines and clauses instead), or a news report labelled as opinion. Each comes with a plain
// message the reading view shows next to a way to fix it. The genre a text reads as is also
// offered to the person pasting it, for them to confirm (suggestGenre). A text without a single
// word is not warned about but refused before it is stored (hasContent).

/** What a check needs of one article. */
export interface CheckedArticle {
	text: string;
	meta: Partial<Pick<ArticleMeta, 'genre'>>;
	paragraphs: Pick<Paragraph, 'kind' | 'furniture'>[];
	sentences: Pick<Sentence, 'text' | 'furniture'>[];
}

/** One problem found, with the side it concerns (none: the pair). */
export interface TextWarning {
	code: 'identical' | 'short' | 'no-body' | 'no-stops' | 'report-as-opinion';
	side: Side | null;
	message: string;
}

/**
 * Two letters in a row (combining marks between them allowed): the least a text needs to hold a
 * word. One letter alone is an initial, a stray key or a placeholder ("x"), never an article.
 */
const REAL_WORD = /\p{L}\p{M}*\p{L}/u;
/** Fewer body words than this and there is little to compare (a headline and a paragraph). */
const SHORT_WORDS = 60;
/** Reporting verbs and attributions: a news report names who said what. */
const ATTRIBUTION =
	/\b(said|says|told|according to|reported|announced|stated|confirmed|spokes(?:man|woman|person))\b/gi;
/** First and second person: an opinion piece argues in its own voice. */
const OWN_VOICE = /\b(I|I'm|I've|me|my|we|we're|our|us|you|your|should|must)\b/g;

/** A sentence that ends with a stop (inside closing quotes or brackets too). */
const STOP_END = /[.?!\u2026]["'\u201D\u2019)\]]*$/;
/** Share of the body's words in sentences without a closing stop past which the text has no punctuation to speak of. */
const UNPUNCTUATED_SHARE = 0.5;

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

/** Whether most of an article's body was cut at lines and clauses, for want of stops. */
function lacksStops(article: CheckedArticle): boolean {
	const body = article.sentences.filter((s) => !s.furniture);
	const total = words(body.map((s) => s.text).join(' '));
	const unstopped = words(
		body
			.filter((s) => !STOP_END.test(s.text))
			.map((s) => s.text)
			.join(' ')
	);
	return total >= SHORT_WORDS && unstopped >= total * UNPUNCTUATED_SHARE;
}

/** Whether a text argues in its own voice: first and second person, "should" and "must". */
function readsLikeOpinion(body: string): boolean {
	const n = words(body);
	const voice = body.match(OWN_VOICE)?.length ?? 0;
	// one own-voice word per ~80 words: an op-ed's "we must", "I", "you", "our" (both seed op-eds
	// have one per 75); a report has at most one per ~250 (readsLikeReport)
	return n >= SHORT_WORDS && voice * 80 >= n;
}

/**
 * Whether a text holds anything to compare at all: a word of two letters or more. Texts of single
 * letters, numbers or symbols only ("x", "1", "a b c") are refused before they are stored; a short
 * but real text ("Deportations") is stored and named by checkTexts' 'short' warning instead.
 * @example hasContent('x') // false
 */
export function hasContent(text: string): boolean {
	return REAL_WORD.test(text.normalize('NFC'));
}

/** A genre a text reads as, with the reason, for the person to confirm (never set silently). */
export interface GenreSuggestion {
	genre: 'report' | 'opinion';
	why: string;
}

/**
 * The genre a pasted text reads as, or null when it does not clearly read as one (too short, or
 * both signs, or neither).
 * @example suggestGenre('Officials said … according to the agency. …')?.genre // 'report'
 */
export function suggestGenre(text: string): GenreSuggestion | null {
	const report = readsLikeReport(text);
	const opinion = readsLikeOpinion(text);
	if (report && !opinion)
		return {
			genre: 'report',
			why: 'It attributes its claims to others (“said”, “according to”) and never argues in its own voice.'
		};
	if (opinion && !report)
		return {
			genre: 'opinion',
			why: 'It argues in its own voice (“I”, “we”, “you”, “should”, “must”).'
		};
	return null;
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
		else if (lacksStops(article))
			warnings.push({
				code: 'no-stops',
				side,
				message: `${sideName(side)} has almost no sentence punctuation, so its passages were cut at line breaks and, in long lines, at commas and clauses. A passage may start or end mid-thought; add full stops to the text to fix it.`
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

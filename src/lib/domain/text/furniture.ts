/**
 * Classifies an article's paragraphs as title, body or furniture. Line-level patterns come from
 * furniture-rules.ts; this module adds position: tags and bylines sit near the head, bios and
 * appeals at the tail, and the title is the first headline-like line.
 */
import type { FurnitureKind, Paragraph } from '../types';
import {
	bioSubject,
	bylineNames,
	endsWithPeriod,
	hasBioWords,
	intrinsicFurniture,
	isAppeal,
	isPersonName,
	isTagList
} from './furniture-rules';
import { wordCount } from './word-count';

/** The classification of one paragraph. */
type ParagraphClass = Pick<Paragraph, 'kind' | 'furniture'>;

const HEAD_SPAN = 8; // page templates put menus, tags, bylines and credits within the first lines
const TITLE_SPAN = 6; // a headline further down than this is a section heading, not the title
const BYLINE_AFTER_TITLE = 5; // title, dek, byline, date, credit: the usual header block
const TAIL_SPAN = 8; // bios, appeals and end tags fit in the last few lines
const TITLE_MAX_WORDS = 40; // longer lines without a period are body text that lost its stop
const PULL_QUOTE_MIN_WORDS = 8; // shorter repeats are ordinary phrases, not pull quotes
const BIO_MAX_WORDS = 150; // bios are a few sentences; a long paragraph is the article itself
const LEAD_IN_MAX_WORDS = 5; // "Hey there!", "Before you go…" before an appeal

/** Marks paragraph i as furniture of the given kind. */
function mark(out: ParagraphClass[], i: number, furniture: FurnitureKind): void {
	out[i] = { kind: 'furniture', furniture };
}

/** Index of the title: the first non-furniture line near the top that reads like a headline. */
function findTitle(texts: readonly string[], out: ParagraphClass[]): number {
	for (let i = 0; i < Math.min(texts.length, TITLE_SPAN); i++) {
		if (out[i].kind === 'furniture') continue;
		const t = texts[i];
		if (isTagList(t)) {
			mark(out, i, 'tags'); // topic tags printed above the headline
			continue;
		}
		const words = wordCount(t);
		if (words < 2 && !endsWithPeriod(t)) {
			mark(out, i, 'navigation'); // a section label ("Russia", "Opinion") above the headline
			continue;
		}
		if (endsWithPeriod(t) || words < 2 || words > TITLE_MAX_WORDS) return -1;
		// an author's name above the headline: byline, keep looking
		if (isPersonName(t) && i + 1 < texts.length && !endsWithPeriod(texts[i + 1])) {
			mark(out, i, 'byline');
			continue;
		}
		return i;
	}
	return -1;
}

/** Bylines and tag lists in the header block; returns the author names found. */
function classifyHead(texts: readonly string[], out: ParagraphClass[], title: number): string[] {
	const names: string[] = [];
	const end = Math.min(texts.length, title >= 0 ? title + 1 + BYLINE_AFTER_TITLE : HEAD_SPAN);
	for (let i = 0; i < Math.min(texts.length, HEAD_SPAN); i++) {
		if (out[i].kind !== 'body') continue;
		if ((title < 0 || i < title) && isTagList(texts[i])) mark(out, i, 'tags');
	}
	for (let i = Math.max(0, title + 1); i < end; i++) {
		if (out[i].kind === 'furniture' && out[i].furniture === 'byline') {
			names.push(...(bylineNames(texts[i]) ?? []));
			continue;
		}
		if (out[i].kind !== 'body') continue;
		if (isPersonName(texts[i])) {
			mark(out, i, 'byline');
			names.push(texts[i].trim());
		} else if (isTagList(texts[i]) && wordCount(texts[i]) <= 12) {
			mark(out, i, 'tags');
		}
	}
	return names;
}

/** Walks up from the last paragraph while it is furniture: appeals, bios, bylines, end tags. */
function classifyTail(
	texts: readonly string[],
	out: ParagraphClass[],
	title: number,
	names: Set<string>
): void {
	const n = texts.length;
	for (let i = Math.max(0, n - TAIL_SPAN); i < n; i++) {
		if (out[i].kind === 'body' && isPersonName(texts[i])) names.add(texts[i].trim());
	}
	const stop = Math.max(title + 1, n - TAIL_SPAN, 1);
	for (let i = n - 1; i >= stop; i--) {
		if (out[i].kind !== 'body') continue;
		const t = texts[i];
		const words = wordCount(t);
		const nextIsFurniture = i === n - 1 || out[i + 1].kind === 'furniture';
		const nextIsAppeal = i < n - 1 && out[i + 1].furniture === 'appeal';
		const subject = bioSubject(t);
		if (isAppeal(t)) mark(out, i, 'appeal');
		else if (nextIsAppeal && words <= LEAD_IN_MAX_WORDS) mark(out, i, 'appeal');
		else if (subject && words <= BIO_MAX_WORDS && (names.has(subject) || hasBioWords(t)))
			mark(out, i, 'bio');
		else if (isPersonName(t) && nextIsFurniture) mark(out, i, 'byline');
		else if (isTagList(t)) mark(out, i, 'tags');
		else break;
	}
}

/** Key for finding a pull quote inside another paragraph: the opening of a sentence. */
function quoteKey(text: string): string {
	return text.slice(0, 48);
}

/** A body paragraph repeated inside (or as) another body paragraph is a pull quote. */
function markPullQuotes(texts: readonly string[], out: ParagraphClass[]): void {
	const bySentenceStart = new Map<string, number[]>();
	texts.forEach((t, i) => {
		if (out[i].kind !== 'body') return;
		for (const m of t.matchAll(/(?:^|(?<=[.!?]["'”’)]?\s))\S/g)) {
			const key = quoteKey(t.slice(m.index));
			const list = bySentenceStart.get(key);
			if (list) list.push(i);
			else bySentenceStart.set(key, [i]);
		}
	});
	texts.forEach((t, i) => {
		if (out[i].kind !== 'body' || wordCount(t) < PULL_QUOTE_MIN_WORDS) return;
		const holders = bySentenceStart.get(quoteKey(t)) ?? [];
		const isQuote = holders.some(
			(j) =>
				j !== i &&
				out[j].kind === 'body' &&
				texts[j].includes(t) &&
				(texts[j].length > t.length || j < i)
		);
		if (isQuote) mark(out, i, 'other');
	});
}

/**
 * Classifies the paragraphs of one article (each given as its trimmed text, in order).
 * @example classifyParagraphs(['Skip to content', 'Russians Flee', 'They fled.'])
 * // [{kind:'furniture',furniture:'navigation'}, {kind:'title'}, {kind:'body'}]
 */
export function classifyParagraphs(texts: readonly string[]): ParagraphClass[] {
	const intrinsic: ParagraphClass[] = texts.map((t) => {
		const furniture = intrinsicFurniture(t);
		return furniture ? { kind: 'furniture', furniture } : { kind: 'body' };
	});
	const out = [...intrinsic];
	const title = findTitle(texts, out);
	if (title >= 0) out[title] = { kind: 'title' };
	const names = new Set(classifyHead(texts, out, title));
	classifyTail(texts, out, title, names);
	markPullQuotes(texts, out);
	// where a line sits says "furniture" only around an argument: a text with nothing else (one
	// word, one line) is all argument, and only lines furniture by their own words stay apart
	if (!out.some((c) => c.kind === 'body')) return intrinsic;
	return out;
}

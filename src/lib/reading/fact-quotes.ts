import type { DiffPart, SharedFact } from '$lib/domain/alignment/types';
import type { Side } from '$lib/domain/types';

/** A stretch of one quote: common to both passages, or only in this side's. */
export interface QuoteRun {
	/** true when only this side's passage has these words */
	only: boolean;
	/** the run's text, split where a shared detail starts and ends */
	pieces: { text: string; shared: boolean }[];
}

/**
 * The shared details (names, numbers, dates, phrases) as one side writes them: a detail written
 * differently ("March 2023 / March 18") gives its first form to A and its second to B.
 */
export function detailsFor(
	fact: Pick<SharedFact, 'entities' | 'numbers' | 'dates' | 'phrases'>,
	side: Side
): string[] {
	const all = [...fact.entities, ...fact.numbers, ...fact.dates, ...fact.phrases];
	return all
		.map((detail) => {
			const forms = detail.split(' / ');
			return (side === 'a' ? forms[0] : forms[forms.length - 1]).trim();
		})
		.filter((detail) => detail.length > 0);
}

const WORD = /[\p{L}\p{N}]/u;

/** Whether text[start, end) stands as whole words ("US" is not inside "Russians"). */
function wholeWords(text: string, start: number, end: number): boolean {
	return !WORD.test(text[start - 1] ?? ' ') && !WORD.test(text[end] ?? ' ');
}

/** Where the details occur in a text as whole words (case-insensitive), longest first, never overlapping. */
function detailRanges(text: string, details: string[]): [number, number][] {
	const lower = text.toLowerCase();
	const ranges: [number, number][] = [];
	const sorted = [...new Set(details.map((d) => d.toLowerCase()))].sort(
		(x, y) => y.length - x.length
	);
	for (const detail of sorted) {
		for (let at = lower.indexOf(detail); at >= 0; at = lower.indexOf(detail, at + 1)) {
			const end = at + detail.length;
			if (!wholeWords(text, at, end)) continue;
			if (!ranges.some(([s, e]) => at < e && end > s)) ranges.push([at, end]);
		}
	}
	return ranges.sort((x, y) => x[0] - y[0]);
}

/**
 * One side's passage as a quote, rebuilt from the fact's word diff: the words both passages
 * have, the words only this side has (whitespace-only differences count as common), and inside
 * both the shared details marked.
 */
export function quoteRuns(parts: DiffPart[], side: Side, details: string[]): QuoteRun[] {
	const merged: { only: boolean; text: string }[] = [];
	const add = (only: boolean, text: string) => {
		if (!text) return;
		const last = merged[merged.length - 1];
		if (last && last.only === only) last.text += text;
		else merged.push({ only, text });
	};
	for (const part of parts) {
		if (part.side !== 'both' && part.side !== side) continue;
		if (part.side === 'both') {
			add(false, part.value);
			continue;
		}
		// the spaces around one side's words are common: the mark starts and ends on a word
		const [, before, words, after] = /^(\s*)([\s\S]*?)(\s*)$/.exec(part.value)!;
		add(false, before);
		add(true, words);
		add(false, after);
	}
	const ranges = detailRanges(merged.map((r) => r.text).join(''), details);
	let offset = 0;
	return merged.map(({ only, text }) => {
		const start = offset;
		const end = (offset += text.length);
		const pieces: QuoteRun['pieces'] = [];
		let at = start;
		for (const [s, e] of ranges) {
			if (e <= at || s >= end) continue;
			const from = Math.max(s, at);
			const to = Math.min(e, end);
			if (from > at) pieces.push({ text: text.slice(at - start, from - start), shared: false });
			pieces.push({ text: text.slice(from - start, to - start), shared: true });
			at = to;
		}
		if (at < end) pieces.push({ text: text.slice(at - start), shared: false });
		return { only, pieces };
	});
}

/** A side's passage as the diff spells it. */
function passageText(parts: DiffPart[], side: Side): string {
	return parts
		.filter((p) => p.side === 'both' || p.side === side)
		.map((p) => p.value)
		.join('');
}

/**
 * Both quotes of a shared fact. A detail is marked only where both passages show it (in each
 * side's own form), so a box always has its twin in the other quote.
 */
export function factQuotes(fact: SharedFact): { side: Side; runs: QuoteRun[] }[] {
	const texts = { a: passageText(fact.diff, 'a'), b: passageText(fact.diff, 'b') };
	const forms = { a: detailsFor(fact, 'a'), b: detailsFor(fact, 'b') };
	const kept = forms.a
		.map((a, i) => ({ a, b: forms.b[i] }))
		.filter(({ a, b }) => detailRanges(texts.a, [a]).length && detailRanges(texts.b, [b]).length);
	return (['a', 'b'] as const).map((side) => ({
		side,
		runs: quoteRuns(
			fact.diff,
			side,
			kept.map((pair) => pair[side])
		)
	}));
}

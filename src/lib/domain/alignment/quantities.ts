/**
 * Numbers with what they count or measure ("26 pirates", "$35,000", "5.6-magnitude quake",
 * "three killed"). "How many" is one of the details two reports of one event must agree on: 23
 * pirates captured and 26 pirates captured are two different operations, or a contradiction.
 */
import type { Token } from '../types';
import { isStopword } from '../text/tokens';
import type { Quantity } from './types';

/** Number words (two and up: "one" is mostly a pronoun, "one of the …"). */
const NUMBER_WORDS: ReadonlyMap<string, number> = new Map(
	(
		[
			['two', 2],
			['three', 3],
			['four', 4],
			['five', 5],
			['six', 6],
			['seven', 7],
			['eight', 8],
			['nine', 9],
			['ten', 10],
			['eleven', 11],
			['twelve', 12],
			['thirteen', 13],
			['fourteen', 14],
			['fifteen', 15],
			['sixteen', 16],
			['seventeen', 17],
			['eighteen', 18],
			['nineteen', 19],
			['twenty', 20],
			['thirty', 30],
			['forty', 40],
			['fifty', 50],
			['sixty', 60],
			['seventy', 70],
			['eighty', 80],
			['ninety', 90]
		] as [string, number][]
	).concat([['dozen', 12]])
);

/** Scale words after a number ("2.5 million"). */
const SCALES: ReadonlyMap<string, number> = new Map([
	['hundred', 1e2],
	['thousand', 1e3],
	['million', 1e6],
	['billion', 1e9],
	['trillion', 1e12]
]);

const CURRENCY = new Set(['$', '£', '€', '¥']);
/** Words after a number that make it a clock time, not an amount. */
const TIME_WORDS = new Set([
	'am',
	'pm',
	'a.m.',
	'p.m.',
	'gmt',
	'utc',
	'est',
	'edt',
	'pst',
	'pdt',
	'bst',
	'cet',
	'ist',
	'et'
]);
/** Determiners skipped between "of" and the counted noun ("23 of the raiders"). */
const DETERMINERS = new Set([
	'the',
	'a',
	'an',
	'his',
	'her',
	'their',
	'its',
	'our',
	'these',
	'those',
	'them'
]);

/** Reads the value of a number token: digits with separators, currency, %, ordinal suffix. */
function parseNumber(
	t: Token
): { value: number; currency?: string; percent: boolean; ordinal: boolean } | undefined {
	const m = /^([$£€¥]?)(\d+(?:,\d{3})*(?:\.\d+)?)(%|st|nd|rd|th)?$/.exec(t.text);
	if (!m) return undefined;
	const value = Number(m[2].replace(/,/g, ''));
	if (!Number.isFinite(value)) return undefined;
	const suffix = m[3] ?? '';
	return {
		value,
		currency: m[1] || undefined,
		percent: suffix === '%',
		ordinal: suffix !== '' && suffix !== '%'
	};
}

const CAPITALISED = /^\p{Lu}/u;

/**
 * The counted or measured word after position i: "26 pirates", "23 of the raiders",
 * "5.6-magnitude"; after a capitalised modifier ("26 Somali pirates") also the noun it modifies.
 */
function unitAfter(
	tokens: readonly Token[],
	i: number
): { unit?: string; noun?: string; last: number } {
	let j = i;
	if (tokens[j]?.text === '-' || tokens[j]?.text === '–') j++;
	let t = tokens[j];
	if (t?.kind === 'word' && t.lemma === 'of') {
		j++;
		while (tokens[j]?.kind === 'word' && DETERMINERS.has(tokens[j].lemma)) j++;
		t = tokens[j];
	}
	if (!t || t.kind !== 'word' || isStopword(t.lemma) || t.lemma.length < 2) return { last: i - 1 };
	const next = tokens[j + 1];
	const modified =
		CAPITALISED.test(t.text) &&
		next?.kind === 'word' &&
		!CAPITALISED.test(next.text) &&
		next.lemma.length > 1 &&
		!isStopword(next.lemma);
	// the shown text stays "26 Somali": the word after may be a verb ("26,000 Russians tried")
	return modified ? { unit: t.lemma, noun: next.lemma, last: j } : { unit: t.lemma, last: j };
}

/**
 * Finds the quantities in one sentence's tokens, skipping the tokens already read as dates.
 * @example extractQuantities(tokenize('Police arrested 26 pirates.'), text, 0, new Set())
 * // [{text:'26 pirates', value:26, unit:'pirate'}]
 */
export function extractQuantities(
	tokens: readonly Token[],
	text: string,
	offset: number,
	used: ReadonlySet<number>
): Quantity[] {
	const out: Quantity[] = [];
	for (let i = 0; i < tokens.length; i++) {
		if (used.has(i)) continue;
		const t = tokens[i];
		let value: number | undefined;
		let currency: string | undefined;
		let percent = false;
		let ordinal = false;
		if (t.kind === 'number') {
			const p = parseNumber(t);
			if (!p) continue; // times, ranges, scores: not amounts
			({ value, currency, percent, ordinal } = p);
		} else if (t.kind === 'word' && NUMBER_WORDS.has(t.lemma)) {
			value = NUMBER_WORDS.get(t.lemma);
		}
		if (value === undefined) continue;
		const next = tokens[i + 1];
		// "76ers", "3D": digits glued to letters are part of a name, not an amount
		if (t.kind === 'number' && next?.kind === 'word' && next.start === t.end) continue;
		// "10 : 30", "1 : 12 PM", "11 a.m.": clock times
		if (next && (next.text === ':' || TIME_WORDS.has(next.lemma))) continue;
		const prev = tokens[i - 1];
		if (!currency && prev && CURRENCY.has(prev.text)) currency = prev.text;
		let j = i + 1;
		const scale = tokens[j] ? SCALES.get(tokens[j].lemma) : undefined;
		if (scale !== undefined) {
			value *= scale;
			j++;
		}
		const start = currency && prev && CURRENCY.has(prev.text) ? prev.start : t.start;
		let unit: string | undefined;
		let noun: string | undefined;
		let last = j - 1;
		if (currency) unit = currency;
		else if (percent) unit = '%';
		else ({ unit, noun, last } = unitAfter(tokens, j));
		const end = tokens[Math.max(last, i)].end;
		out.push({
			start,
			end,
			text: text.slice(start - offset, end - offset),
			value,
			...(unit !== undefined ? { unit } : {}),
			...(noun !== undefined ? { noun } : {}),
			...(ordinal ? { ordinal } : {})
		});
		i = Math.max(i, j - 1);
	}
	return out;
}

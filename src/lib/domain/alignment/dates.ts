/**
 * Dates in a sentence: calendar dates ("March 18", "May 2, 2013", "21 July 2013", "11/28/05"),
 * years, months, weekdays and relative dates ("yesterday", "last night"). "When" is one of the
 * details two reports of the same event have to agree on.
 */
import type { Token } from '../types';
import type { DateMention } from './types';

/** Month lemmas (full names and the usual abbreviations) → 1..12. */
export const MONTHS: ReadonlyMap<string, number> = new Map(
	(
		[
			['january', 'jan'],
			['february', 'feb'],
			['march', 'mar'],
			['april', 'apr'],
			['may'],
			['june', 'jun'],
			['july', 'jul'],
			['august', 'aug'],
			['september', 'sep', 'sept'],
			['october', 'oct'],
			['november', 'nov'],
			['december', 'dec']
		] as string[][]
	).flatMap((names, i) => names.map((n) => [n, i + 1] as [string, number]))
);

/** Weekday lemmas → 0 (Sunday) .. 6 (Saturday). */
export const WEEKDAYS: ReadonlyMap<string, number> = new Map(
	['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'].map(
		(d, i) => [d, i] as [string, number]
	)
);

/** Abbreviated weekdays ("Tue March 3"); several are everyday words, so capitals are required. */
const WEEKDAY_ABBREVIATIONS: ReadonlyMap<string, number> = new Map(
	(
		[
			['sun', 0],
			['mon', 1],
			['tue', 2],
			['tues', 2],
			['wed', 3],
			['thu', 4],
			['thur', 4],
			['thurs', 4],
			['fri', 5],
			['sat', 6]
		] as [string, number][]
	).map(([d, i]) => [d, i])
);

/**
 * Whether a lemma is a month, a weekday or a relative day ("Monday", "March", "Yesterday"):
 * capitalised, such words are dates, not names.
 * @example isDateWord('march') // true
 */
export function isDateWord(lemma: string): boolean {
	return MONTHS.has(lemma) || WEEKDAYS.has(lemma) || RELATIVE_SINGLE.has(lemma);
}

/** Weekday number of a token, or undefined. */
function weekdayOf(t: Token): number | undefined {
	if (t.kind !== 'word') return undefined;
	const full = WEEKDAYS.get(t.lemma);
	if (full !== undefined) return full;
	// the map first: the capital is tested only for the few words that are abbreviations
	const abbreviated = WEEKDAY_ABBREVIATIONS.get(t.lemma);
	return abbreviated !== undefined && CAPITALISED.test(t.text) ? abbreviated : undefined;
}

/** Words that make a relative date on their own. */
const RELATIVE_SINGLE = new Set(['today', 'tonight', 'yesterday', 'tomorrow']);
/** "last night", "this week", "next month"… */
const RELATIVE_HEAD = new Set(['last', 'this', 'next', 'earlier', 'later']);
const RELATIVE_UNIT = new Set(['night', 'morning', 'evening', 'week', 'weekend', 'month', 'year']);

const CAPITALISED = /^\p{Lu}/u;

/** Whole-number value of a number token with plain digits, or undefined. */
function intOf(t: Token | undefined): number | undefined {
	if (!t || t.kind !== 'number' || !/^\d{1,4}$/.test(t.text)) return undefined;
	return Number(t.text);
}

/** A plausible calendar year (4 digits, 1900..2099). */
function yearOf(t: Token | undefined): number | undefined {
	if (!t || t.kind !== 'number' || !/^(19|20)\d\d$/.test(t.text)) return undefined;
	return Number(t.text);
}

/** Day of month 1..31 written as digits, ordinal digits ("18th") allowed. */
function dayOf(t: Token | undefined): number | undefined {
	if (!t || t.kind !== 'number') return undefined;
	const m = /^(\d{1,2})(?:st|nd|rd|th)?$/.exec(t.text);
	if (!m) return undefined;
	const d = Number(m[1]);
	return d >= 1 && d <= 31 ? d : undefined;
}

/**
 * Month number of a token, or undefined. English always capitalises months, and several month
 * names are everyday words in lower case ("may", "march", "august"), so capitals are required.
 */
function monthOf(t: Token | undefined): number | undefined {
	if (!t || t.kind !== 'word' || !CAPITALISED.test(t.text)) return undefined;
	return MONTHS.get(t.lemma.replace(/\.$/, ''));
}

/** Index of the next token after i skipping one optional comma or dot. */
function skipComma(tokens: readonly Token[], i: number): number {
	const t = tokens[i];
	return t && t.kind === 'punct' && (t.text === ',' || t.text === '.') ? i + 1 : i;
}

/** Parses "11/28/05", "27/09/2013", "2013-07-21" (one token or spaced "27 / 09 / 2013"). */
function numericDate(parts: number[]): Omit<DateMention, 'start' | 'end' | 'text'> | undefined {
	if (parts.length !== 3) return undefined;
	let [p, q, r] = parts;
	if (p > 31) [p, q, r] = [q, r, p]; // ISO order: year first
	const year = r < 100 ? 2000 + r : r;
	if (year < 1900 || year > 2099) return undefined;
	// day/month order is only certain when one of them exceeds 12
	if (p > 12 && q <= 12) return { year, month: q, day: p };
	if (q > 12 && p <= 12) return { year, month: p, day: q };
	return { year };
}

type Parsed = { next: number; date: Omit<DateMention, 'start' | 'end' | 'text'> };

/** Tries to read one date starting at token i. */
function parseAt(tokens: readonly Token[], i: number): Parsed | undefined {
	const t = tokens[i];
	if (!t) return undefined;
	const lemma = t.lemma;
	// weekday, optionally followed by a calendar date ("Tue March 3, 2009")
	const weekday = weekdayOf(t);
	if (weekday !== undefined) {
		let j = i + 1;
		if (tokens[j]?.text === '.' && t.text.length <= 5) j++; // "Tue."
		const rest = parseAt(tokens, skipComma(tokens, j));
		if (rest && rest.date.month !== undefined)
			return { next: rest.next, date: { ...rest.date, weekday } };
		return { next: i + 1, date: { weekday } };
	}
	const month = monthOf(t);
	if (month !== undefined) {
		let j = i + 1;
		// "Sept. 18": the dot of an abbreviated month, not the end of the sentence
		if (tokens[j]?.text === '.' && t.text.length <= 4 && tokens[j + 1]?.kind === 'number') j++;
		const day = dayOf(tokens[j]);
		if (day !== undefined && yearOf(tokens[j]) === undefined) {
			const k = skipComma(tokens, j + 1);
			const year = yearOf(tokens[k]);
			return year !== undefined
				? { next: k + 1, date: { month, day, year } }
				: { next: j + 1, date: { month, day } };
		}
		const year = yearOf(tokens[skipComma(tokens, j)]);
		if (year !== undefined) return { next: skipComma(tokens, j) + 1, date: { month, year } };
		return { next: j, date: { month } };
	}
	if (t.kind === 'number') {
		// "21 July 2013"
		const day = dayOf(t);
		const m2 = day !== undefined ? monthOf(tokens[i + 1]) : undefined;
		if (day !== undefined && m2 !== undefined) {
			const year = yearOf(tokens[skipComma(tokens, i + 2)]);
			return year !== undefined
				? { next: skipComma(tokens, i + 2) + 1, date: { day, month: m2, year } }
				: { next: i + 2, date: { day, month: m2 } };
		}
		const single = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})$/.exec(t.text);
		if (single) {
			const date = numericDate(single.slice(1).map(Number));
			if (date) return { next: i + 1, date };
		}
		if (tokens[i + 1]?.text === '/' && tokens[i + 3]?.text === '/') {
			const parts = [intOf(t), intOf(tokens[i + 2]), intOf(tokens[i + 4])];
			if (parts.every((p) => p !== undefined)) {
				const date = numericDate(parts as number[]);
				if (date) return { next: i + 5, date };
			}
		}
		const year = yearOf(t);
		if (year !== undefined) return { next: i + 1, date: { year } };
		return undefined;
	}
	if (RELATIVE_SINGLE.has(lemma)) return { next: i + 1, date: { relative: lemma } };
	if (RELATIVE_HEAD.has(lemma) && RELATIVE_UNIT.has(tokens[i + 1]?.lemma ?? '')) {
		return { next: i + 2, date: { relative: `${lemma} ${tokens[i + 1].lemma}` } };
	}
	return undefined;
}

/**
 * Finds the dates in one sentence's tokens, with the indexes of the tokens they use (so that
 * numbers inside dates are not read as quantities).
 * @example extractDates(tokenize('It happened on March 18, 2023.'), text).dates[0] // {month:3, day:18, year:2023}
 */
export function extractDates(
	tokens: readonly Token[],
	text: string,
	offset: number
): { dates: DateMention[]; used: Set<number> } {
	const dates: DateMention[] = [];
	const used = new Set<number>();
	for (let i = 0; i < tokens.length;) {
		const parsed = parseAt(tokens, i);
		if (!parsed) {
			i++;
			continue;
		}
		const start = tokens[i].start;
		const end = tokens[parsed.next - 1].end;
		for (let k = i; k < parsed.next; k++) used.add(k);
		dates.push({ start, end, text: text.slice(start - offset, end - offset), ...parsed.date });
		i = parsed.next;
	}
	return { dates, used };
}

/**
 * Matching the specific details of two sentences: who (names), how many (quantities) and when
 * (dates). Two reports of one fact agree on them; two reports of similar but different events
 * (two earthquakes, two celebrities entering rehab) share topic words but not these.
 */
import { isDistinctiveKey } from './entities';
import type { ArticleFeatures } from './features';
import type { DateMention, EntityMention, Quantity, SentenceFeatures } from './types';

/** How two dates relate: identical, compatible with one more precise, in conflict, or unrelated. */
export type DateAgreement = 'same' | 'finer' | 'conflict' | 'unrelated';

/** The details two sentences share and the ones that clash. */
export interface DetailMatch {
	entities: { a: EntityMention; b: EntityMention }[];
	quantities: { a: Quantity; b: Quantity; exact: boolean }[];
	dates: { a: DateMention; b: DateMention; exact: boolean }[];
	/** same counted thing, different number, and no agreeing number for it */
	quantityConflicts: { a: Quantity; b: Quantity }[];
	/** dates that cannot both be right, with no agreeing date pair in the two sentences */
	dateConflicts: { a: DateMention; b: DateMention }[];
	/** content-word pairs both sentences use */
	phrases: string[];
	/** names in the A sentence that article B never mentions, and vice versa */
	unknownA: EntityMention[];
	unknownB: EntityMention[];
}

/** Relative difference under which two amounts are the same figure rounded ("26,580" ≈ "26,000"). */
const ROUNDING_TOLERANCE = 0.05;

/** Calendar fields compared between two dates, coarse to fine. */
const DATE_FIELDS = ['year', 'month', 'day', 'weekday'] as const;

/**
 * Compares two dates field by field.
 * @example compareDates({month:3, year:2023}, {month:3, day:18}) // 'finer'
 * @example compareDates({year:2008}, {year:2013}) // 'conflict'
 */
export function compareDates(
	x: Omit<DateMention, 'start' | 'end' | 'text'>,
	y: Omit<DateMention, 'start' | 'end' | 'text'>
): DateAgreement {
	if (x.relative !== undefined || y.relative !== undefined) {
		return x.relative !== undefined && x.relative === y.relative ? 'same' : 'unrelated';
	}
	let shared = 0;
	let identical = true;
	for (const f of DATE_FIELDS) {
		const p = x[f];
		const q = y[f];
		if (p === undefined && q === undefined) continue;
		if (p === undefined || q === undefined) {
			identical = false;
			continue;
		}
		if (p !== q) return 'conflict';
		shared++;
	}
	if (shared === 0) return 'unrelated';
	return identical ? 'same' : 'finer';
}

/** Whether two name mentions name the same one: a shared distinctive part, or the same parts. */
export function entitiesMatch(x: EntityMention, y: EntityMention): boolean {
	if (x.keys.join(' ') === y.keys.join(' ')) return true;
	return x.keys.some((k) => isDistinctiveKey(k) && y.keys.includes(k));
}

/**
 * Unknown names per other article and sentence: a sentence meets many candidates of one other
 * article, and the answer depends on nothing else.
 */
const UNKNOWN = new WeakMap<ArticleFeatures, WeakMap<readonly EntityMention[], EntityMention[]>>();

/** Names whose distinctive parts the other article never uses (the list is shared: read only). */
function unknownNames(entities: readonly EntityMention[], other: ArticleFeatures): EntityMention[] {
	let bySentence = UNKNOWN.get(other);
	if (!bySentence) UNKNOWN.set(other, (bySentence = new WeakMap()));
	let out = bySentence.get(entities);
	if (!out) {
		out = findUnknown(entities, other);
		bySentence.set(entities, out);
	}
	return out;
}

/** {@link unknownNames} computed. */
function findUnknown(entities: readonly EntityMention[], other: ArticleFeatures): EntityMention[] {
	return entities.filter((e) => {
		const distinctive = e.keys.filter(isDistinctiveKey);
		return (
			distinctive.length > 0 &&
			distinctive.every((k) => !other.lemmas.has(k) && !other.nameKeys.has(k))
		);
	});
}

/**
 * Units of time: "60-year-old" and "41 years" in one story are an age and a time elapsed, "eight
 * days" and "five days" two spans counted from different moments. Two reports of one event
 * measure different things in these units, so different numbers of them are no clash.
 */
const TIME_UNITS = new Set([
	'second',
	'minute',
	'hour',
	'day',
	'night',
	'week',
	'month',
	'year',
	'decade',
	'century'
]);

/** What a quantity counts: its unit word and, after a capitalised modifier, the noun. */
function counted(q: Quantity): string[] {
	const out: string[] = [];
	if (q.unit !== undefined) out.push(q.unit);
	if (q.noun !== undefined) out.push(q.noun);
	return out;
}

/** The counted word two quantities have in common ("pirate" for "23 pirates", "26 Somali pirates"). */
function commonUnit(x: Quantity, y: Quantity): string | undefined {
	const ys = counted(y);
	return counted(x).find((u) => ys.includes(u));
}

/** Whether a unit measures time, ages included ("year", "60-year-old" → "year-old"). */
function isTimeUnit(unit: string): boolean {
	return TIME_UNITS.has(unit.split('-')[0]);
}

/** The thing two quantities both count, when a clash is possible: not a unit of time. */
function sameUnit(x: Quantity, y: Quantity): string | undefined {
	const unit = commonUnit(x, y);
	return unit !== undefined && !isTimeUnit(unit) && !!x.ordinal === !!y.ordinal ? unit : undefined;
}

/** Matches quantities: equal values (units agreeing or absent), rounded values, conflicts. */
function matchQuantities(
	qa: Quantity[],
	qb: Quantity[]
): Pick<DetailMatch, 'quantities' | 'quantityConflicts'> {
	// most sentence pairs have no figure on one side: nothing to match, no set to make
	if (qa.length === 0 || qb.length === 0) return { quantities: [], quantityConflicts: [] };
	const quantities: DetailMatch['quantities'] = [];
	const clashes: { a: Quantity; b: Quantity; unit: string }[] = [];
	const agreed = new Set<string>();
	for (const x of qa) {
		for (const y of qb) {
			const common = commonUnit(x, y);
			const unitsAgree = x.unit === undefined || y.unit === undefined || common !== undefined;
			if (x.value === y.value && unitsAgree && !!x.ordinal === !!y.ordinal) {
				quantities.push({ a: x, b: y, exact: true });
				for (const u of [...counted(x), ...counted(y)]) agreed.add(u);
				continue;
			}
			const unit = sameUnit(x, y);
			if (unit === undefined) continue;
			const rel = Math.abs(x.value - y.value) / Math.max(Math.abs(x.value), Math.abs(y.value));
			// rounding only makes sense for figures of some size ("around 26,000")
			if (rel <= ROUNDING_TOLERANCE && Math.min(x.value, y.value) >= 100) {
				quantities.push({ a: x, b: y, exact: false });
				agreed.add(unit);
			} else clashes.push({ a: x, b: y, unit });
		}
	}
	return {
		quantities,
		quantityConflicts: clashes.filter((c) => !agreed.has(c.unit)).map(({ a, b }) => ({ a, b }))
	};
}

/**
 * Matches dates: agreeing pairs (same or finer) and, when none agrees, the clashing pairs. Only
 * years count as clashes: a sentence's weekday or day is as often the day something was said
 * ("officials said Saturday") as the day it happened, so two reports of one event differ there.
 */
function matchDates(
	da: DateMention[],
	db: DateMention[]
): Pick<DetailMatch, 'dates' | 'dateConflicts'> {
	const dates: DetailMatch['dates'] = [];
	const clashes: DetailMatch['dateConflicts'] = [];
	for (const x of da) {
		for (const y of db) {
			const c = compareDates(x, y);
			if (c === 'same' || c === 'finer') dates.push({ a: x, b: y, exact: c === 'same' });
			else if (x.year !== undefined && y.year !== undefined && x.year !== y.year) {
				clashes.push({ a: x, b: y });
			}
		}
	}
	return { dates, dateConflicts: dates.length > 0 ? [] : clashes };
}

/**
 * Matches the details of sentence `a` (of article `fa`) against sentence `b` (of article `fb`).
 * @example matchDetails(sa, sb, fa, fb).entities // [{a:{text:'Tara Reid'}, b:{text:'Reid'}}]
 */
export function matchDetails(
	a: SentenceFeatures,
	b: SentenceFeatures,
	fa: ArticleFeatures,
	fb: ArticleFeatures
): DetailMatch {
	const entities: DetailMatch['entities'] = [];
	const usedB = new Set<EntityMention>();
	for (const x of a.entities) {
		const y = b.entities.find((e) => !usedB.has(e) && entitiesMatch(x, e));
		if (y) {
			usedB.add(y);
			entities.push({ a: x, b: y });
		}
	}
	// fields assigned one by one, in the order the spreads gave (no intermediate objects per pair)
	const q = matchQuantities(a.quantities, b.quantities);
	const d = matchDates(a.dates, b.dates);
	const phrases: string[] = [];
	for (const p of a.phrases) if (b.phrases.has(p)) phrases.push(p);
	return {
		entities,
		quantities: q.quantities,
		quantityConflicts: q.quantityConflicts,
		dates: d.dates,
		dateConflicts: d.dateConflicts,
		phrases,
		unknownA: unknownNames(a.entities, fb),
		unknownB: unknownNames(b.entities, fa)
	};
}

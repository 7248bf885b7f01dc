/**
 * The loaded-wording lexicon compiled for lookup: every inflection of every entry, indexed by
 * its first word, and the word lists the rules ask about. Built once, on first use.
 */
import type { Token } from '../types';
import {
	BEFORE_PEOPLE_ONLY,
	KINSHIP_WORDS,
	EVALUATED_NOUNS,
	LOADED_GROUPS,
	PEOPLE_WORDS,
	QUOTE_INTRODUCERS,
	type LoadedGroup
} from './loaded-lexicon';

/** Inflected forms of a base word: slam → slams, slammed, slamming; lie → lies, lied, lying. */
function inflections(word: string): string[] {
	const out = new Set([word]);
	if (/[^aeiou]y$/.test(word)) {
		const stem = word.slice(0, -1);
		out.add(stem + 'ies');
		out.add(stem + 'ied');
	}
	out.add(/(?:s|x|z|ch|sh)$/.test(word) ? word + 'es' : word + 's');
	if (word.endsWith('ie')) out.add(word.slice(0, -2) + 'ying');
	if (word.endsWith('e')) {
		out.add(word + 'd');
		out.add(word.slice(0, -1) + 'ing');
	} else {
		out.add(word + 'ed');
		out.add(word + 'ing');
	}
	// one short syllable ending in a single consonant doubles it: slam → slammed, rip → ripping
	if (/^[^aeiou]*[aeiou][bdgklmnprt]$/.test(word)) {
		out.add(word + word.at(-1) + 'ed');
		out.add(word + word.at(-1) + 'ing');
	}
	// British spelling of -ize verbs
	if (word.endsWith('ize')) for (const f of inflections(word.slice(0, -3) + 'ise')) out.add(f);
	return [...out];
}

/** Comma-separated list → trimmed, lower-cased, non-empty entries. */
function entries(list: string): string[] {
	return list
		.split(',')
		.map((e) => e.trim().toLowerCase().replace(/\s+/g, ' '))
		.filter(Boolean);
}

/** One compiled entry: the word forms allowed at each position and its group. */
interface Entry {
	/** allowed lower-cased surface forms per word */
	parts: ReadonlySet<string>[];
	group: LoadedGroup;
	alt?: string;
}

export interface Compiled {
	/** entries by every form of their first word, longest first */
	byFirst: Map<string, Entry[]>;
	beforePeople: ReadonlySet<string>;
	people: ReadonlySet<string>;
	kinship: ReadonlySet<string>;
	evaluated: ReadonlySet<string>;
	introducers: ReadonlySet<string>;
}

/** Builds the lookup tables once: every inflection of every entry. */
function compile(): Compiled {
	const byFirst = new Map<string, Entry[]>();
	for (const group of LOADED_GROUPS) {
		for (const raw of entries(group.entries)) {
			const [words, alt] = raw.split('>').map((x) => x.trim());
			const parts = words.split(' ').map((w) => new Set(inflections(w)));
			const entry: Entry = { parts, group, alt };
			for (const form of parts[0]) {
				const list = byFirst.get(form) ?? [];
				// an entry listed in two groups keeps its first (stronger) group
				if (!list.some((e) => sameWords(e, entry))) list.push(entry);
				byFirst.set(form, list);
			}
		}
	}
	for (const list of byFirst.values()) list.sort((x, y) => y.parts.length - x.parts.length);
	const set = (list: string) => new Set(entries(list).flatMap(inflections));
	return {
		byFirst,
		beforePeople: new Set(entries(BEFORE_PEOPLE_ONLY)),
		people: set(PEOPLE_WORDS),
		kinship: set(KINSHIP_WORDS),
		evaluated: set(EVALUATED_NOUNS),
		introducers: new Set(entries(QUOTE_INTRODUCERS))
	};
}

/** Whether two entries spell the same words. */
function sameWords(x: Entry, y: Entry): boolean {
	if (x.parts.length !== y.parts.length) return false;
	return x.parts.every((p, i) => [...p][0] === [...y.parts[i]][0]);
}

let compiled: Compiled | undefined;

/** The compiled lexicon, built on first use. */
export function loadedLexicon(): Compiled {
	return (compiled ??= compile());
}

/** A word as the lexicon spells it: lower case, straight apostrophe, no possessive. */
export function key(t: Token): string {
	// most words have no apostrophe: then both replacements leave them as they are
	if (t.text.indexOf("'") < 0 && t.text.indexOf('\u2019') < 0) return t.text.toLowerCase();
	return t.text
		.toLowerCase()
		.replace(/\u2019/g, "'")
		.replace(/'s$/, '');
}

import { describe, expect, it } from 'vitest';
import type { TaggedToken } from './pos';
import { acronymOf, among, sameFamily } from './word-forms';

/** Tokens of the given words (only the text and lemma matter here). */
const tokens = (...words: string[]) =>
	words.map(
		(text, i) =>
			({ text, lemma: text.toLowerCase(), pos: 'NOUN', start: i, end: i + 1 }) as TaggedToken
	);

describe('sameFamily', () => {
	it.each([
		['discussion', 'discuss', true],
		['lead', 'leader', true],
		['rep', 'representative', true],
		['gov.', 'governor', true],
		['protestor', 'protester', true],
		['dictator', 'leader', false],
		['postpone', 'delay', false],
		['agreement', 'deal', false],
		['resister', 'resident', false]
	])('%s / %s -> %s', (x, y, want) => {
		expect(sameFamily(x, y)).toBe(want);
	});
});

describe('acronymOf', () => {
	it.each([
		[['GM'], ['general', 'manager'], true],
		[['I.C.E.'], ['Immigration', 'Customs', 'Enforcement'], true],
		[['GM'], ['manager'], false],
		[['boss'], ['general', 'manager'], false]
	])('%j of %j -> %s', (short, long, want) => {
		expect(acronymOf(tokens(...short), tokens(...long))).toBe(want);
	});
});

describe('among', () => {
	it.each([
		['discussions', ['discuss'], true],
		['resisters', ['migrant', 'war'], false]
	])('%s among %j -> %s', (word, others, want) => {
		expect(among(tokens(word)[0], others)).toBe(want);
	});
});

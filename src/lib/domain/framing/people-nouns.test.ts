import { describe, expect, it } from 'vitest';
import { namesPeople } from './people-nouns';
import type { TaggedToken } from './pos';

/** A noun token of a word and its lemma. */
const noun = (text: string, lemma = text.toLowerCase()) =>
	({ text, lemma, pos: 'NOUN', start: 0, end: text.length }) as TaggedToken;

describe('namesPeople', () => {
	it.each([
		['migrants', 'migrant', true],
		['resisters', 'resister', true],
		['attorney', 'attorney', true],
		['children', 'child', true],
		['publicist', 'publicist', true],
		['government', 'government', false],
		['accident', 'accident', false],
		['magazine', 'magazine', false],
		['site', 'site', false]
	])('%s -> %s', (text, lemma, want) => {
		expect(namesPeople(noun(text, lemma))).toBe(want);
	});
});

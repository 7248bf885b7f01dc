import { describe, expect, it } from 'vitest';
import { tokenize } from '../text/tokens';
import { buildNameLexicon, extractEntities, isHeadlineCase } from './entities';

/** Names in the last sentence of `sentences`, with the lexicon built from all of them. */
function names(...sentences: string[]) {
	const tokenLists = sentences.map((s) => tokenize(s));
	const lexicon = buildNameLexicon(tokenLists);
	return extractEntities(tokenLists[tokenLists.length - 1], lexicon).map((e) => [e.text, e.keys]);
}

describe('extractEntities', () => {
	it.each([
		[
			['Word comes that Tara Reid has entered the Promises Treatment Center in Malibu.'],
			[
				['Tara Reid', ['tara', 'reid']],
				['Promises Treatment Center', ['promise', 'treatment', 'center']],
				['Malibu', ['malibu']]
			]
		],
		// titles are dropped from the keys, so "President Biden" and "Biden" match
		[['He met President Joe Biden.'], [['President Joe Biden', ['joe', 'biden']]]],
		// connectors join name parts
		[['A loan from the Bank of America.'], [['Bank of America', ['bank', 'america']]]],
		// "U.S." and "US" give one key
		[['Flights to the U.S. resumed.'], [['U.S.', ['us']]]],
		// a sentence-initial everyday word is not a name
		[['Another day in Hollywood.'], [['Hollywood', ['hollywood']]]],
		// ... but a sentence-initial name is, when the article capitalises it elsewhere
		[['They saw Reid there.', 'Reid left.'], [['Reid', ['reid']]]],
		// headline case: only words that are names elsewhere or not everyday English
		[
			['Lindsay Lohan Checks Into Malibu Rehab'],
			[
				['Lindsay Lohan', ['lindsay', 'lohan']],
				['Malibu', ['malibu']]
			]
		],
		// months and weekdays are dates, not names
		[['It happened on Monday in March.'], []]
	])('%j', (sentences, expected) => {
		expect(names(...sentences)).toEqual(expected);
	});
});

describe('isHeadlineCase', () => {
	it.each([
		['Lindsay Lohan Checks Into Betty Ford Center', true],
		['PHILADELPHIA 76ERS FIRED THE COACH', true],
		['Lindsay Lohan checks into rehab at the Betty Ford Center', false],
		['Sam Carliner', false]
	])('%s → %s', (text, expected) => {
		expect(isHeadlineCase(tokenize(text))).toBe(expected);
	});
});

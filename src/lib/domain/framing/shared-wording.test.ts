import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sentenceWords } from './shared-wording';

describe('sentenceWords: stems', () => {
	it.each([
		['The meat grinder', ['the', 'mea', 'gri']],
		['Family men fought', ['fam', 'man', 'fig']],
		// "torn" is a form of "tear" (both articles' words are stemmed alike)
		['war-torn, "x-ray" 5 days', ['war', 'tea', 'x', 'ray', 'day']],
		['', []],
		// letters of any script, outside the Basic Multilingual Plane too; marks and digits split
		['Zürich ΑΘΗΝΑ 𝐀bc ab1cd', ['zür', 'αθη', '𝐀b', 'ab', 'cd']]
	])('%s -> %j', (text, want) => {
		expect(sentenceWords(text).stems).toEqual(want);
	});

	it('reads the words a letter-run expression reads, in any script', () => {
		const pieces = fc.constantFrom(
			'ab',
			'Q',
			'é',
			'e\u0301',
			'ж',
			'中',
			'𝐀',
			'\uD800',
			' ',
			'-',
			'1',
			'.'
		);
		fc.assert(
			fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
				const text = parts.join('');
				const words = text.match(/\p{L}+/gu) ?? [];
				expect(sentenceWords(text).stems).toEqual(words.map((w) => w.toLowerCase().slice(0, 3)));
			}),
			{ numRuns: 500 }
		);
	});
});

describe('sentenceWords: phrase stem pairs', () => {
	it.each([
		['The meat grinder of war', ['mea gri']],
		// three plain words: two pairs; a capital or a function word breaks the chain
		['into the deadly meat grinder', ['dea mea', 'mea gri']],
		['Russian war resisters', ['war res']],
		['the war-torn country', ['war tea', 'tea cou']],
		['the president of the company', []],
		// "in-laws" may be one token or three: the hyphened parts always count
		['their in-laws visited', ['in law', 'law vis']],
		['Family men', []],
		['family men', ['fam man']],
		['go to war now', ['war now']]
	])('%s -> %j', (text, want) => {
		expect(sentenceWords(text).pairs).toEqual(want);
	});
});

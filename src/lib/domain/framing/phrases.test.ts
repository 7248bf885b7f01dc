import { describe, expect, it } from 'vitest';
import { chunkPhrases } from './phrases';
import { tagText } from './pos';

/** [head, kind, role, preposition] of every phrase of a sentence. */
const shape = (text: string) =>
	chunkPhrases(tagText(text)).map((p) => [p.head.text, p.kind[0], p.role, p.prep]);

describe('chunkPhrases', () => {
	it.each([
		{
			text: 'The dictator postponed the talks.',
			want: [
				['dictator', 'n', 'subject', ''],
				['postponed', 'v', 'predicate', ''],
				['talks', 'n', 'object', '']
			]
		},
		{
			text: 'Tara Reid has checked into the Promises clinic in Malibu.',
			want: [
				['Reid', 'n', 'subject', ''],
				['checked', 'v', 'predicate', ''],
				['clinic', 'n', 'oblique', 'into'],
				['Malibu', 'n', 'oblique', 'in']
			]
		},
		{
			// a possessive splits the possessor from what it possesses
			text: "Reid's representative confirmed the stay.",
			want: [
				['Reid', 'n', 'subject', ''],
				['representative', 'n', 'subject', ''],
				['confirmed', 'v', 'predicate', ''],
				['stay', 'n', 'object', '']
			]
		},
		{
			// a new clause after "that" has its own subject
			text: 'Officials said that the leader would resign.',
			want: [
				['Officials', 'n', 'subject', ''],
				['said', 'v', 'predicate', ''],
				['leader', 'n', 'subject', ''],
				['resign', 'v', 'predicate', '']
			]
		},
		{
			// a clause opener tagged as an adverb still ends the object slot
			text: 'The officials were indicating when the deportations began.',
			want: [
				['officials', 'n', 'subject', ''],
				['indicating', 'v', 'predicate', ''],
				['deportations', 'n', 'subject', ''],
				['began', 'v', 'predicate', '']
			]
		}
	])('$text', ({ text, want }) => {
		expect(shape(text)).toEqual(want);
	});

	it('marks pronouns and names', () => {
		const [she, , name] = chunkPhrases(tagText('She met Donald Trump.'));
		expect([she.pronoun, she.name, name.pronoun, name.name]).toEqual([true, false, false, true]);
	});
});

import { describe, expect, it } from 'vitest';
import { clipText } from './clip';

/** Characters as a reader counts them (an emoji is one). */
const count = (s: string) =>
	[...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(s)].length;

const FACT =
	'the Guardian revealed that the Biden administration had discreetly resumed deportations to Russia';

describe('clipText', () => {
	it.each([
		['short text, unchanged', 'The council voted.', 60, 'The council voted.'],
		['exactly the limit, unchanged', 'a'.repeat(60), 60, 'a'.repeat(60)],
		['empty', '', 60, ''],
		[
			'cut after the last whole word that fits',
			FACT,
			60,
			'the Guardian revealed that the Biden administration had…'
		],
		['a space right at the limit keeps the word before it', 'abcd efgh ijkl', 10, 'abcd efgh…'],
		['a word ending just past the limit is left out', 'abcdef ghij kl', 10, 'abcdef…'],
		['one long word: cut inside it', 'Donaudampfschifffahrtsgesellschaft', 12, 'Donaudampfs…'],
		[
			'a long last word keeping less than half: cut inside it',
			'ab Donaudampfschifffahrt',
			12,
			'ab Donaudam…'
		],
		['the comma before the cut goes', 'the council, the mayor and the press', 16, 'the council…'],
		['a dash before the cut goes', 'The vote — a surprise to many', 12, 'The vote…'],
		[
			'line breaks and runs of spaces become one space',
			'The  vote\n\nwas\tclose',
			60,
			'The vote was close'
		],
		['an emoji (two code points) is never split', '🗳️🗳️🗳️🗳️🗳️🗳️', 5, '🗳️🗳️🗳️🗳️…'],
		['nor an accent written as a second code point', 'cafe\u0301s cafe\u0301s', 6, 'cafe\u0301s…'],
		['limit of one: the mark alone', 'The vote', 1, '…'],
		['limit of zero: nothing', 'The vote', 0, '']
	])('%s', (_name, text, max, expected) => {
		expect(clipText(text, max)).toBe(expected);
	});

	it.each([1, 2, 5, 10, 30, 59, 60, 61])(
		'never longer than the limit (%i), and "…" whenever the text was cut',
		(max) => {
			for (const text of [FACT, 'x'.repeat(100), `${'word '.repeat(30)}end`, '🗳️'.repeat(40)]) {
				const clipped = clipText(text, max);
				expect(count(clipped)).toBeLessThanOrEqual(max);
				expect(clipped.endsWith('…')).toBe(count(text) > max);
			}
		}
	);
});

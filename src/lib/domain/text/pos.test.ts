import { describe, expect, it } from 'vitest';
import { tagWords } from './pos';

describe('tagWords', () => {
	it.each([
		['Biden is deporting Russians.', { deporting: ['VERB', 'deport'], Biden: ['PROPN', 'biden'] }],
		[
			'The deportations resumed in March.',
			{ deportations: ['NOUN', 'deportation'], resumed: ['VERB', 'resume'] }
		],
		['Many Russians fled the draft.', { fled: ['VERB', 'flee'], draft: ['NOUN', 'draft'] }]
	])('%s', (text, expected) => {
		const words = tagWords(text);
		for (const [surface, [pos, lemma]] of Object.entries(expected)) {
			const w = words.find((x) => x.text === surface);
			expect(w?.pos).toBe(pos);
			expect(w?.lemma).toBe(lemma);
		}
	});

	it('is deterministic', () => {
		expect(tagWords('Police arrested a man.')).toEqual(tagWords('Police arrested a man.'));
	});
});

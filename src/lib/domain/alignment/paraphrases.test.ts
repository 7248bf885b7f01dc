import { describe, expect, it } from 'vitest';
import { lemmatize } from '../text/tokens';
import { paraphraseGroup } from './paraphrases';

describe('paraphraseGroup', () => {
	it.each([
		// near-synonyms of one act or thing share a group
		[['quake', 'tremor', 'earthquake'], 'earthquake'],
		[['fled', 'escaped', 'fleeing'], 'escape'],
		[['paused', 'suspended', 'halted'], 'pause'],
		[['lawyer', 'attorney'], 'lawyer'],
		[['frontlines', 'front', 'battlefield'], 'front'],
		// the lemmatiser's "injur" for "injured" still finds the group
		[['injured', 'injury', 'wounded'], 'injure']
	])('%j → %s', (words, group) => {
		for (const w of words) expect(paraphraseGroup(lemmatize(w))).toBe(group);
	});

	it.each(['fire', 'strike', 'check', 'say', 'refugee', 'number'])(
		'%s has no group (split senses, attribution, framing or unlisted)',
		(word) => {
			expect(paraphraseGroup(word)).toBeUndefined();
		}
	);
});

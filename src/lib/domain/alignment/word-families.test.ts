import { describe, expect, it } from 'vitest';
import { buildWordFamilies } from './word-families';

describe('buildWordFamilies', () => {
	it.each([
		[['deportation', 'deport'], 'deportation', 'deport'],
		[['deportee', 'deportation', 'deport'], 'deportee', 'deport'],
		[['imprison', 'prison'], 'imprison', 'prison'],
		[['killer', 'kill'], 'killer', 'kill'],
		[['information', 'inform'], 'information', 'inform'],
		// the base must occur in the pair: no accidental stems
		[['number'], 'number', 'number'],
		[['information'], 'information', 'information'],
		// too short a base is never taken ("station" → "st")
		[['station', 'st'], 'station', 'station'],
		[['resistance', 'resist'], 'resistance', 'resist'],
		// a stem that lost its e is the word with the e ("damaged" → "damag")
		[['damag', 'damage'], 'damag', 'damage'],
		// but a real word never loses its identity to a longer one ("plan" is not "plane")
		[['plan', 'plane'], 'plan', 'plan'],
		// paraphrases join one group, derived forms included ("deportation" → "deport")
		[['quake', 'tremor'], 'tremor', 'earthquake'],
		[['deportation', 'expel'], 'deportation', 'deport'],
		[['flee'], 'flee', 'escape']
	])('%j: %s → %s', (vocabulary, lemma, family) => {
		expect(buildWordFamilies(new Set(vocabulary)).get(lemma)).toBe(family);
	});
});

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
		[['deportation'], 'deportation', 'deportation'],
		// too short a base is never taken ("station" → "st")
		[['station', 'st'], 'station', 'station']
	])('%j: %s → %s', (vocabulary, lemma, family) => {
		expect(buildWordFamilies(new Set(vocabulary)).get(lemma)).toBe(family);
	});
});

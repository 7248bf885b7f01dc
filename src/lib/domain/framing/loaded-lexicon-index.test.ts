import { describe, expect, it } from 'vitest';
import type { Token } from '../types';
import { key, loadedLexicon } from './loaded-lexicon-index';

describe('loadedLexicon', () => {
	it('indexes every inflection of an entry by its first word', () => {
		const { byFirst } = loadedLexicon();
		for (const form of ['slam', 'slams', 'slammed', 'slamming']) {
			expect(byFirst.get(form)?.length ?? 0, form).toBeGreaterThan(0);
		}
		expect(byFirst.get('said')).toBeUndefined();
	});

	it('is built once', () => {
		expect(loadedLexicon()).toBe(loadedLexicon());
	});
});

describe('key', () => {
	it.each([
		['Slammed', 'slammed'],
		['Putin’s', 'putin'],
		["regime's", 'regime'],
		['don’t', "don't"]
	])('%s -> %s', (text, want) => {
		expect(key({ text, start: 0, end: text.length, kind: 'word' } as Token)).toBe(want);
	});
});

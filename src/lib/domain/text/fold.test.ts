import { describe, expect, it } from 'vitest';
import { ACCENTED_LETTERS, PLAIN_LETTERS, foldAccents } from './fold';

describe('foldAccents', () => {
	it.each([
		['plain text unchanged', 'Harbour wall', 'Harbour wall'],
		['umlaut', 'Älpha', 'Alpha'],
		['acute and tilde', 'José Peña', 'Jose Pena'],
		['a decomposed accent (e + U+0301)', 'Jose\u0301', 'Jose'],
		['Polish, Czech, Romanian', 'Łódź Dvořák Știri', 'Lodz Dvorak Stiri'],
		['ß stays (two letters plain)', 'Straße', 'Straße'],
		['other scripts unchanged', 'Москва 東京', 'Москва 東京'],
		['empty', '', '']
	])('%s', (_name, text, folded) => {
		expect(foldAccents(text)).toBe(folded);
	});

	it('has one plain letter per accented letter, each a single UTF-16 unit (for translate())', () => {
		expect(PLAIN_LETTERS.length).toBe(ACCENTED_LETTERS.length);
		expect([...ACCENTED_LETTERS].length).toBe(ACCENTED_LETTERS.length);
		expect(new Set(ACCENTED_LETTERS).size).toBe(ACCENTED_LETTERS.length);
		for (const c of PLAIN_LETTERS) expect(c).toMatch(/^[A-Za-z]$/);
	});
});

import { describe, expect, it } from 'vitest';
import { cleanDisplayName, isTeacherName, nameKey } from './display-names';

describe('cleanDisplayName', () => {
	it.each([
		['  Ana  ', 'Ana'],
		['Ana\u200b', 'Ana'],
		['\u200bAna', 'Ana'],
		['A\u2060na\ufeff', 'Ana'],
		['Ana\u200d', 'Ana'],
		['\u202eanA', 'anA'],
		['\u200b \u200b', ''],
		// a joiner inside a name stays: scripts and emoji sequences need it
		['Ana 👩\u200d🏫', 'Ana 👩\u200d🏫']
	])('%j → %j', (typed, stored) => {
		expect(cleanDisplayName(typed)).toBe(stored);
	});
});

describe('nameKey', () => {
	it.each([
		['Ana', 'ana'],
		['ＡＮＡ', 'ana'],
		['Ana  Lee', 'ana lee'],
		['Ana\u200d', 'ana'],
		['A\u200cna', 'ana'],
		['\u0410na', 'ana'], // Cyrillic А
		['\u0391na', 'ana'], // Greek Α
		['B\u043eb', 'bob'], // Cyrillic о
		['\u0412\u041e\u0412', 'bob'], // Cyrillic ВОВ
		['José', 'josé'],
		['Ян', 'ян'] // a Cyrillic name that prints as no Latin one keeps its letters
	])('nameKey(%j) = %j', (name, key) => {
		expect(nameKey(name)).toBe(key);
	});

	it('keeps names apart that a reader tells apart', () => {
		expect(nameKey('Ian')).not.toBe(nameKey('Lan'));
		expect(nameKey('José')).not.toBe(nameKey('Jose'));
	});
});

describe('isTeacherName', () => {
	it.each([
		['Teacher', true],
		['teacher 2', true],
		['TEACHER2', true],
		['Teacher!', true],
		['Teachers', true],
		['T\u0435acher', true], // Cyrillic е
		['Teacher\u200b', true],
		['Teacher’s pet', false],
		['Teaching Assistant', false],
		['Ana', false],
		['Mr Teach', false]
	])('%j → %j', (name, reserved) => {
		expect(isTeacherName(name)).toBe(reserved);
	});
});

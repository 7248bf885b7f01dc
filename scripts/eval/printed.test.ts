import { describe, expect, it } from 'vitest';
import { asLines, asPrinted, detokenise } from './printed';

describe('detokenise', () => {
	it.each([
		["Reid 's representative , Jack , said .", "Reid's representative, Jack, said."],
		["the star of \" American Pie '' was", 'the star of "American Pie" was'],
		['going to happen . " TMZ reported', 'going to happen." TMZ reported'],
		["it did n't ( really ) cost $ 5 %", "it didn't (really) cost $5%"],
		['Lohan ’ s lawyer', 'Lohan’s lawyer'],
		['plain words stay', 'plain words stay']
	])('%s', (line, printed) => {
		expect(detokenise(line)).toBe(printed);
	});
});

describe('asPrinted', () => {
	it('keeps a headline alone and joins up to three sentences a paragraph', () => {
		const p = asPrinted('Title here\nA one .\nB two .\nC three .\nD four .');
		expect(p.text).toBe('Title here\n\nA one. B two. C three.\n\nD four.');
		expect(p.lineStarts.map((s) => p.text.slice(s, s + 5))).toEqual([
			'Title',
			'A one',
			'B two',
			'C thr',
			'D fou'
		]);
	});

	it('starts a paragraph after a line with no sentence end', () => {
		const p = asPrinted('A one .\nMay 2 , 2013\nB two .');
		expect(p.text).toBe('A one.\n\nMay 2, 2013\n\nB two.');
	});
});

describe('asLines', () => {
	it('gives each line its offset', () => {
		expect(asLines('ab\ncd\n\nef').lineStarts).toEqual([0, 3, 6, 7]);
	});
});

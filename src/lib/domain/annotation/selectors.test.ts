import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	createCodePointIndex,
	fromCodePointOffset,
	isInsideSurrogatePair,
	nextOccurrence,
	toCodePointOffset
} from './selectors';

describe('code-point offsets', () => {
	const cases: { name: string; text: string; utf16: number; cp: number }[] = [
		{ name: 'empty text', text: '', utf16: 0, cp: 0 },
		{ name: 'ASCII is the same', text: 'lorem', utf16: 3, cp: 3 },
		{ name: 'before an emoji', text: 'l😃rem', utf16: 1, cp: 1 },
		{ name: 'after an emoji', text: 'l😃rem', utf16: 3, cp: 2 },
		{ name: 'end after two emoji', text: '😃👍🏽x', utf16: 7, cp: 4 },
		{ name: 'BMP accents count one each', text: 'café ñ', utf16: 6, cp: 6 },
		{ name: 'lone high surrogate counts one', text: 'a\ud83db', utf16: 3, cp: 3 },
		{ name: 'lone low surrogate counts one', text: 'a\ude03b', utf16: 2, cp: 2 }
	];
	it.each(cases)('$name', ({ text, utf16, cp }) => {
		const index = createCodePointIndex(text);
		expect(index.toCodePoint(utf16)).toBe(cp);
		expect(index.fromCodePoint(cp)).toBe(utf16);
		expect(toCodePointOffset(text, utf16)).toBe(cp);
		expect(fromCodePointOffset(text, cp)).toBe(utf16);
	});

	it('rounds an offset inside a surrogate pair down to the pair', () => {
		expect(isInsideSurrogatePair('l😃rem', 2)).toBe(true);
		expect(isInsideSurrogatePair('l😃rem', 3)).toBe(false);
		expect(createCodePointIndex('l😃rem').toCodePoint(2)).toBe(1);
		expect(toCodePointOffset('l😃rem', 2)).toBe(1);
	});

	const outOfRange: { name: string; run: () => number }[] = [
		{ name: 'UTF-16 past the end', run: () => createCodePointIndex('ab').toCodePoint(3) },
		{ name: 'negative UTF-16', run: () => toCodePointOffset('ab', -1) },
		{ name: 'code point past the end', run: () => createCodePointIndex('😃').fromCodePoint(2) },
		{ name: 'code point past the end, one scan', run: () => fromCodePointOffset('😃', 2) },
		{ name: 'fractional code point', run: () => fromCodePointOffset('abc', 1.5) }
	];
	it.each(outOfRange)('throws RangeError: $name', ({ run }) => {
		expect(run).toThrow(RangeError);
	});

	it('agrees with Array.from on any text (property)', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
				const index = createCodePointIndex(text);
				const points = Array.from(text);
				expect(index.length).toBe(points.length);
				let utf16 = 0;
				for (let cp = 0; cp <= points.length; cp++) {
					expect(index.fromCodePoint(cp)).toBe(utf16);
					expect(index.toCodePoint(utf16)).toBe(cp);
					expect(toCodePointOffset(text, utf16)).toBe(cp);
					expect(fromCodePointOffset(text, cp)).toBe(utf16);
					utf16 += points[cp]?.length ?? 0;
				}
			})
		);
	});
});

describe('nextOccurrence', () => {
	const cases: { name: string; text: string; exact: string; starts: number[] }[] = [
		{ name: 'overlapping', text: 'banana', exact: 'ana', starts: [1, 3] },
		{ name: 'none', text: 'banana', exact: 'x', starts: [] },
		{ name: 'empty quote at every offset', text: 'ab', exact: '', starts: [0, 1, 2] }
	];
	it.each(cases)('$name', ({ text, exact, starts }) => {
		const found: number[] = [];
		for (let i = text.indexOf(exact); i !== -1; i = nextOccurrence(text, exact, i)) found.push(i);
		expect(found).toEqual(starts);
	});
});

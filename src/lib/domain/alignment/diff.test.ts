import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildWordDiff } from './diff';

/** The text of one side, rebuilt from the parts. */
function side(parts: ReturnType<typeof buildWordDiff>, s: 'a' | 'b'): string {
	return parts
		.filter((p) => p.side === 'both' || p.side === s)
		.map((p) => p.value)
		.join('');
}

describe('buildWordDiff', () => {
	it.each([
		[
			'in March 2023, the Guardian revealed',
			'on March 18, the Guardian reported',
			['March', 'the Guardian'],
			['2023', 'revealed'],
			['18', 'reported']
		],
		['the  Guardian said  it', 'the Guardian said\tit', ['Guardian', 'said'], [], []],
		['Héllo wörld 😀 ok', 'Héllo 😀 ok', ['Héllo', '😀 ok'], ['wörld'], []],
		['', 'only in b', [], [], ['only in b']]
	])('%s | %s', (a, b, common, onlyA, onlyB) => {
		const parts = buildWordDiff(a, b);
		expect(side(parts, 'a')).toBe(a);
		expect(side(parts, 'b')).toBe(b);
		const text = (s: string) =>
			parts
				.filter((p) => p.side === s)
				.map((p) => p.value)
				.join('|');
		for (const w of common) expect(text('both')).toContain(w);
		for (const w of onlyA) expect(text('a')).toContain(w);
		for (const w of onlyB) expect(text('b')).toContain(w);
	});

	it('covers both passages exactly for any texts', () => {
		const words = fc.constantFrom('the', 'Guardian', 'March', '18', ',', '.', 'ok', '😀', 'é');
		const spaces = fc.constantFrom(' ', '  ', '\t', ' \n ');
		const passage = fc
			.array(fc.tuple(words, spaces), { maxLength: 12 })
			.map((xs) => xs.map(([w, s]) => w + s).join(''));
		fc.assert(
			fc.property(passage, passage, (a, b) => {
				const parts = buildWordDiff(a, b);
				expect(side(parts, 'a')).toBe(a);
				expect(side(parts, 'b')).toBe(b);
				// a real diff, not the fallback: common words are found
				if (a.trim() !== '' && a === b) expect(parts.every((p) => p.side === 'both')).toBe(true);
			})
		);
	});
});

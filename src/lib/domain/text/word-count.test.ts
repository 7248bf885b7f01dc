import { describe, expect, it } from 'vitest';
import { wordsOf } from './furniture-rules';
import { letteredWordCount, wordCount } from './word-count';

/** The count as a regular expression states it (what letteredWordCount replaces). */
const byExpression = (text: string) => text.match(/\S*[\p{L}\p{N}]\S*/gu)?.length ?? 0;

describe('letteredWordCount', () => {
	it.each([
		['', 0],
		['   ', 0],
		['Skip to content', 3],
		['Share | Tweet — now', 3],
		[' , . ; ', 0],
		['U.S. 26,580 "quoted"', 3],
		['naïve Ünïcode café', 3],
		['数字 𠀋𠀌 text', 3],
		['—𝟙 alone', 2],
		['no\u00a0break\u2009thin\u3000ideographic\ufeffbom\u2028line', 6],
		['one\u200bzero-width-space', 1],
		['Share: Facebook | X | Email', 4]
	])('counts %j as the expression does', (text, n) => {
		expect(letteredWordCount(text)).toBe(n);
		expect(byExpression(text)).toBe(n);
	});

	it('stops once past the limit', () => {
		expect(letteredWordCount('a b c d e f', 2)).toBe(3);
		expect(letteredWordCount('a b', 2)).toBe(2);
	});
});

describe('wordCount', () => {
	it.each([
		['', 0],
		['   ', 0],
		['Skip to content', 3],
		['  two\twords  ', 2],
		['no\u00a0break\u2009thin\u3000ideographic\ufeffbom\u2028line', 6],
		['one\u200bzero-width-space', 1],
		['Share: Facebook | X | Email', 6]
	])('counts %j as wordsOf does', (text, n) => {
		expect(wordCount(text)).toBe(n);
		expect(wordsOf(text).length).toBe(n);
	});
});

import { describe, expect, it } from 'vitest';
import { loadedLexicon } from './loaded-lexicon-index';
import { findQuotes, isScareQuote } from './scare-quotes';

/** The quotations of a one-sentence text, as their inner text. */
function quoted(text: string): string[] {
	return findQuotes(text, 0, text.length).map((q) => text.slice(q.open + 1, q.close));
}

describe('findQuotes', () => {
	it.each([
		['They called it “reform” again.', ['reform']],
		['He said "we will stay" and left.', ['we will stay']],
		['It’s the group’s plan, not ‘ours’ to judge.', ['ours']],
		['No quotes in this one.', []],
		['An “unclosed quote runs on.', []]
	])('%s', (text, want) => {
		expect(quoted(text)).toEqual(want);
	});
});

describe('isScareQuote', () => {
	it.each([
		['The government pushed its “reform” through.', true],
		['Critics call it a “reform” of nothing.', false],
		['Their “facts” do not add up.', true],
		['She said it was “unfair” to them.', false],
		['The bill, known as “Remain in Mexico” was passed.', false],
		['They face “credible fear” interviews.', false]
	])('%s -> %s', (text, want) => {
		const sentence = { start: 0, end: text.length };
		const [q] = findQuotes(text, 0, text.length);
		expect(isScareQuote(text, q, sentence, loadedLexicon().introducers)).toBe(want);
	});
});

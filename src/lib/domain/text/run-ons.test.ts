import { describe, expect, it } from 'vitest';
import { isRunOn, splitRunOn } from './run-ons';
import { segmentArticle } from './segment';

const pieces = (text: string) =>
	splitRunOn(text, { start: 0, end: text.length }).map((s) => text.slice(s.start, s.end));
const count = (text: string) => text.split(/\s+/).filter(Boolean).length;

// a transcript pasted without stops: clauses joined by commas, semicolons and conjunctions
const TRANSCRIPT =
	'so the flights were paused last year and people thought they were safe here, then in March the government said it would resume them; families who fled the draft are now afraid to go to court hearings because anyone can be sent back and nobody at the agency will say how many have been deported so far or when the next flight leaves';

describe('isRunOn', () => {
	it.each([
		['a headline', 'Biden Resumes Deportations of Russians Who Fled the Draft', false],
		['a long sentence with a stop', `${'word '.repeat(80).trim()}.`, false],
		['a long line without a stop', 'word '.repeat(41).trim(), true],
		['tokenised punctuation is not words', `${'word , '.repeat(30).trim()}`, false],
		['past any written sentence, stop or not', `${'word '.repeat(121).trim()}.`, true]
	])('%s', (_name, text, expected) => {
		expect(isRunOn(text)).toBe(expected);
	});
});

describe('splitRunOn', () => {
	it('cuts a transcript at its clauses, into readable passages', () => {
		const out = pieces(TRANSCRIPT);
		expect(out.length).toBeGreaterThan(1);
		for (const p of out) expect(count(p)).toBeLessThanOrEqual(40);
		for (const p of out) expect(count(p)).toBeGreaterThanOrEqual(6);
		// the strongest boundaries win: the semicolon ends a passage
		expect(out.some((p) => p.endsWith('resume them;'))).toBe(true);
		// nothing lost, nothing added
		expect(out.join(' ')).toBe(TRANSCRIPT);
	});

	it('cuts words with no boundary at all at 40 words, never leaving a fragment', () => {
		const text = Array.from({ length: 85 }, (_, i) => `w${i}`).join(' ');
		expect(pieces(text).map(count)).toEqual([40, 39, 6]);
	});

	it('leaves ordinary sentences whole', () => {
		const text = 'The flights resumed in March, officials said.';
		expect(pieces(text)).toEqual([text]);
	});

	it('gives a pasted transcript sentences of a readable length in the article', () => {
		const article = segmentArticle(`Deportations resume\n${TRANSCRIPT}`);
		const body = article.sentences.filter((s) => article.paragraphs[s.paragraph].kind === 'body');
		expect(body.length).toBeGreaterThan(1);
		expect(Math.max(...body.map((s) => count(s.text)))).toBeLessThanOrEqual(40);
	});
});

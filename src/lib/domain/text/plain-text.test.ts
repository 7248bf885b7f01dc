import { describe, expect, it } from 'vitest';
import { isSlug, labelMessage, labelProblem, oneLine } from './plain-text';

describe('labelProblem', () => {
	it.each([
		['a title', 'Period 3 — media literacy', {}, null],
		['an emoji', 'Debate 🗳️', {}, null],
		['NUL', 'a\u0000b', {}, 'control'],
		['CR/LF', 'a\r\nb', {}, 'control'],
		['a tab', 'a\tb', {}, 'control'],
		['DEL', 'a\u007fb', {}, 'control'],
		['a lone high surrogate', 'a\ud800b', {}, 'broken'],
		['a lone low surrogate at the end', 'ab\udc00', {}, 'broken'],
		['lines allowed: LF and tab', 'a\n\tb\r\n', { lines: true }, null],
		['lines allowed: NUL still refused', 'a\n\u0000', { lines: true }, 'control'],
		['lines allowed: form feed refused', 'a\fb', { lines: true }, 'control']
	] as const)('%s', (_name, text, options, expected) => {
		expect(labelProblem(text, options)).toBe(expected);
	});

	it('says which field and what is wrong', () => {
		expect(labelMessage('The title', 'control')).toMatch(/^The title contains a line break/);
		expect(labelMessage('The title', 'broken')).toMatch(/broken character/);
	});
});

describe('isSlug', () => {
	it.each([
		['seed', true],
		['ukraine-draft-2023', true],
		['a', true],
		['', false],
		['-seed', false],
		['seed-', false],
		['Seed', false],
		['se\u0000ed', false],
		['seed/x', false],
		['x'.repeat(65), false]
	])('%j → %s', (slug, expected) => {
		expect(isSlug(slug)).toBe(expected);
	});
});

describe('oneLine', () => {
	it.each([
		[' Draft\r\n  and war ', 'Draft and war'],
		['a\tb', 'a b'],
		['a\u0000b', 'a\u0000b'],
		['', '']
	])('%j → %j', (text, expected) => {
		expect(oneLine(text)).toBe(expected);
	});
});

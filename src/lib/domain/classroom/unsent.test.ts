import { describe, expect, it } from 'vitest';
import { dialogLabel, replyLabel, unsentLines } from './unsent';

describe('replyLabel', () => {
	it.each([
		['note', 'Ana', false, 'Your reply to Ana’s note'],
		['shared-fact', 'Ben', false, 'Your reply to Ben’s shared fact'],
		['framing', 'Ana', true, 'Your reply to your framing']
	] as const)('a reply to a %s by %s (own: %s) is “%s”', (kind, authorName, own, expected) => {
		expect(replyLabel({ kind, authorName }, own)).toBe(expected);
	});
});

describe('dialogLabel', () => {
	it.each([
		['note', 'create', 'Your new note on passage 6 in article B'],
		['shared-fact', 'create', 'Your new shared fact on passage 6 in article B'],
		['framing', 'edit', 'Your changes to your framing on passage 6 in article B']
	] as const)('a %s being written (%s)', (kind, mode, expected) => {
		expect(dialogLabel(kind, mode, 'passage 6 in article B')).toBe(expected);
	});
});

describe('unsentLines', () => {
	it('is nothing when nothing was kept', () => {
		expect(unsentLines([])).toEqual([]);
	});

	it('numbers each piece and indents every line of its text', () => {
		expect(
			unsentLines([{ id: '1', label: 'Your reply to Ana’s note', text: 'Yes\nand no' }])
		).toEqual(['Not sent (1)', '', '1. Your reply to Ana’s note', '   Yes', '   and no', '']);
	});
});

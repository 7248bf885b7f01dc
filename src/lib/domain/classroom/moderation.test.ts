import { describe, expect, it } from 'vitest';
import { deleteQuestion, whose } from './moderation';

describe('whose', () => {
	it.each([
		['note', 'Ana', 'Ana’s note'],
		['shared-fact', 'Ben', 'Ben’s shared fact'],
		['framing', 'Ana 2', 'Ana 2’s framing']
	] as const)('a %s by %s is “%s”', (kind, authorName, expected) => {
		expect(whose({ kind, authorName })).toBe(expected);
	});
});

describe('deleteQuestion', () => {
	it.each([
		[0, /^Delete Ana’s note\? /],
		[1, /^Delete Ana’s note and its reply\? /],
		[3, /^Delete Ana’s note and its 3 replies\? /]
	])('with %i replies names what goes with it', (replies, start) => {
		expect(deleteQuestion({ kind: 'note', authorName: 'Ana' }, replies)).toMatch(start);
	});

	it('says it is for good and offers the way that can be undone', () => {
		const question = deleteQuestion({ kind: 'shared-fact', authorName: 'Ben' }, 0);
		expect(question).toContain('cannot be undone');
		expect(question).toContain('Hide keeps it from the students and can be reversed');
	});
});

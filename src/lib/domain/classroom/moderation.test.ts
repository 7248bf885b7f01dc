import { describe, expect, it } from 'vitest';
import { deleteQuestion, goneNotice, whose, type GoneReason } from './moderation';

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

describe('goneNotice', () => {
	const place = 'passage 3 in article A';
	const KEPT = /Your reply was not sent; its text is kept under “Not sent”/;
	it.each<[GoneReason, boolean, boolean, RegExp | null]>([
		// someone else's annotation: said only when the student was replying to it
		['deleted-by-teacher', false, true, /^The teacher deleted Ana’s note\. /],
		['deleted-by-author', false, true, /^Ana deleted the note you were replying to\. /],
		['hidden', false, true, /^The teacher hid Ana’s note from the class\. /],
		['not-shown', false, true, /^Ana’s note is no longer shown on this page\. /],
		['deleted-by-teacher', false, false, null],
		['deleted-by-author', false, false, null],
		['hidden', false, false, null],
		['not-shown', false, false, null],
		// the student's own: the teacher's moderation is always said, where it was
		[
			'hidden',
			true,
			false,
			/^The teacher hid your note on passage 3 in article A: the class no longer sees it/
		],
		[
			'deleted-by-teacher',
			true,
			false,
			/^The teacher deleted your note on passage 3 in article A\.$/
		],
		[
			'deleted-by-teacher',
			true,
			true,
			/^The teacher deleted your note on passage 3 in article A\. Your reply/
		],
		// their own delete (another tab): nothing to tell unless a reply was kept
		['deleted-by-author', true, false, null],
		['deleted-by-author', true, true, /^Your note on passage 3 in article A was deleted\. /]
	])('%s, own %s, reply kept %s', (reason, own, keptReply, expected) => {
		const told = goneNotice({ reason, own, keptReply, kind: 'note', authorName: 'Ana', place });
		if (expected === null) return expect(told).toBeNull();
		expect(told).toMatch(expected);
		if (keptReply) expect(told).toMatch(KEPT);
		else expect(told).not.toMatch(KEPT);
	});
});

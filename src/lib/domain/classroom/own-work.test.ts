import { describe, expect, it } from 'vitest';
import type { Annotation } from '../annotation/model';
import { exportedWork, memberWork, ownWorkText, workCount } from './own-work';

const target = (side: 'a' | 'b', exact: string) =>
	({
		side,
		exact,
		start: 0,
		end: exact.length,
		prefix: '',
		suffix: '',
		articleVersion: 'v'
	}) as const;
const ana = { id: 'm1', name: 'Ana' };
const ben = { id: 'm2', name: 'Ben' };
const base = {
	author: ana,
	scope: { kind: 'room', id: 'r' },
	createdAt: '2026-12-06T10:00:00Z',
	updatedAt: '2026-12-06T10:00:00Z',
	replies: []
} as const;
const reply = (id: string, annotationId: string, author: typeof ana, note: string, at: string) => ({
	id,
	annotationId,
	author,
	note,
	createdAt: at,
	updatedAt: at
});
const fact = {
	...base,
	id: '1',
	kind: 'shared-fact',
	relation: 'different-detail',
	targets: [target('a', 'in March 2023'), target('b', 'on March 18')],
	note: 'The dates differ.',
	replies: [reply('r1', '1', ben, 'Agreed', '2026-12-06T10:05:00Z')]
} as unknown as Annotation;
const framing = {
	...base,
	id: '2',
	kind: 'framing',
	createdAt: '2026-12-06T10:02:00Z',
	frame: '5',
	entman: 'moral-evaluation',
	targets: [target('b', 'heinous')],
	note: ''
} as unknown as Annotation;
const bens = {
	...base,
	author: ben,
	id: '3',
	kind: 'note',
	targets: [target('a', 'About a year ago')],
	note: 'Which agency?',
	replies: [reply('r2', '3', ana, 'ICE, I think', '2026-12-06T10:07:00Z')]
} as unknown as Annotation;
const names = { a: 'Inkstick', b: 'Left Voice' };

describe('memberWork', () => {
	it.each([
		['Ana', ana.id, ['1', '2'], ['r2']],
		['Ben', ben.id, ['3'], ['r1']],
		['someone with nothing', 'm9', [], []]
	])('%s: own annotations, and replies under others’', (_who, id, own, replies) => {
		const work = memberWork([bens, framing, fact], id);
		expect(work.annotations.map((a) => a.id)).toEqual(own);
		expect(work.replies.map((r) => r.reply.id)).toEqual(replies);
	});
});

describe('workCount', () => {
	it.each([
		[[fact, framing, bens], 'm1', '2 annotations, 1 reply'],
		[[fact], 'm2', '1 reply'],
		[[bens], 'm2', '1 annotation'],
		[[fact], 'm9', '']
	] as const)('counts both kinds of work (%#)', (all, id, words) => {
		expect(workCount(memberWork(all, id))).toBe(words);
	});
});

describe('exportedWork', () => {
	it('keeps own threads whole and answered annotations with the member’s replies only', () => {
		const exported = exportedWork(memberWork([fact, bens], ben.id));
		expect(exported.map((a) => a.id)).toEqual(['3', '1']);
		expect(exported[0].replies.map((r) => r.id)).toEqual(['r2']);
		expect(exported[1].replies.map((r) => r.id)).toEqual(['r1']);
	});
});

describe('ownWorkText', () => {
	const text = ownWorkText(memberWork([fact, framing, bens], ana.id), 'Period 4', names);
	it.each([
		['the title and count', 'Period 4 — my work (2 annotations, 1 reply)'],
		['the kind and relation', '1. Shared fact (Same fact, different detail)'],
		['each quote by its outlet', '   Left Voice: “on March 18”'],
		['the note', '   Note: The dates differ.'],
		['replies with their author', '   Reply from Ben: Agreed'],
		['a framing’s Entman function', 'Moral evaluation'],
		['the replies under others’ work', 'My replies (1)'],
		['what a reply answers', '1. To Ben’s note'],
		['the passage it is about', '   Inkstick: “About a year ago”'],
		['the reply itself', '   My reply: ICE, I think']
	])('has %s', (_what, line) => {
		expect(text).toContain(line);
	});

	it('ends with what was not sent', () => {
		const unsent = [
			{ id: 'd', label: 'Your new note on passage 2 in article B', text: 'Line 1\nLine 2' }
		];
		expect(ownWorkText(memberWork([], ana.id), 'Period 4', names, unsent)).toBe(
			[
				'Period 4 — my work (nothing saved)',
				'',
				'Not sent (1)',
				'',
				'1. Your new note on passage 2 in article B',
				'   Line 1',
				'   Line 2',
				''
			].join('\n')
		);
	});
});

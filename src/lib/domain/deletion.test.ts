import { describe, expect, it } from 'vitest';
import {
	analysesToDelete,
	confirmationRequest,
	confirmsDeletion,
	versionsToDelete,
	type AnalysisKey,
	type VersionLink
} from './deletion';

describe('confirmsDeletion', () => {
	it.each([
		['the title', 'Period 5', 'Period 5', true],
		['the title in another case', 'period 5', 'Period 5', true],
		['the title with extra spaces', '  Period   5 ', 'Period 5', true],
		['the word delete', 'delete', 'Period 5', true],
		['DELETE in capitals', ' DELETE ', 'Period 5', true],
		['nothing', '', 'Period 5', false],
		['blanks only', '   ', 'Period 5', false],
		['another title', 'Period 4', 'Period 5', false],
		['part of the title', 'Period', 'Period 5', false],
		['delete with more words', 'delete it', 'Period 5', false],
		['an empty title is never confirmed by blanks', '  ', '', false],
		['a title with curly quotes', 'Vote “A”', 'vote “a”', true]
	])('%s', (_name, typed, title, expected) => {
		expect(confirmsDeletion(typed, title)).toBe(expected);
	});

	it('asks with the noun and the title', () => {
		expect(confirmationRequest('room', 'Period 5')).toBe(
			'Type the room’s title (Period 5) or the word delete to confirm.'
		);
	});
});

/** Links from a compact notation: 'a1<a2' is a2 replacing a1; a lone id has no history. */
function links(...chains: string[]): VersionLink[] {
	const out = new Map<string, string | null>();
	for (const chain of chains) {
		const ids = chain.split('<');
		ids.forEach((id, i) => {
			if (i > 0) out.set(id, ids[i - 1]);
			else if (!out.has(id)) out.set(id, null);
		});
	}
	return [...out].map(([id, previousId]) => ({ id, previousId }));
}

const sorted = (s: Iterable<string>) => [...s].sort();

describe('versionsToDelete', () => {
	it.each([
		['nothing needed: the whole family goes', links('a1<a2', 'b1'), [], ['a1', 'a2', 'b1']],
		['a copy shows the unchanged side: it stays', links('a1<a2', 'b1'), ['b1'], ['a1', 'a2']],
		[
			'a copy edited from an older version: that one and its history stay',
			links('a1<a2<a3', 'a2<c3', 'b1'),
			['c3'],
			['a3', 'b1']
		],
		[
			'an annotation elsewhere points at the oldest version: only it stays',
			links('a1<a2'),
			['a1'],
			['a2']
		],
		[
			'an edit reverted to an older text: the newer version goes too',
			links('a1<a2'),
			[],
			['a1', 'a2']
		],
		['needed ids outside the family change nothing', links('a1'), ['x9'], ['a1']],
		['everything needed: nothing goes', links('a1<a2'), ['a2'], []]
	])('%s', (_name, family, needed, expected) => {
		expect(sorted(versionsToDelete(family, needed))).toEqual(expected);
	});
});

describe('analysesToDelete', () => {
	const key = (aHash: string, bHash: string, engineVersion = 'e1'): AnalysisKey => ({
		aHash,
		bHash,
		engineVersion
	});
	const own = { aHash: 'A', bHash: 'B' };
	it.each([
		['its own pair, every engine version', [key('A', 'B'), key('A', 'B', 'e0')], [], [], 2],
		['its own pair shown by a comparison that stays', [key('A', 'B')], [], ['A B'], 0],
		['the reverse pair is another analysis', [key('B', 'A')], [], [], 0],
		['a pair with a text gone from the database', [key('A0', 'X')], ['A0'], [], 1],
		['a pair whose texts both stay elsewhere', [key('A0', 'X')], [], [], 0],
		['a gone text even in a pair shown (cannot be)', [key('A', 'B')], ['A'], ['A B'], 1]
	])('%s', (_name, cached, gone, shown, expected) => {
		expect(analysesToDelete(cached, new Set(gone), own, new Set(shown))).toHaveLength(expected);
	});
});

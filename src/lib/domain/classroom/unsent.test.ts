import { describe, expect, it } from 'vitest';
import { replyLabel } from './unsent';

describe('replyLabel', () => {
	it.each([
		['note', 'Ana', false, 'Your reply to Ana’s note'],
		['shared-fact', 'Ben', false, 'Your reply to Ben’s shared fact'],
		['framing', 'Ana', true, 'Your reply to your framing']
	] as const)('a reply to a %s by %s (own: %s) is “%s”', (kind, authorName, own, expected) => {
		expect(replyLabel({ kind, authorName }, own)).toBe(expected);
	});
});

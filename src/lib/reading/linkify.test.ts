import { describe, expect, it } from 'vitest';
import { linkify } from './linkify';

describe('linkify', () => {
	it.each([
		{ note: '', parts: [] },
		{ note: 'plain text', parts: [{ text: 'plain text' }] },
		{
			note: 'see https://example.org/a?b=1.',
			parts: [
				{ text: 'see ' },
				{ text: 'https://example.org/a?b=1', href: 'https://example.org/a?b=1' },
				{ text: '.' }
			]
		},
		{
			note: '(http://a.io) and <script>x</script>',
			parts: [
				{ text: '(' },
				{ text: 'http://a.io', href: 'http://a.io' },
				{ text: ') and <script>x</script>' }
			]
		},
		{ note: 'javascript:alert(1) stays text', parts: [{ text: 'javascript:alert(1) stays text' }] }
	])('$note', ({ note, parts }) => {
		expect(linkify(note)).toEqual(parts);
		expect(
			linkify(note)
				.map((p) => p.text)
				.join('')
		).toBe(note);
	});
});

import { describe, expect, it } from 'vitest';
import { normalizeText } from '../lib/domain/text';
import { createPositionMapper } from './positions';

describe('createPositionMapper', () => {
	it.each([
		// [raw text, quote in the normalised text, expected code-point start]
		['😀 Hi there.', 'Hi there.', 2],
		['🇺🇸 flag then text', 'text', 13],
		['\uFEFFBOM\r\nline two', 'line two', 6],
		['plain ascii', 'ascii', 6],
		['e\u0301 composed', 'composed', 3]
	])('%j: %s starts at %i', (raw, quote, start) => {
		const { text } = normalizeText(raw);
		const i = text.indexOf(quote);
		const p = createPositionMapper(raw).toPosition(i, i + quote.length);
		expect(p.exact).toBe(quote);
		expect(p.start).toBe(start);
		expect([...raw].slice(p.start, p.end).join('')).toBe(quote);
	});
});

import { describe, expect, it } from 'vitest';
import { toHttpUrl, toIsoDate } from './meta-values';

describe('toIsoDate', () => {
	it.each([
		['2023-03-26', '2023-03-26'],
		['2023-03-26T22:30:00-04:00', '2023-03-26'],
		['2023-03', '2023-03'],
		['2023', '2023'],
		['March 26, 2023', '2023-03-26'],
		[new Date(Date.UTC(2024, 4, 2)), '2024-05-02'],
		['2023-13-01', undefined],
		['not a date', undefined],
		[42, undefined],
		[undefined, undefined]
	])('%j -> %j', (input, expected) => {
		expect(toIsoDate(input)).toBe(expected);
	});
});

describe('toHttpUrl', () => {
	it.each([
		['https://example.org/a?b#c', undefined, 'https://example.org/a?b#c'],
		['/story', 'https://example.org/x', 'https://example.org/story'],
		['/story', undefined, undefined],
		['javascript:alert(1)', undefined, undefined],
		['data:text/html,hi', undefined, undefined],
		['  ', undefined, undefined]
	])('%j (base %j) -> %j', (input, base, expected) => {
		expect(toHttpUrl(input, base)).toBe(expected);
	});
});

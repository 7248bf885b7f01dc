import { describe, expect, it } from 'vitest';
import { confidenceWords } from './relations';

describe('confidenceWords', () => {
	it.each([
		[0.93, 'very likely the same fact (93%)'],
		[0.85, 'very likely the same fact (85%)'],
		[0.74, 'likely the same fact (74%)'],
		[0.7, 'likely the same fact (70%)'],
		[0.69, 'possibly the same fact (69%)'],
		[0.5, 'possibly the same fact (50%)']
	])('%f → %s', (p, words) => {
		expect(confidenceWords(p)).toBe(words);
	});
});

import { describe, expect, it } from 'vitest';
import { isActivationKey, nextRovingIndex } from './mark-keys';

describe('isActivationKey', () => {
	it.each([
		['Enter', true],
		[' ', true],
		['Spacebar', true],
		['a', false],
		['Tab', false],
		['Escape', false]
	])('%j → %s', (key, expected) => {
		expect(isActivationKey(key)).toBe(expected);
	});
});

describe('nextRovingIndex', () => {
	it.each([
		[3, 'ArrowDown', 10, 4],
		[3, 'ArrowRight', 10, 4],
		[3, 'ArrowUp', 10, 2],
		[3, 'ArrowLeft', 10, 2],
		[9, 'ArrowDown', 10, 9],
		[0, 'ArrowUp', 10, 0],
		[3, 'PageDown', 10, 9],
		[3, 'PageUp', 10, 0],
		[5, 'Home', 10, 0],
		[5, 'End', 10, 9],
		[5, 'Enter', 10, null],
		[0, 'ArrowDown', 0, null]
	])('from %d, %s among %d → %s', (current, key, count, expected) => {
		expect(nextRovingIndex(current, key, count)).toBe(expected);
	});
});

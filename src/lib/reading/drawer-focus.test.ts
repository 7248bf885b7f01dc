import { describe, expect, it } from 'vitest';
import { wrapTarget } from './drawer-focus';

// The drawer's Tab cycle: its own stops, then the toast's over it, then round again. Names stand
// for elements.
const DRAWER = ['close', 'tab', 'last'];
const TOAST = ['undo', 'x'];

describe('wrapTarget', () => {
	const cases: [string, string[], string | null, boolean, string | null][] = [
		['inside the drawer: the browser moves on', TOAST, 'tab', false, null],
		['inside the toast: the browser moves on', TOAST, 'undo', false, null],
		['the drawer’s last stop goes on to the toast', TOAST, 'last', false, 'undo'],
		['back from the toast’s first stop to the drawer’s last', TOAST, 'undo', true, 'last'],
		['the toast’s last stop wraps to the drawer’s first', TOAST, 'x', false, 'close'],
		['back from the first stop wraps to the toast’s last', TOAST, 'close', true, 'x'],
		['no toast: the drawer wraps on itself', [], 'last', false, 'close'],
		['no toast, backwards', [], 'close', true, 'last'],
		['focus on nothing comes back to the first stop', TOAST, null, false, 'close'],
		['… or, backwards, the last', TOAST, null, true, 'x'],
		['focus elsewhere (a dialog over both) is left alone', TOAST, 'dialog', false, null]
	];
	it.each(cases)('%s', (_, over, at, backwards, expected) => {
		expect(wrapTarget(DRAWER, over, at, backwards)).toBe(expected);
	});

	it('does nothing without any stop', () => {
		expect(wrapTarget([], [], null, false)).toBeNull();
	});
});

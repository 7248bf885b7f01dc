import { describe, expect, it } from 'vitest';
import { followScroll } from './link-places';

// the phone's aligned switch and the gutter's aligned scrolling share this: where the other
// column must scroll so the counterpart of the leader's reading line sits at its own
describe('followScroll', () => {
	const anchors = [
		{ from: 1000, to: 400 },
		{ from: 3000, to: 2600 }
	];
	it.each([
		[
			'a link at the reading line: its counterpart at the other reading line',
			1000 - 200,
			400 - 250
		],
		['halfway between two links: halfway between their counterparts', 2000 - 200, 1500 - 250],
		['at the top: the other at the top (never negative)', 0, 0]
	])('%s', (_name, scrollTop, expected) => {
		const leader = { scrollTop, line: 200, height: 5000 };
		expect(followScroll(anchors, leader, { line: 250, height: 4000 })).toBeCloseTo(expected);
	});
});

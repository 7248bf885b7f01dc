import { describe, expect, it } from 'vitest';
import { FRAMES } from '../framing/frames';
import {
	createTarget,
	frameLabel,
	parseFrame,
	passageAt,
	positionKnown,
	targetSelectors,
	unknownPosition,
	type Target
} from './model';

describe('createTarget', () => {
	it.each([
		// text, span, exact, prefix, suffix
		['One two three', { start: 4, end: 7 }, 'two', 'One ', ' three'],
		['😃 ok', { start: 3, end: 5 }, 'ok', '😃 ', ''],
		['to be or not to be', { start: 13, end: 15 }, 'to', 'to be or not ', ' be']
	])('%s %o', (text, span, exact, prefix, suffix) => {
		expect(createTarget(text, 'b', 'v9', span)).toStrictEqual({
			side: 'b',
			articleVersion: 'v9',
			...span,
			exact,
			prefix,
			suffix
		});
	});

	it('refuses a span outside the text', () => {
		expect(() => createTarget('abc', 'a', 'v', { start: 2, end: 9 })).toThrow(RangeError);
	});
});

describe('targetSelectors', () => {
	it.each([
		// an emoji (2 units, 1 code point) and a flag (4 units, 2 code points) before the passage
		['plain text', 'Deportations resumed.', 13, 20, 13, 20],
		['an emoji before', '😃 Deportations resumed.', 16, 23, 15, 22],
		['a flag before', '🇺🇸 Deportations resumed.', 18, 25, 16, 23]
	])('counts code points with %s', (_name, text, start, end, cpStart, cpEnd) => {
		const target = createTarget(text, 'a', 'v1', { start, end });
		const [position, quote] = targetSelectors(text, target);
		expect(position).toStrictEqual({ type: 'TextPositionSelector', start: cpStart, end: cpEnd });
		expect(quote).toStrictEqual({
			type: 'TextQuoteSelector',
			exact: 'resumed',
			prefix: target.prefix,
			suffix: target.suffix
		});
		expect(Array.from(text).slice(cpStart, cpEnd).join('')).toBe('resumed');
	});
});

describe('frames', () => {
	it.each([
		['economic', 'Economic', true],
		['fairness-and-equality/class-war', 'Fairness and equality: class war', true],
		['economic/', 'economic/', false],
		['economic/Bad Slug', 'economic/Bad Slug', false],
		['economic/a/b', 'economic/a/b', false],
		['astrology', 'astrology', false],
		[`economic/${'x'.repeat(61)}`, `economic/${'x'.repeat(61)}`, false]
	])('%s → %s', (value, label, known) => {
		expect(frameLabel(value)).toBe(label);
		expect(parseFrame(value) !== null).toBe(known);
	});

	it('knows every FRAMES id', () => {
		for (const f of FRAMES) expect(parseFrame(f.id)?.frame).toBe(f);
	});
});

describe('positions of passages: known, stand-ins, and where they are', () => {
	const TEXT = 'One two three two';
	const two = createTarget(TEXT, 'a', 'v1', { start: 4, end: 7 });
	const first = createTarget(TEXT, 'a', 'v1', { start: 0, end: 3 });
	it.each<[string, Target, boolean, boolean]>([
		// name, target, positionKnown, passageAt(TEXT)
		['a passage where it was made', two, true, true],
		['one that opens the text', first, true, true],
		["an unplaced one's stand-ins", { ...two, ...unknownPosition(two.exact) }, false, false],
		// a stand-in for a passage that opened its text is its real place
		['a stand-in without a prefix', { ...first, ...unknownPosition(first.exact) }, true, true],
		['the right quote at another place', { ...two, start: 14, end: 17 }, true, false],
		['other words before it', { ...two, prefix: 'Two ' }, true, false],
		['other words after it', { ...two, suffix: ' four' }, true, false],
		['offsets past the end', { ...two, start: 40, end: 43 }, true, false]
	])('%s', (_name, target, known, at) => {
		expect(positionKnown(target)).toBe(known);
		expect(passageAt(TEXT, target)).toBe(at);
	});

	it('stands in with 0 and the length of the quote (UTF-16)', () => {
		expect(unknownPosition('😃 ok')).toEqual({ start: 0, end: 5 });
	});
});

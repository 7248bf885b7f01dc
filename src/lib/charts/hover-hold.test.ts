import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HOVER_GRACE_MS, HoverHold, type MarkEvent, type TipEvent } from './hover-hold';

/**
 * One step and the key shown after it. Steps: `a:pointerenter` (an event on mark a),
 * `tip:pointerleave` (on the tooltip), `wait:299` (ms pass), `dismiss`, `destroy`.
 */
type Step = [step: string, shown: string | null];

const G = HOVER_GRACE_MS;

const CASES: [name: string, steps: Step[]][] = [
	[
		'pointer leaving a mark hides its tooltip only after the grace period',
		[
			['a:pointerenter', 'a'],
			['a:pointerleave', 'a'],
			[`wait:${G - 1}`, 'a'],
			['wait:1', null]
		]
	],
	[
		'pointer reaching the tooltip keeps it open past the grace period',
		[
			['a:pointerenter', 'a'],
			['a:pointerleave', 'a'],
			['wait:100', 'a'],
			['tip:pointerenter', 'a'],
			[`wait:${G * 10}`, 'a']
		]
	],
	[
		'pointer leaving the tooltip hides it after the grace period',
		[
			['a:pointerenter', 'a'],
			['a:pointerleave', 'a'],
			['tip:pointerenter', 'a'],
			['tip:pointerleave', 'a'],
			[`wait:${G - 1}`, 'a'],
			['wait:1', null]
		]
	],
	[
		'pointer going back from the tooltip to its mark keeps it open',
		[
			['a:pointerenter', 'a'],
			['a:pointerleave', 'a'],
			['tip:pointerenter', 'a'],
			['tip:pointerleave', 'a'],
			['a:pointerenter', 'a'],
			[`wait:${G * 2}`, 'a']
		]
	],
	[
		'another mark takes over at once and its own leave counts, not the old one',
		[
			['a:pointerenter', 'a'],
			['a:pointerleave', 'a'],
			['b:pointerenter', 'b'],
			[`wait:${G * 2}`, 'b'],
			['a:pointerleave', 'b'],
			[`wait:${G * 2}`, 'b'],
			['b:pointerleave', 'b'],
			[`wait:${G}`, null]
		]
	],
	[
		'Escape hides at once, even with the pointer on the tooltip',
		[
			['a:pointerenter', 'a'],
			['a:pointerleave', 'a'],
			['tip:pointerenter', 'a'],
			['a:escape', null],
			[`wait:${G * 2}`, null]
		]
	],
	[
		'dismiss cancels a pending hide and hides at once',
		[
			['a:pointerenter', 'a'],
			['a:pointerleave', 'a'],
			['dismiss', null],
			['b:focus', 'b'],
			[`wait:${G * 2}`, 'b']
		]
	],
	[
		'focus shows at once and blur hides at once',
		[
			['a:focus', 'a'],
			['a:blur', null]
		]
	],
	[
		'blur of a mark that is not shown changes nothing',
		[
			['a:focus', 'a'],
			['b:focus', 'b'],
			['a:blur', 'b']
		]
	],
	[
		'blur while the pointer rests on the tooltip keeps it (the pointer still holds it)',
		[
			['a:focus', 'a'],
			['tip:pointerenter', 'a'],
			['a:blur', 'a'],
			['tip:pointerleave', 'a'],
			[`wait:${G}`, null]
		]
	],
	[
		'focus cancels a pending hide',
		[
			['a:pointerenter', 'a'],
			['a:pointerleave', 'a'],
			['a:focus', 'a'],
			[`wait:${G * 2}`, 'a']
		]
	],
	[
		'pointer leaving the tooltip for its own mark keeps it (the tooltip covers part of it)',
		[
			['a:pointerenter', 'a'],
			['tip:pointerenter', 'a'],
			['tip:pointerleave', 'a'],
			[`wait:${G * 2}`, 'a'],
			['a:pointerleave', 'a'],
			[`wait:${G}`, null]
		]
	],
	[
		'pointer leaving a mark where the tooltip covers it keeps it until it leaves the tooltip',
		[
			['a:pointerenter', 'a'],
			['tip:pointerenter', 'a'],
			['a:pointerleave', 'a'],
			[`wait:${G * 2}`, 'a'],
			['tip:pointerleave', 'a'],
			[`wait:${G}`, null]
		]
	],
	[
		'a mark under the tooltip takes over at once when the pointer reaches it',
		[
			['a:pointerenter', 'a'],
			['a:pointerleave', 'a'],
			['tip:pointerenter', 'a'],
			['b:pointerenter', 'b'],
			['tip:pointerleave', 'b'],
			[`wait:${G * 2}`, 'b']
		]
	],
	[
		'the tooltip does not reopen a hidden tooltip',
		[
			['tip:pointerenter', null],
			['tip:pointerleave', null],
			[`wait:${G}`, null]
		]
	],
	[
		'destroy drops a pending hide',
		[
			['a:pointerenter', 'a'],
			['a:pointerleave', 'a'],
			['destroy', 'a'],
			[`wait:${G * 2}`, 'a']
		]
	]
];

function run(hold: HoverHold<string>, step: string) {
	const [what, arg] = step.split(':');
	if (what === 'wait') vi.advanceTimersByTime(Number(arg));
	else if (what === 'dismiss') hold.dismiss();
	else if (what === 'destroy') hold.destroy();
	else if (what === 'tip') hold.tip(arg as TipEvent);
	else hold.mark(what, arg as MarkEvent);
}

describe('HoverHold', () => {
	beforeEach(() => {
		vi.useFakeTimers();
	});
	afterEach(() => {
		vi.useRealTimers();
	});

	it.each(CASES)('%s', (_name, steps) => {
		const changes: (string | null)[] = [];
		const hold = new HoverHold<string>((key) => changes.push(key));
		let last: string | null = null;
		for (const [step, shown] of steps) {
			run(hold, step);
			expect(hold.active, `after ${step}`).toBe(shown);
			if (shown !== last) expect(changes.at(-1), `callback after ${step}`).toBe(shown);
			last = shown;
		}
		// the callback hears changes only, never a repeat of the same key
		expect(changes.every((key, i) => i === 0 || key !== changes[i - 1])).toBe(true);
	});

	it('leaves no timer behind once hidden or destroyed', () => {
		const hold = new HoverHold<string>(() => {});
		hold.mark('a', 'pointerenter');
		hold.mark('a', 'pointerleave');
		expect(vi.getTimerCount()).toBe(1);
		hold.mark('b', 'pointerenter');
		expect(vi.getTimerCount()).toBe(0);
		hold.mark('b', 'pointerleave');
		hold.destroy();
		expect(vi.getTimerCount()).toBe(0);
	});

	it('takes its grace period from the constructor', () => {
		const hold = new HoverHold<number>(() => {}, 50);
		hold.mark(1, 'pointerenter');
		hold.mark(1, 'pointerleave');
		vi.advanceTimersByTime(49);
		expect(hold.active).toBe(1);
		vi.advanceTimersByTime(1);
		expect(hold.active).toBeNull();
	});
});

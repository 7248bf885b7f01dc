import { describe, expect, it } from 'vitest';
import { createErrorLog, requestLabel } from './error-log';

/** An error log on a hand-driven clock, with its lines and its pending end-of-window count. */
function harness(perWindow = 2, windowMs = 1000) {
	let t = 0;
	const lines: string[] = [];
	const pending: (() => void)[] = [];
	const log = createErrorLog({
		perWindow,
		windowMs,
		write: (line) => lines.push(line),
		now: () => t,
		schedule: (run) => void pending.push(run)
	});
	return {
		log,
		lines,
		at: (ms: number) => void (t = ms),
		runScheduled: () => pending.splice(0).forEach((run) => run())
	};
}

describe('createErrorLog', () => {
	it('writes a few stacks per window and counts the rest once', () => {
		const h = harness();
		for (let i = 0; i < 500; i++) h.log(new Error(`boom ${i}`), 'GET /x');
		expect(h.lines).toHaveLength(2);
		expect(h.lines[0]).toMatch(/^GET \/x: Error: boom 0\n\s+at /);
		h.runScheduled();
		expect(h.lines).toHaveLength(3);
		expect(h.lines[2]).toBe(
			'498 more server errors in 1 s not logged in full (first: GET /x: boom 2)'
		);
		h.runScheduled(); // nothing more to say
		expect(h.lines).toHaveLength(3);
	});

	it('starts a fresh window after the last one ended', () => {
		const h = harness();
		h.log('a', 'GET /a');
		h.log('b', 'GET /b');
		h.log('c', 'GET /c');
		h.at(1000);
		h.log('d', 'GET /d');
		expect(h.lines).toEqual([
			'GET /a: a',
			'GET /b: b',
			'1 more server error in 1 s not logged in full (first: GET /c: c)',
			'GET /d: d'
		]);
	});

	it('bounds the log whatever the flood (10,000 errors in one window: 3 lines)', () => {
		const h = harness();
		for (let i = 0; i < 10_000; i++) h.log(new Error('x'.repeat(10_000)), 'POST /api/x');
		h.runScheduled();
		expect(h.lines).toHaveLength(3);
		expect(h.lines[2].length).toBeLessThan(400);
	});
});

describe('requestLabel', () => {
	it('escapes what a terminal would obey', () => {
		expect(requestLabel('GET', '/compare/\u0000\u001b[2J')).toBe('GET /compare/\\u0000\\u001b[2J');
		expect(requestLabel('GET', `/${'a'.repeat(500)}`)).toHaveLength(4 + 200);
	});
});

import { describe, expect, it } from 'vitest';
import { RateLimiter, SESSION_WRITES } from './rate-limit';

describe('RateLimiter', () => {
	it('lets a burst through, then refuses with the seconds until the next token', () => {
		const limiter = new RateLimiter({ capacity: 3, refillPerSecond: 0.5 });
		const t = 1_000_000;
		expect([0, 1, 2].map(() => limiter.take('k', t).ok)).toEqual([true, true, true]);
		expect(limiter.take('k', t)).toEqual({ ok: false, retryAfterSeconds: 2 });
		// one token after two seconds, and never more than the capacity
		expect(limiter.take('k', t + 1_999).ok).toBe(false);
		expect(limiter.take('k', t + 2_000 + 1_999).ok).toBe(true);
		expect(limiter.take('k', t + 3_600_000)).toEqual({ ok: true, remaining: 2 });
	});

	it('keeps keys apart (one bucket per session)', () => {
		const limiter = new RateLimiter({ capacity: 1, refillPerSecond: 1 });
		expect(limiter.take('a', 0).ok).toBe(true);
		expect(limiter.take('a', 0).ok).toBe(false);
		expect(limiter.take('b', 0).ok).toBe(true);
	});

	it('forgets the least recently used keys beyond maxKeys', () => {
		const limiter = new RateLimiter({ capacity: 1, refillPerSecond: 1, maxKeys: 2 });
		limiter.take('a', 0);
		limiter.take('b', 0);
		limiter.take('a', 0);
		limiter.take('c', 0);
		expect(limiter.size).toBe(2);
		expect(limiter.take('a', 0).ok).toBe(false); // used recently: kept, still empty
		expect(limiter.take('b', 0).ok).toBe(true); // forgotten, so full again
	});

	it('allows 60 writes per 10 s for a session, in bursts of 30', () => {
		const limiter = new RateLimiter(SESSION_WRITES);
		let allowed = 0;
		for (let ms = 0; ms < 10_000; ms += 50) if (limiter.take('s', ms).ok) allowed++;
		expect(allowed).toBeGreaterThanOrEqual(85);
		expect(allowed).toBeLessThanOrEqual(90);
	});
});

import { describe, expect, it } from 'vitest';
import {
	ADDRESS_WRITES,
	addressKey,
	ANONYMOUS_WRITES,
	RateLimiter,
	scaled,
	SESSION_WRITES
} from './rate-limit';

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

	it('takes a refunded token again, never past the capacity', () => {
		const limiter = new RateLimiter({ capacity: 2, refillPerSecond: 0.001 });
		expect([0, 1].map(() => limiter.take('k', 0).ok)).toEqual([true, true]);
		limiter.refund('k');
		expect(limiter.take('k', 0).ok).toBe(true);
		expect(limiter.take('k', 0).ok).toBe(false);
		limiter.refund('k');
		limiter.refund('k');
		limiter.refund('k');
		expect([0, 1, 2].map(() => limiter.take('k', 0).ok)).toEqual([true, true, false]);
		limiter.refund('unknown'); // nothing taken: nothing to give back
		expect(limiter.size).toBe(1);
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

describe('limits per address', () => {
	/** How many of `count` requests at time 0 (plus `spread` ms apart) a bucket lets through. */
	const letThrough = (limiter: RateLimiter, count: number, spread = 0) =>
		Array.from({ length: count }, (_, i) => limiter.take('school', i * spread).ok).filter(Boolean)
			.length;

	it('lets 150 joins at once from one school address in, and a class of 40 in a minute', () => {
		expect(letThrough(new RateLimiter(ANONYMOUS_WRITES), 150)).toBe(150);
		expect(letThrough(new RateLimiter(ANONYMOUS_WRITES), 40, 1500)).toBe(40);
		// four classes in a row, 40 each a minute apart, after the 150
		const limiter = new RateLimiter(ANONYMOUS_WRITES);
		letThrough(limiter, 150);
		expect(
			Array.from({ length: 160 }, (_, i) => limiter.take('school', 60_000 + i * 1_500).ok).every(
				Boolean
			)
		).toBe(true);
	});

	it('bounds the sessions one address can make: 200 at once, then one a second', () => {
		expect(letThrough(new RateLimiter(ANONYMOUS_WRITES), 1000)).toBe(200);
		const limiter = new RateLimiter(ANONYMOUS_WRITES);
		let made = 0;
		for (let ms = 0; ms < 60_000; ms += 10) if (limiter.take('x', ms).ok) made++;
		expect(made).toBeGreaterThanOrEqual(259);
		expect(made).toBeLessThanOrEqual(261);
	});

	it('lets a class of 40 spend every burst at once, but caps what fresh sessions add', () => {
		const limiter = new RateLimiter(ADDRESS_WRITES);
		expect(letThrough(limiter, 40 * SESSION_WRITES.capacity)).toBe(1200);
		// 200 fresh sessions × 30 would be 6,000 in a second; the address gets 1,200 + 40/s
		const flood = new RateLimiter(ADDRESS_WRITES);
		let allowed = 0;
		for (let ms = 0; ms < 16_000; ms += 1) if (flood.take('x', ms).ok) allowed++;
		expect(allowed).toBeLessThanOrEqual(1200 + 16 * 40 + 1);
	});

	it('scales every limit, or turns them off', () => {
		expect(scaled(SESSION_WRITES, 2)).toEqual({ capacity: 60, refillPerSecond: 12 });
		expect(scaled(SESSION_WRITES, 0)).toBeNull();
		expect(scaled(SESSION_WRITES, Number('x'))).toBe(SESSION_WRITES);
		expect(scaled(SESSION_WRITES, -1)).toBe(SESSION_WRITES);
		expect(scaled(SESSION_WRITES, 0.001)).toMatchObject({ capacity: 1 });
	});
});

describe('addressKey', () => {
	it.each([
		['192.0.2.7', '192.0.2.7'],
		['::ffff:192.0.2.7', '192.0.2.7'],
		['2001:db8:1:2:aa:bb:cc:dd', '2001:db8:1:2::/64'],
		['2001:0db8:0001:0002::1', '2001:db8:1:2::/64'],
		['2001:db8::1', '2001:db8:0:0::/64'],
		['::1', '0:0:0:0::/64'],
		['unknown', 'unknown']
	])('%s → %s', (address, key) => {
		expect(addressKey(address)).toBe(key);
	});
});

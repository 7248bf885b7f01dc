// Token buckets per key (a workspace session, or an IP address before there is one): a class on
// one school IP gets one bucket per student, not one for everybody.

/** How a bucket fills and how big it is. */
export interface BucketOptions {
	/** the most requests allowed at once (a burst) */
	capacity: number;
	/** requests added back per second */
	refillPerSecond: number;
	/** keys remembered; the least recently used are forgotten beyond this */
	maxKeys?: number;
}

/** A request let through, or refused with the seconds until one would be. */
type TakeResult = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

interface Bucket {
	tokens: number;
	at: number;
}

/** Enough keys for thousands of concurrent readers, bounded so a flood of keys cannot exhaust memory. */
const DEFAULT_MAX_KEYS = 50_000;

/** A token-bucket limiter; `now` is passed in, so it is deterministic in tests. */
export class RateLimiter {
	readonly #buckets = new Map<string, Bucket>();
	readonly #options: Required<BucketOptions>;

	constructor(options: BucketOptions) {
		this.#options = { maxKeys: DEFAULT_MAX_KEYS, ...options };
	}

	/** Take one token from `key`'s bucket at time `now` (ms). */
	take(key: string, now: number = Date.now()): TakeResult {
		const { capacity, refillPerSecond, maxKeys } = this.#options;
		const old = this.#buckets.get(key);
		const elapsed = old ? Math.max(0, now - old.at) / 1000 : 0;
		const tokens = old ? Math.min(capacity, old.tokens + elapsed * refillPerSecond) : capacity;
		// re-insert so Map order is least recently used first
		this.#buckets.delete(key);
		if (tokens < 1) {
			this.#buckets.set(key, { tokens, at: now });
			return {
				ok: false,
				retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / refillPerSecond))
			};
		}
		this.#buckets.set(key, { tokens: tokens - 1, at: now });
		if (this.#buckets.size > maxKeys) {
			const oldest = this.#buckets.keys().next().value;
			if (oldest !== undefined) this.#buckets.delete(oldest);
		}
		return { ok: true, remaining: Math.floor(tokens - 1) };
	}

	/**
	 * Give back one token taken from `key` (at most up to the capacity): a request the fast lane
	 * took tokens for and then handed on to SvelteKit, which takes them again.
	 */
	refund(key: string): void {
		const bucket = this.#buckets.get(key);
		if (bucket) bucket.tokens = Math.min(this.#options.capacity, bucket.tokens + 1);
	}

	/** Keys currently remembered. */
	get size(): number {
		return this.#buckets.size;
	}
}

/** Writes per workspace session: 60 per 10 s sustained, bursts of 30 (a fast annotator is far below). */
export const SESSION_WRITES: BucketOptions = { capacity: 30, refillPerSecond: 6 };
/**
 * Writes per address without a session: each one makes a session (a join makes a room member,
 * a first write a workspace), so this is the limit on new sessions per address. 200 at once
 * lets four classes behind one school address join in the same minute (150 joins at once, none
 * refused); then one a second (60 a minute: a class of 40 arriving late still gets in).
 */
export const ANONYMOUS_WRITES: BucketOptions = { capacity: 200, refillPerSecond: 1 };
/**
 * All writes from one address, whatever the session: fresh sessions cannot multiply the
 * per-session limit beyond this. 1,200 at once is a class of 40 each spending their whole burst
 * (40 × 30) in the same second; 40 a second sustained is every student of a class of 40 writing
 * once a second, or 150 students once every 4 s (a lesson is far below either).
 */
export const ADDRESS_WRITES: BucketOptions = { capacity: 1200, refillPerSecond: 40 };

/**
 * Bucket options scaled by `factor` (PARALLAX_RATE_LIMIT_SCALE): 2 doubles every limit, and
 * 0 turns limiting off (a load test behind one address); anything not a finite number ≥ 0 is 1.
 */
export function scaled(options: BucketOptions, factor: number): BucketOptions | null {
	if (!Number.isFinite(factor) || factor < 0) return options;
	if (factor === 0) return null;
	return {
		...options,
		capacity: Math.max(1, Math.round(options.capacity * factor)),
		refillPerSecond: options.refillPerSecond * factor
	};
}

/**
 * The key of a client address for per-address limits: an IPv4 address as it is, an IPv6 address
 * by its /64 prefix (one household or phone gets a whole /64, so single addresses cost nothing
 * to vary), an IPv4-mapped IPv6 address as its IPv4 address.
 * @example addressKey('2001:db8:1:2:aa::1') // '2001:db8:1:2::/64'
 */
export function addressKey(address: string): string {
	const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
	if (mapped) return mapped[1];
	if (!address.includes(':')) return address;
	const [head, tail = ''] = address.toLowerCase().split('::');
	const left = head ? head.split(':') : [];
	const right = tail ? tail.split(':') : [];
	const groups = address.includes('::')
		? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
		: left;
	return `${groups
		.slice(0, 4)
		.map((g) => g.replace(/^0+(?=.)/, ''))
		.join(':')}::/64`;
}

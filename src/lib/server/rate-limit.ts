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
export type TakeResult = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

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

	/** Keys currently remembered. */
	get size(): number {
		return this.#buckets.size;
	}
}

/** Writes per workspace session: 60 per 10 s sustained, bursts of 30 (a fast annotator is far below). */
export const SESSION_WRITES: BucketOptions = { capacity: 30, refillPerSecond: 6 };
/**
 * Writes per IP address without a session (each first write makes a workspace): roomy enough for
 * a class of 35 opening the app together behind one school address.
 */
export const ANONYMOUS_WRITES: BucketOptions = { capacity: 120, refillPerSecond: 6 };

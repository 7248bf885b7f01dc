import { RateLimiter, type BucketOptions } from '../http';

// Who may open a room's live stream, and how many at once. Each open stream holds a socket, a
// bus subscription and (bounded) unread bytes, so both the number open and the rate of opening
// are limited — per member (one person's tabs) and per address (a school's NAT is one address:
// a class of 35 with two tabs each and the teacher's is ~75 streams, far below the cap).

/** The limits of a gate. */
export interface StreamLimits {
	/** streams one member may hold open at once (their tabs and windows) */
	perMember: number;
	/** streams one address may hold open at once (a whole class behind one NAT) */
	perAddress: number;
	/** stream opens per address (a class reconnecting after a restart opens ~75 at once) */
	addressOpens: BucketOptions;
	/** stream opens per member (EventSource reconnects every half second while it fails) */
	memberOpens: BucketOptions;
}

/** The defaults: a class of 35 with two tabs each, reconnecting all at once, stays well inside. */
export const STREAM_LIMITS: StreamLimits = {
	perMember: 8,
	perAddress: 300,
	addressOpens: { capacity: 300, refillPerSecond: 10 },
	memberOpens: { capacity: 20, refillPerSecond: 1 }
};

/** Why an open was refused, as the route answers it (429 with Retry-After). */
export interface Refusal {
	ok: false;
	message: string;
	retryAfterSeconds: number;
}

/** Counts the open streams per member and per address and rate-limits opening them. */
export class StreamGate {
	readonly #members = new Map<string, number>();
	readonly #addresses = new Map<string, number>();
	readonly #addressOpens: RateLimiter;
	readonly #memberOpens: RateLimiter;

	constructor(readonly limits: StreamLimits = STREAM_LIMITS) {
		this.#addressOpens = new RateLimiter(limits.addressOpens);
		this.#memberOpens = new RateLimiter(limits.memberOpens);
	}

	/** Before anything is looked up: may this address open one more stream now? */
	checkAddress(address: string, now: number = Date.now()): { ok: true } | Refusal {
		if ((this.#addresses.get(address) ?? 0) >= this.limits.perAddress)
			return refuse('Too many live connections from your network. Retrying shortly.', 10);
		const taken = this.#addressOpens.take(address, now);
		if (!taken.ok)
			return refuse('Too many live connections opened at once.', taken.retryAfterSeconds);
		return { ok: true };
	}

	/** For a known member: admit one stream; `release` must be called once when it ends. */
	admit(
		memberId: string,
		address: string,
		now: number = Date.now()
	): { ok: true; release: () => void } | Refusal {
		if ((this.#members.get(memberId) ?? 0) >= this.limits.perMember)
			return refuse('Too many open tabs on this room. Close one and this one reconnects.', 10);
		if ((this.#addresses.get(address) ?? 0) >= this.limits.perAddress)
			return refuse('Too many live connections from your network. Retrying shortly.', 10);
		const taken = this.#memberOpens.take(memberId, now);
		if (!taken.ok)
			return refuse('Reconnecting too often. Retrying shortly.', taken.retryAfterSeconds);
		bump(this.#members, memberId, 1);
		bump(this.#addresses, address, 1);
		let released = false;
		return {
			ok: true,
			release: () => {
				if (released) return;
				released = true;
				bump(this.#members, memberId, -1);
				bump(this.#addresses, address, -1);
			}
		};
	}

	/** Open streams of a member (tests, diagnostics). */
	openFor(memberId: string): number {
		return this.#members.get(memberId) ?? 0;
	}

	/** Open streams from an address (tests, diagnostics). */
	openFrom(address: string): number {
		return this.#addresses.get(address) ?? 0;
	}
}

function refuse(message: string, retryAfterSeconds: number): Refusal {
	return { ok: false, message, retryAfterSeconds };
}

/** Add to a count, forgetting it at zero (the maps hold only what is open). */
function bump(counts: Map<string, number>, key: string, by: number): void {
	const n = (counts.get(key) ?? 0) + by;
	if (n > 0) counts.set(key, n);
	else counts.delete(key);
}

const GATE = Symbol.for('parallax.streamGate');
const holder = globalThis as unknown as { [GATE]?: StreamGate };

/** The process's gate (kept across `vite dev` reloads). */
export function streamGate(): StreamGate {
	return (holder[GATE] ??= new StreamGate());
}

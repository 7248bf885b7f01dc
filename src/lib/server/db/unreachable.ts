// Telling "the database is unreachable" (answer 503, try again) from a bug (500).

/** Node socket errors seen when PostgreSQL is down, restarting or unreachable. */
const NETWORK_CODES = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'ETIMEDOUT',
	'EPIPE',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH'
]);

/**
 * SQLSTATEs meaning "no usable server right now": class 08 (connection exception), shutdown
 * and start-up (57P01–57P03) and too many connections (53300).
 */
const UNAVAILABLE_STATES = /^(08...|57P0[123]|53300)$/;

/** Messages of node-postgres and PGlite for a lost or unusable connection (they carry no code). */
const UNAVAILABLE_MESSAGES = [
	'connection terminated',
	'timeout exceeded when trying to connect',
	'connection error',
	'cannot use a pool after calling end',
	'client was closed and is not queryable',
	'pglite is closed',
	'database closed'
];

/** How deep to follow `cause`: drizzle wraps driver errors once; a little more is harmless. */
const MAX_CAUSE_DEPTH = 5;

/**
 * True when `error` (or an error it wraps) says the database cannot be reached, so the request
 * should get 503 + Retry-After rather than a 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
	let e: unknown = error;
	for (let depth = 0; depth < MAX_CAUSE_DEPTH && e; depth++) {
		if (typeof e !== 'object') return false;
		const { code, message, errors } = e as { code?: unknown; message?: unknown; errors?: unknown };
		if (typeof code === 'string' && (NETWORK_CODES.has(code) || UNAVAILABLE_STATES.test(code)))
			return true;
		if (typeof message === 'string') {
			const lower = message.toLowerCase();
			if (UNAVAILABLE_MESSAGES.some((m) => lower.includes(m))) return true;
		}
		// AggregateError (a host with several addresses refused on each)
		if (Array.isArray(errors) && errors.some((x) => isDatabaseUnavailable(x))) return true;
		e = (e as { cause?: unknown }).cause;
	}
	return false;
}

/** Seconds a client should wait before retrying when the database is unavailable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

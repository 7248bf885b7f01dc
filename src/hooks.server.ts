import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { env } from '$env/dynamic/private';
import {
	compression,
	createErrorLog,
	ERROR_LOG,
	requestLabel,
	addressGuard,
	apiErrorShape,
	contentTypeGuard,
	createProtocolDefault,
	formGuard,
	createOriginGuard,
	createRateLimit,
	createSessionKey,
	createWorkspaceLookup,
	databaseGuard,
	securityHeaders,
	type Limiters,
	type SessionDeps,
	ADDRESS_WRITES,
	ANONYMOUS_WRITES,
	RateLimiter,
	scaled,
	SESSION_WRITES,
	type BucketOptions
} from '$lib/server/http';
// not through the http index: the lane imports the rooms, which import the http index
import { createFastLane, registerFastLane } from '$lib/server/http/fast-lane';
import { closeDatabase, getDatabase } from '$lib/server/db';
import { isDatabaseUnavailable } from '$lib/server/db/unreachable';
import { ensureSeedComparison } from '$lib/server/articles';
import { getSecret } from '$lib/server/rooms';

const SHUTDOWN_HOOKED = Symbol.for('parallax.shutdownHooked');
const flags = globalThis as unknown as { [SHUTDOWN_HOOKED]?: boolean };

/**
 * Open the database, migrate it and seed it before the server listens (adapter-node awaits
 * init), so the first request does not pay for PGlite's initdb.
 */
export const init: ServerInit = async () => {
	const started = performance.now();
	const database = await getDatabase();
	// fail at start, not on the first request, if PARALLAX_SECRET is unusable
	await getSecret(database.db, env.PARALLAX_SECRET || undefined);
	const seed = await ensureSeedComparison(database.db, env.SEEDS_DIR || undefined);
	const ms = Math.round(performance.now() - started);
	console.log(`db ready (${database.kind}) in ${ms} ms; seed comparison ${seed.status}`);
	const origin = configuredOrigin();
	// the front server (server.js) serves remembered callers' creates through it; without ORIGIN
	// (a plain `node build` guessing its origin) every request goes through SvelteKit
	if (origin)
		registerFastLane(
			createFastLane({
				config: { origin },
				address: {
					header: (env.ADDRESS_HEADER ?? '').toLowerCase(),
					xffDepth: parseInt(env.XFF_DEPTH || '1')
				},
				session,
				limiters
			})
		);
};

/** ORIGIN's origin (scheme, host, port), or undefined when it is unset or malformed. */
function configuredOrigin(): string | undefined {
	try {
		return env.ORIGIN ? new URL(env.ORIGIN).origin : undefined;
	} catch {
		return undefined;
	}
}

// adapter-node closes the HTTP server on SIGTERM/SIGINT and then emits this event; the PGlite
// instance or the pg pool and its LISTEN client would otherwise keep the process alive.
// Registered once per process, since `vite dev` may evaluate this module again.
if (!flags[SHUTDOWN_HOOKED]) {
	flags[SHUTDOWN_HOOKED] = true;
	process.once('sveltekit:shutdown' as never, (reason: string) => {
		closeDatabase().then(
			() => console.log(`db closed (${reason})`),
			(e: Error) => console.error(`db close failed: ${e.message}`)
		);
	});
}

const LIMITERS = Symbol.for('parallax.rateLimiters');
const holder = globalThis as unknown as { [LIMITERS]?: Limiters };
/** PARALLAX_RATE_LIMIT_SCALE: every limit times this (0 = off); 1 when unset. */
const scale = env.PARALLAX_RATE_LIMIT_SCALE ? Number(env.PARALLAX_RATE_LIMIT_SCALE) : 1;
const limiter = (options: BucketOptions) => {
	const o = scaled(options, scale);
	return o ? new RateLimiter(o) : null;
};
// one set of buckets per process (kept across `vite dev` reloads); several instances each limit
// on their own, which only makes the limit looser, never wrong
const limiters = (holder[LIMITERS] ??= {
	session: limiter(SESSION_WRITES),
	anonymous: limiter(ANONYMOUS_WRITES),
	address: limiter(ADDRESS_WRITES)
});

const session: SessionDeps = {
	db: async () => (await getDatabase()).db,
	secret: env.PARALLAX_SECRET || undefined
};

/**
 * Every request: http unless ORIGIN or PROTOCOL_HEADER says otherwise; pages and API answers
 * gzip-streamed; security headers; 400 for an address with a control or broken character
 * (before any route or the database sees it); 503 when the database is down; cross-origin
 * writes refused (forms and JSON: Kit's own check is off); API writes must be JSON, other
 * writes (form actions) readable forms; API 404s and 405s in the API's error shape; the
 * workspace cookie verified; writes rate-limited per
 * session and per address; locals.workspace filled.
 */
export const handle: Handle = sequence(
	createProtocolDefault({ ORIGIN: env.ORIGIN, PROTOCOL_HEADER: env.PROTOCOL_HEADER }),
	compression,
	securityHeaders,
	addressGuard,
	apiErrorShape,
	databaseGuard,
	createOriginGuard(env.ORIGIN || undefined),
	contentTypeGuard,
	formGuard,
	createSessionKey(session),
	createRateLimit(limiters),
	createWorkspaceLookup(session)
);

const ERROR_LOGGER = Symbol.for('parallax.errorLog');
const logs = globalThis as unknown as { [ERROR_LOGGER]?: ReturnType<typeof createErrorLog> };
// one per process, so a flood of failing requests writes a few stack traces a minute, not one each
const logError = (logs[ERROR_LOGGER] ??= createErrorLog(ERROR_LOG));

/**
 * Unexpected errors: logged (rate-limited); an unreachable database is flagged so databaseGuard
 * answers 503.
 */
export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (isDatabaseUnavailable(error)) {
		event.locals.databaseUnavailable = true;
		return { message: 'The database is not reachable right now. Try again in a few seconds.' };
	}
	if (status >= 500) logError(error, requestLabel(event.request.method, event.url.pathname));
	return { message };
};

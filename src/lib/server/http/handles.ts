import type { Handle, RequestEvent } from '@sveltejs/kit';
import { ADDRESS_PROBLEM_ROUTE, addressProblem } from '../../domain/address';
import { errorResponse, isJsonContentType, mediaType, unavailableResponse } from './api';
import type { Db } from '../db/connect';
import { isDatabaseUnavailable, DATABASE_RETRY_AFTER_SECONDS } from '../db/unreachable';
import type { ErrorCode } from './errors';
import { addressKey, type RateLimiter } from './rate-limit';
import {
	appOrigins,
	isApiPath,
	isSameOriginWrite,
	isWrite,
	needsJsonContentType,
	prefersHtml,
	withSecurityHeaders
} from './request-checks';
import { roomCookieName, workspaces } from '../rooms';

// The small handles src/hooks.server.ts sequences. Each takes its dependencies as arguments, so
// tests call them with a constructed RequestEvent and a resolve that stands for the route.

/**
 * Read what is left of a request body and drop it: a refusal answered while the client is still
 * sending would leave the rest on the keep-alive connection, and the client's next request on
 * it would hang. BODY_SIZE_LIMIT bounds what is read.
 */
async function drain(request: Request): Promise<void> {
	if (!request.body || request.bodyUsed) return;
	try {
		const reader = request.body.getReader();
		while (!(await reader.read()).done);
	} catch {
		// past BODY_SIZE_LIMIT, locked by a route or closed: nothing more to read here
	}
}

/**
 * A refusal (the body read and dropped first): JSON for the API; for a form action sent by
 * use:enhance (`x-sveltekit-action`), an ActionResult of type error, which the page can read
 * (plain text would fail its JSON parse and read as "the server could not be reached"); plain
 * text for pages and other form posts.
 */
async function refuse(
	event: RequestEvent,
	status: number,
	code: ErrorCode,
	message: string,
	headers: Record<string, string> = {}
): Promise<Response> {
	await drain(event.request);
	if (isApiPath(event.url.pathname)) return errorResponse(status, code, message, { headers });
	if (event.request.headers.get('x-sveltekit-action') === 'true')
		return Response.json({ type: 'error', error: { message } }, { status, headers });
	return new Response(message, { status, headers: { 'content-type': 'text/plain', ...headers } });
}

/**
 * Every request path and query is checked before any route, load or database sees it: 400 for
 * one that names nothing (see addressProblem), so no route needs its own guard against NUL. A
 * browser reading a page gets the app's styled error page (src/hooks.ts reroutes the address to
 * a route whose only load answers 400); the API its JSON, any other request a short text.
 */
export const addressGuard: Handle = ({ event, resolve }) => {
	const problem = addressProblem(event.url);
	if (problem === null) return resolve(event);
	const { method, headers } = event.request;
	const read = method === 'GET' || method === 'HEAD';
	const byBrowser = prefersHtml(headers.get('accept')) || event.isDataRequest;
	if (event.route.id === ADDRESS_PROBLEM_ROUTE && read && byBrowser) return resolve(event);
	return refuse(event, 400, 'bad_request', problem);
};

/**
 * adapter-node without ORIGIN or PROTOCOL_HEADER takes every request for https (its default),
 * while a plain `node build` serves http: links, the origin check and the cookies' Secure flag
 * would all be wrong (every write from the browser refused). Then the request URL is made http,
 * as the README promises (ORIGIN defaults to http://HOST:PORT). With either set, it is left alone.
 */
export function createProtocolDefault(env: { ORIGIN?: string; PROTOCOL_HEADER?: string }): Handle {
	const guessed = !env.ORIGIN && !env.PROTOCOL_HEADER;
	return ({ event, resolve }) => {
		if (guessed && event.url.protocol === 'https:') event.url.protocol = 'http:';
		return resolve(event);
	};
}

/** Security headers on every response (CSP is kit.csp's). */
export const securityHeaders: Handle = async ({ event, resolve }) =>
	withSecurityHeaders(await resolve(event));

/**
 * The API's own refusals for what SvelteKit answers by itself: an address no route serves (its
 * HTML error page) and a method a route lacks (plain text) become `{ error: { code, message } }`,
 * so a client reads every API answer the same way. Allow is kept.
 */
export const apiErrorShape: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const { status } = response;
	if (!isApiPath(event.url.pathname) || (status !== 404 && status !== 405)) return response;
	if (isJsonContentType(response.headers.get('content-type'))) return response;
	await response.body?.cancel();
	if (status === 404) return errorResponse(404, 'not_found', 'No API endpoint has this address.');
	const allow = response.headers.get('allow') ?? '';
	return errorResponse(
		405,
		'method_not_allowed',
		`${event.request.method} is not allowed here${allow ? `; use ${allow}` : ''}.`,
		allow ? { headers: { allow } } : {}
	);
};

/**
 * PostgreSQL down → 503 with Retry-After instead of a 500: for errors thrown by the handles
 * (session lookup) and, through handleError's locals flag, by routes and loads.
 */
export const databaseGuard: Handle = async ({ event, resolve }) => {
	let response: Response;
	try {
		response = await resolve(event);
	} catch (e) {
		if (!isDatabaseUnavailable(e)) throw e;
		event.locals.databaseUnavailable = true;
		return isApiPath(event.url.pathname)
			? unavailableResponse()
			: refuse(event, 503, 'unavailable', 'The database is not reachable. Try again shortly.', {
					'retry-after': String(DATABASE_RETRY_AFTER_SECONDS)
				});
	}
	if (!event.locals.databaseUnavailable || response.status < 500) return response;
	if (isApiPath(event.url.pathname)) return unavailableResponse();
	const headers = new Headers(response.headers);
	headers.set('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
	return new Response(response.body, { status: 503, headers });
};

/** Refuse cross-origin writes (JSON included): Origin must be the app's, or Sec-Fetch-Site same-origin. */
export function createOriginGuard(configuredOrigin?: string): Handle {
	return ({ event, resolve }) => {
		const { request, url } = event;
		if (isSameOriginWrite(request.method, request.headers, appOrigins(url, configuredOrigin)))
			return resolve(event);
		return refuse(event, 403, 'cross_origin', 'Cross-origin writes are refused.');
	};
}

/** API writes must be JSON (application/json or application/ld+json, UTF-8): 415 otherwise. */
export const contentTypeGuard: Handle = ({ event, resolve }) => {
	const { request, url } = event;
	if (!isApiPath(url.pathname) || !needsJsonContentType(request)) return resolve(event);
	if (isJsonContentType(request.headers.get('content-type'))) return resolve(event);
	return refuse(
		event,
		415,
		'unsupported_media_type',
		'The API reads JSON: send content-type: application/json.'
	);
};

/** The media types an HTML form sends that the form actions read (text/plain is not one). */
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/**
 * Writes outside the API are form actions, which all read request.formData(): a body that is
 * no form (another type, a multipart without boundary, a broken multipart) would throw there,
 * a 500. Here it is a 415 or a 400 before any action runs. The form is parsed from a copy, so
 * the action reads it as sent; a body past BODY_SIZE_LIMIT stays a 413.
 */
export const formGuard: Handle = async ({ event, resolve }) => {
	const { request, url } = event;
	if (isApiPath(url.pathname) || !isWrite(request.method)) return resolve(event);
	const header = request.headers.get('content-type');
	if (!FORM_TYPES.includes(mediaType(header)))
		return refuse(event, 415, 'unsupported_media_type', 'Send the form as a browser does.');
	try {
		await request.clone().formData();
	} catch (e) {
		if ((e as { status?: number }).status === 413)
			return refuse(event, 413, 'too_large', 'The form is larger than the server accepts.');
		return refuse(event, 400, 'bad_request', 'The form could not be read. Send it again.');
	}
	return resolve(event);
};

/** What the session handles need: the database and PARALLAX_SECRET (if set). */
export interface SessionDeps {
	db: () => Promise<Db>;
	secret?: string;
}

/** The room a path belongs to (`/rooms/<id>…` or `/api/rooms/<id>…`), if any. */
const ROOM_PATH =
	/^(?:\/api)?\/rooms\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:\/|$)/i;

/**
 * Verify the session cookie's signature (no query): locals.sessionKey is the workspace token's
 * hash, or, on a room's paths with a valid room cookie, `room:` and that member token's hash (a
 * class shares one IP address, so each student gets their own bucket). Null otherwise.
 */
export function createSessionKey(deps: SessionDeps): Handle {
	return async ({ event, resolve }) => {
		event.locals.workspace = null;
		event.locals.sessionKey = null;
		const cookie = event.cookies.get(workspaces.WORKSPACE_COOKIE);
		const roomId = roomOfPath(event.url.pathname);
		const roomCookie = roomId ? event.cookies.get(roomCookieName(roomId)) : undefined;
		if (cookie || roomCookie) {
			const secret = await workspaces.getSecret(await deps.db(), deps.secret);
			event.locals.sessionKey = sessionKeyOf(secret, cookie, roomCookie);
		}
		return resolve(event);
	};
}

/** The room id (lower case) a path belongs to, if any. */
export function roomOfPath(pathname: string): string | undefined {
	return ROOM_PATH.exec(pathname)?.[1]?.toLowerCase();
}

/**
 * The session key of a request's cookies (see createSessionKey): a valid room cookie's member
 * first, else a valid workspace cookie's token hash, else null.
 */
export function sessionKeyOf(
	secret: Buffer,
	workspaceCookie: string | undefined,
	roomCookie: string | undefined
): string | null {
	const member = roomCookie && workspaces.verifyCookieValue(secret, roomCookie);
	if (member) return `room:${member}`;
	if (workspaceCookie) return workspaces.verifyCookieValue(secret, workspaceCookie) ?? null;
	return null;
}

/**
 * The limiters: one bucket per session, one per address for writes without a session (each
 * makes a new session), one per address for all writes. Null turns one off.
 */
export interface Limiters {
	session: RateLimiter | null;
	anonymous: RateLimiter | null;
	/** all writes of an address, whatever the session (absent: no such limit) */
	address?: RateLimiter | null;
	/** the clock (ms), replaceable in tests */
	now?: () => number;
}

/**
 * Per-session write limit (per address before there is a session), and a limit on all writes of
 * an address so fresh sessions cannot multiply the first → 429 with Retry-After.
 */
export function createRateLimit(limiters: Limiters): Handle {
	return ({ event, resolve }) => {
		if (!isWrite(event.request.method)) return resolve(event);
		const result = takeWriteTokens(limiters, event.locals.sessionKey, clientAddress(event));
		if (result.ok) return resolve(event);
		return refuse(event, 429, 'rate_limited', 'Too many changes at once. Wait a moment.', {
			'retry-after': String(result.retryAfterSeconds)
		});
	};
}

/**
 * A write let through or refused (with the seconds to wait), and how to give back the tokens it
 * took (the fast lane hands some requests on to SvelteKit, which takes them again).
 */
export type WriteTokens = ({ ok: true } | { ok: false; retryAfterSeconds: number }) & {
	refund(): void;
};

/**
 * Take a write's tokens: its session's (its address's anonymous bucket before there is a
 * session), then its address's. A refused own bucket does not also spend the address's token.
 */
export function takeWriteTokens(
	limiters: Limiters,
	sessionKey: string | null | undefined,
	clientAddress: string
): WriteTokens {
	const now = limiters.now?.() ?? Date.now();
	const address = addressKey(clientAddress);
	const [ownLimiter, ownKey] = sessionKey
		? [limiters.session, `s:${sessionKey}`]
		: [limiters.anonymous, `ip:${address}`];
	const own = ownLimiter?.take(ownKey, now);
	const all = own && !own.ok ? undefined : limiters.address?.take(`a:${address}`, now);
	const refund = () => {
		if (own?.ok) ownLimiter!.refund(ownKey);
		if (all?.ok) limiters.address!.refund(`a:${address}`);
	};
	const refused = own && !own.ok ? own : all && !all.ok ? all : undefined;
	return refused ? { ...refused, refund } : { ok: true, refund };
}

function clientAddress(event: RequestEvent): string {
	try {
		return event.getClientAddress();
	} catch {
		return 'unknown'; // prerendering and some adapters have no address
	}
}

/** locals.workspace from a verified cookie (null when there is none or it is unknown). */
export function createWorkspaceLookup(deps: SessionDeps): Handle {
	return async ({ event, resolve }) => {
		event.locals.workspace = await workspaceOfSession(deps, event.locals.sessionKey);
		return resolve(event);
	};
}

/** The workspace of a session key: null for none, an unknown one, or a room member's key. */
export async function workspaceOfSession(
	deps: SessionDeps,
	key: string | null | undefined
): Promise<workspaces.Workspace | null> {
	// a room member's key is not a workspace (room routes use the room cookie instead)
	if (!key || key.startsWith('room:')) return null;
	return (await workspaces.getByTokenHash(await deps.db(), key)) ?? null;
}

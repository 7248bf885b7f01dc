import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { isJsonContentType, jsonOfBytes } from './api';
import { acceptsGzip, MIN_BYTES } from './compression';
import {
	roomOfPath,
	sessionKeyOf,
	takeWriteTokens,
	workspaceOfSession,
	type Limiters,
	type SessionDeps
} from './handles';
import { SECURITY_HEADERS } from './request-checks';
import type { Cookies } from '@sveltejs/kit';
import type { Annotation } from '../../domain/annotation';
import {
	createFromMemory,
	createInRoom,
	personalCreateKey,
	remembersCreate
} from '../rooms/annotation-create';
import { roomCookieName } from '../rooms/tokens';
import { getSecret, WORKSPACE_COOKIE } from '../rooms/workspaces';

// The fast lane: the hot write, an annotation create, served straight from node:http in front
// of SvelteKit. A request SvelteKit refuses before any query already costs 1.6-2.5 ms of CPU
// (undici Request/Response, respond, the hooks), three times the create's own statement; the
// lane skips that machinery, not any check. It runs the same steps as the hooks and the route
// (origin, content type, session cookie, rate limits, workspace, the create and its live
// publish) with the same functions, for a personal room's create from a remembered membership
// and for a class member's create. It answers only the creates it served (201, or 200 for a
// retry). Anything else, and any doubt, goes to SvelteKit untouched (the body it read replayed,
// the rate-limit tokens it took given back), which answers as it always does: refusals, a
// reader's first write (it may make their workspace and room), framings.

/** Where the SvelteKit server code leaves the lane for the front server (server.js). */
export const FAST_LANE = Symbol.for('parallax.fastLane');

/** Bodies the lane reads at most: an annotation with long quotes is a few KB. */
export const MAX_LANE_BYTES = 64 * 1024;

/** A lane answer carries this Server-Timing entry, so a client (the bench) sees who served it. */
export const LANE_TIMING = 'fast-lane';

/** A create the lane may serve: the route it names. */
export type LaneRoute = { kind: 'personal'; comparison: string } | { kind: 'room'; roomId: string };

/** The personal room's create, by the comparison's uuid or slug as the address names it. */
const PERSONAL_CREATE = /^\/api\/comparisons\/([A-Za-z0-9-]{1,100})\/annotations$/;
/** A class room's create. */
const ROOM_CREATE = /^\/api\/rooms\/([0-9A-Fa-f-]{36})\/annotations$/;

/** What the lane knows of the configuration: ORIGIN's origin (no lane without it). */
export interface LaneConfig {
	origin: string;
}

/** One header's single value, or undefined when it is absent or sent more than once. */
function single(headers: IncomingHttpHeaders, name: string): string | undefined {
	const value = headers[name];
	return typeof value === 'string' ? value : undefined;
}

/**
 * The create route a request names, when the lane may serve it from its headers alone: POST, a
 * create's path without query, Origin exactly the configured ORIGIN (the hooks' cross-origin
 * check), a JSON content type, a declared length of 1 to MAX_LANE_BYTES bytes (not chunked, no
 * Expect). Null sends it to SvelteKit.
 */
export function laneRoute(
	method: string | undefined,
	url: string | undefined,
	headers: IncomingHttpHeaders,
	config: LaneConfig
): LaneRoute | null {
	if (method !== 'POST' || !url) return null;
	if (single(headers, 'origin') !== config.origin) return null;
	if (!isJsonContentType(single(headers, 'content-type') ?? null)) return null;
	if (headers['transfer-encoding'] !== undefined || headers.expect !== undefined) return null;
	const length = single(headers, 'content-length');
	if (!length || !/^[0-9]{1,6}$/.test(length)) return null;
	const bytes = Number(length);
	if (bytes < 1 || bytes > MAX_LANE_BYTES) return null;
	const personal = PERSONAL_CREATE.exec(url);
	if (personal) return { kind: 'personal', comparison: personal[1] };
	const room = ROOM_CREATE.exec(url);
	if (room && roomOfPath(url)) return { kind: 'room', roomId: room[1] };
	return null;
}

/**
 * The value of cookie `name` in a Cookie header as SvelteKit reads it (the first one of that
 * name); undefined when absent, and null when its value is quoted or percent-encoded (which the
 * lane leaves to SvelteKit's decoding).
 */
export function cookieValue(header: string | undefined, name: string): string | undefined | null {
	if (!header) return undefined;
	for (const part of header.split(';')) {
		const eq = part.indexOf('=');
		if (eq === -1 || part.slice(0, eq).trim() !== name) continue;
		const value = part.slice(eq + 1).trim();
		return /["%]/.test(value) ? null : value;
	}
	return undefined;
}

/** How adapter-node finds the client address (ADDRESS_HEADER, XFF_DEPTH). */
export interface AddressConfig {
	/** lower case; '' for the socket's address */
	header: string;
	xffDepth: number;
}

/**
 * The client address as adapter-node's getClientAddress gives it, or 'unknown' where it would
 * throw (the hooks' rate limit reads 'unknown' then too).
 */
export function clientAddressOf(
	headers: IncomingHttpHeaders,
	socketAddress: string | undefined,
	config: AddressConfig
): string {
	if (!config.header) return socketAddress ?? 'unknown';
	if (!(config.header in headers)) return 'unknown';
	const value = (headers[config.header] as string | undefined) || '';
	if (config.header !== 'x-forwarded-for') return value;
	const addresses = value.split(',');
	if (config.xffDepth < 1 || config.xffDepth > addresses.length) return 'unknown';
	return addresses[addresses.length - config.xffDepth].trim();
}

/** What the lane needs from the SvelteKit server code. */
export interface LaneDeps {
	config: LaneConfig;
	address: AddressConfig;
	session: SessionDeps;
	limiters: Limiters;
}

/** How many requests the lane served and how many of its routes' it handed on. */
export interface LaneCounts {
	served: number;
	handedOn: number;
}

/** The lane as the front server calls it: serve the request or hand it to `fallback`. */
export interface FastLane {
	(req: IncomingMessage, res: ServerResponse, fallback: (req: IncomingMessage) => void): void;
	counts: LaneCounts;
}

/** The request again, its body the bytes the lane read, for SvelteKit's handler. */
function replay(req: IncomingMessage, body: Buffer): IncomingMessage {
	const copy = new Readable({ read() {} }) as unknown as IncomingMessage;
	copy.push(body);
	copy.push(null);
	return Object.assign(copy, {
		method: req.method,
		url: req.url,
		headers: req.headers,
		rawHeaders: req.rawHeaders,
		httpVersion: req.httpVersion,
		httpVersionMajor: req.httpVersionMajor,
		httpVersionMinor: req.httpVersionMinor,
		socket: req.socket,
		connection: req.socket
	});
}

/** Read a body of the declared length (the lane checked it is at most MAX_LANE_BYTES). */
function readBody(req: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const parts: Buffer[] = [];
		req.on('data', (chunk: Buffer) => parts.push(chunk));
		req.once('end', () => resolve(Buffer.concat(parts)));
		req.once('error', reject);
	});
}

/** The 201 of a create as the route and the hooks answer it (security headers, compression). */
function answer(req: IncomingMessage, res: ServerResponse, { status, value }: Served): void {
	const text = JSON.stringify(value);
	let body: Buffer = Buffer.from(text);
	const headers: Record<string, string> = {
		'content-type': 'application/json',
		...SECURITY_HEADERS,
		'server-timing': LANE_TIMING
	};
	let gzip = false;
	if (body.byteLength >= MIN_BYTES) {
		// as the hooks' compression: worth it from MIN_BYTES, for clients that accept gzip
		headers.vary = 'Accept-Encoding';
		gzip = acceptsGzip(single(req.headers, 'accept-encoding') ?? null);
	}
	if (gzip) {
		// sent chunked, without a length, as the hooks' gzip stream is
		headers['content-encoding'] = 'gzip';
		body = gzipSync(body);
	} else headers['content-length'] = String(body.byteLength);
	res.writeHead(status, headers);
	res.end(body);
}

/** A create the lane served: 201 when made, 200 for a retry of a stored one. */
interface Served {
	status: 200 | 201;
	value: Annotation;
}

/**
 * Serve a create the lane took, or undefined when it must go to SvelteKit (nothing stored, no
 * token kept). A personal room's create only from a remembered membership (a first write may
 * make the room, whose answers SvelteKit gives); a class member's create as the route runs it
 * (createInRoom), its refusals thrown before anything is stored.
 */
async function serveCreate(
	deps: LaneDeps,
	req: IncomingMessage,
	route: LaneRoute,
	body: Buffer
): Promise<Served | undefined> {
	const cookies = single(req.headers, 'cookie');
	const workspaceCookie = cookieValue(cookies, WORKSPACE_COOKIE);
	const roomCookieOf = (roomId: string) => cookieValue(cookies, roomCookieName(roomId));
	const roomId = route.kind === 'room' ? route.roomId.toLowerCase() : undefined;
	const roomCookie = roomId ? roomCookieOf(roomId) : undefined;
	if (workspaceCookie === null || roomCookie === null) return undefined;
	if (!workspaceCookie && !roomCookie) return undefined; // a first write makes the workspace
	const secret = await getSecret(await deps.session.db(), deps.session.secret);
	const sessionKey = sessionKeyOf(secret, workspaceCookie, roomCookie);
	if (!sessionKey) return undefined;
	const workspace = await workspaceOfSession(deps.session, sessionKey);
	const personalKey =
		route.kind === 'personal' && workspace && personalCreateKey(workspace.id, route.comparison);
	if (route.kind === 'personal' && !(personalKey && (await remembersCreate(personalKey))))
		return undefined;
	const address = clientAddressOf(req.headers, req.socket.remoteAddress, deps.address);
	const tokens = takeWriteTokens(deps.limiters, sessionKey, address);
	try {
		if (!tokens.ok) throw new Error('rate limited: SvelteKit answers the 429');
		const input = jsonOfBytes(body);
		const made = personalKey
			? await createFromMemory(personalKey, input)
			: await createInRoom(
					{
						// the route's view of the request: its room cookie and workspace
						cookies: {
							get: (name: string) => (name === roomCookieName(roomId!) ? roomCookie : undefined)
						} as Cookies,
						locals: { workspace } as App.Locals,
						params: { roomId: route.kind === 'room' ? route.roomId : undefined }
					},
					input
				);
		if (made) return { status: made.created ? 201 : 200, value: made.value };
		throw new Error('not created in one statement: SvelteKit takes the first path');
	} catch {
		// a refusal, or anything else: SvelteKit runs the request from the start, tokens included
		tokens.refund();
		return undefined;
	}
}

/** The fast lane over the SvelteKit server code's database, limiters and configuration. */
export function createFastLane(deps: LaneDeps): FastLane {
	const counts: LaneCounts = { served: 0, handedOn: 0 };
	const lane = (
		req: IncomingMessage,
		res: ServerResponse,
		fallback: (req: IncomingMessage) => void
	) => {
		const route = laneRoute(req.method, req.url, req.headers, deps.config);
		if (!route) return fallback(req);
		readBody(req).then(
			async (body) => {
				let served: Served | undefined;
				try {
					served = await serveCreate(deps, req, route, body);
				} catch {
					served = undefined; // the database or the secret: SvelteKit answers (503…)
				}
				if (served) {
					counts.served++;
					answer(req, res, served);
				} else {
					counts.handedOn++;
					fallback(replay(req, body));
				}
			},
			() => res.destroy() // the client went away while sending
		);
	};
	return Object.assign(lane, { counts });
}

/** Leave the lane for the front server (hooks.server.ts calls this at init). */
export function registerFastLane(lane: FastLane): void {
	(globalThis as { [FAST_LANE]?: FastLane })[FAST_LANE] = lane;
}

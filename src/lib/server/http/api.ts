import { error } from '@sveltejs/kit';
import type { FieldError } from '../../domain/annotation';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from '../db/unreachable';
import { RequestError, type ErrorCode } from './errors';
import { prefersHtml } from './request-checks';

// Request and response helpers of the JSON API: bounded body reading that turns every kind of
// bad input into a 4xx, and the one error shape `{ error: { code, message, fields? } }`.

/** Media types the API reads (JSON-LD is JSON with a context). */
const JSON_TYPES: readonly string[] = ['application/json', 'application/ld+json'];
/** Default body limit of one annotation, reply or decision: quotes of long passages fit. */
const MAX_JSON_BYTES = 256 * 1024;
/** Nesting deeper than any request of the API needs (a JSON-LD pack is about 8 deep). */
const MAX_JSON_DEPTH = 64;

/** The `{ error }` body every API refusal has. */
interface ErrorBody {
	error: { code: ErrorCode; message: string; fields?: FieldError[] };
}

/** A JSON error response; extra headers (Retry-After…) are added as given. */
export function errorResponse(
	status: number,
	code: ErrorCode,
	message: string,
	options: { fields?: FieldError[]; headers?: Record<string, string> } = {}
): Response {
	const body: ErrorBody = { error: { code, message } };
	if (options.fields?.length) body.error.fields = options.fields;
	return jsonBody(body, status, options.headers);
}

/**
 * A 404 from an endpoint outside /api that browsers and scripts both fetch (a comparison's
 * download): a browser gets the HTML error page (SvelteKit's, thrown), any other client the
 * API's error shape, not SvelteKit's bare `{ message }`.
 */
export function notFoundResponse(request: Request, message: string): Response {
	if (prefersHtml(request.headers.get('accept'))) error(404, message);
	return errorResponse(404, 'not_found', message);
}

/** A JSON response with its Content-Length, so small answers are not worth compressing. */
function jsonBody(data: unknown, status: number, headers: Record<string, string> = {}) {
	const text = JSON.stringify(data);
	return new Response(text, {
		status,
		headers: {
			'content-type': 'application/json',
			'content-length': String(Buffer.byteLength(text)),
			...headers
		}
	});
}

/** 503 for an unreachable database, with how long to wait. */
export function unavailableResponse(): Response {
	return errorResponse(
		503,
		'unavailable',
		'The database is not reachable right now. Try again in a few seconds.',
		{ headers: { 'retry-after': String(DATABASE_RETRY_AFTER_SECONDS) } }
	);
}

/** The media type of a Content-Type header, lower case without parameters ('' when absent). */
export function mediaType(header: string | null): string {
	return (header ?? '').split(';')[0].trim().toLowerCase();
}

/** True when a Content-Type is one the API reads, in UTF-8 (the only charset JSON has). */
export function isJsonContentType(header: string | null): boolean {
	if (!JSON_TYPES.includes(mediaType(header))) return false;
	const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(header ?? '')?.[1]?.toLowerCase();
	return charset === undefined || charset === 'utf-8' || charset === 'utf8';
}

const tooLarge = (max: number) =>
	new RequestError(
		413,
		'too_large',
		`The request body is larger than ${Math.round(max / 1024)} KB.`
	);

/**
 * The body as bytes, refusing more than `max`. A refused body is still read to its end (and
 * dropped; BODY_SIZE_LIMIT bounds it): answering while the client is still sending would leave
 * the rest on a keep-alive connection, and the client's next request on it would hang.
 */
async function readBytes(request: Request, max: number): Promise<Uint8Array> {
	if (!request.body) return new Uint8Array();
	const declared = Number(request.headers.get('content-length'));
	const reader = request.body.getReader();
	const parts: Uint8Array[] = [];
	let size = 0;
	let over = Number.isFinite(declared) && declared > max;
	for (;;) {
		let chunk: ReadableStreamReadResult<Uint8Array>;
		try {
			chunk = await reader.read();
		} catch (e) {
			// SvelteKit ends the stream with a 413 error past BODY_SIZE_LIMIT
			if ((e as { status?: number }).status === 413) throw tooLarge(max);
			throw e;
		}
		if (chunk.done) break;
		size += chunk.value.byteLength;
		over ||= size > max;
		if (!over) parts.push(chunk.value);
	}
	if (over) throw tooLarge(max);
	const bytes = new Uint8Array(size);
	let at = 0;
	for (const p of parts) {
		bytes.set(p, at);
		at += p.byteLength;
	}
	return bytes;
}

/** Deepest nesting of arrays and objects in JSON text, counted outside strings. */
export function jsonDepth(text: string): number {
	let depth = 0;
	let max = 0;
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (inString) {
			if (c === 0x5c)
				i++; // backslash: skip the escaped character
			else if (c === 0x22) inString = false;
		} else if (c === 0x22) inString = true;
		else if (c === 0x5b || c === 0x7b) max = Math.max(max, ++depth);
		else if (c === 0x5d || c === 0x7d) depth--;
	}
	return max;
}

const badRequest = (message: string) => new RequestError(400, 'bad_request', message);

/**
 * The request's JSON body: 415 for another content type, 413 above `maxBytes`, 400 for bytes
 * that are not UTF-8, text that is not JSON, or nesting deeper than MAX_JSON_DEPTH.
 */
export async function readJson(
	request: Request,
	{ maxBytes = MAX_JSON_BYTES }: { maxBytes?: number } = {}
): Promise<unknown> {
	if (!isJsonContentType(request.headers.get('content-type')))
		throw new RequestError(
			415,
			'unsupported_media_type',
			'Send JSON (content-type: application/json).'
		);
	return jsonOfBytes(await readBytes(request, maxBytes));
}

/**
 * A JSON body's value from its bytes: 400 for bytes that are not UTF-8, text that is not JSON,
 * or nesting deeper than MAX_JSON_DEPTH.
 */
export function jsonOfBytes(bytes: Uint8Array): unknown {
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
	} catch {
		throw badRequest('The request body is not valid UTF-8.');
	}
	if (text.trim() === '') throw badRequest('The request body is empty; send a JSON object.');
	if (jsonDepth(text) > MAX_JSON_DEPTH) throw badRequest('The JSON is nested too deeply.');
	try {
		return JSON.parse(text) as unknown;
	} catch (e) {
		throw badRequest(`The request body is not valid JSON: ${(e as Error).message}`);
	}
}

/** A thrown value as an API response: RequestError → its status, unreachable database → 503. */
function responseForError(e: unknown): Response | undefined {
	if (e instanceof RequestError)
		return errorResponse(e.status, e.code, e.message, { fields: e.fields });
	if (isDatabaseUnavailable(e)) return unavailableResponse();
	return undefined;
}

/**
 * Run a route handler and map the errors it throws to JSON responses; anything else is a bug
 * and goes on to SvelteKit's 500 (and handleError's log).
 */
export function apiRoute<E>(
	handler: (event: E) => Promise<Response>
): (event: E) => Promise<Response> {
	return async (event) => {
		try {
			return await handler(event);
		} catch (e) {
			const response = responseForError(e);
			if (response) return response;
			throw e;
		}
	};
}

/** JSON success response with optional status and headers. */
export function jsonResponse(data: unknown, status = 200, headers: Record<string, string> = {}) {
	return jsonBody(data, status, headers);
}

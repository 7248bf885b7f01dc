import type { FieldError } from '../../domain/annotation';

/** The machine-readable codes of API errors (docs/API.md lists when each is used). */
export type ErrorCode =
	| 'bad_request'
	| 'invalid'
	| 'forbidden'
	| 'cross_origin'
	| 'not_found'
	| 'method_not_allowed'
	| 'conflict'
	| 'deleted'
	| 'too_large'
	| 'unsupported_media_type'
	| 'rate_limited'
	| 'unavailable';

/**
 * A refusal a person or client can act on: server modules throw it and the API routes turn it
 * into `{ error: { code, message, fields? } }` with its status, never a 500.
 */
export class RequestError extends Error {
	override name = 'RequestError';

	constructor(
		readonly status: number,
		readonly code: ErrorCode,
		message: string,
		readonly fields?: FieldError[]
	) {
		super(message);
	}
}

/** 404 for unknown ids, and for other scopes' data (never reveal that it exists). */
export function notFound(what: string): RequestError {
	return new RequestError(404, 'not_found', `No ${what} has this id.`);
}

/** 422 with the validator's field messages. */
export function invalid(fields: FieldError[], message = 'Some fields need attention.') {
	return new RequestError(422, 'invalid', message, fields);
}

/**
 * 422 naming the fields of a JSON object body the endpoint does not read (up to ten), as the
 * annotation endpoints do: a typo ("titel") is told, not silently dropped.
 */
export function refuseUnknownFields(body: object, known: readonly string[]): void {
	const unknown = Object.keys(body).filter((k) => !known.includes(k));
	if (unknown.length > 0)
		throw invalid(
			unknown.slice(0, 10).map((field) => ({ field, message: `Unknown field "${field}".` }))
		);
}

/** 409: the id is taken by other content, or the change conflicts with the stored state. */
export function conflict(message: string): RequestError {
	return new RequestError(409, 'conflict', message);
}

/** 403: the caller can see it but may not change it (someone else's annotation in a room). */
export function forbidden(message: string): RequestError {
	return new RequestError(403, 'forbidden', message);
}

// HTTP: what every request passes through before and after a route. The hooks
// (src/hooks.server.ts) sequence handles.ts (address, origin, content type, session, rate
// limits, database guard), security headers and compression; api.ts reads bodies and writes
// the one error shape; errors.ts are the refusals server modules throw; error-log.ts keeps
// unexpected errors readable under a flood; flash.ts carries a status line across a redirect.

export { apiRoute, errorResponse, jsonResponse, notFoundResponse, readJson } from './api';
export { compression } from './compression';
export { ERROR_LOG, createErrorLog, requestLabel } from './error-log';
export { setFlash, takeFlash } from './flash';
export {
	RequestError,
	conflict,
	forbidden,
	invalid,
	notFound,
	refuseUnknownFields
} from './errors';
export {
	addressGuard,
	apiErrorShape,
	contentTypeGuard,
	createOriginGuard,
	createProtocolDefault,
	createRateLimit,
	createSessionKey,
	createWorkspaceLookup,
	databaseGuard,
	formGuard,
	securityHeaders
} from './handles';
export type { Limiters, SessionDeps } from './handles';
export {
	ADDRESS_WRITES,
	ANONYMOUS_WRITES,
	RateLimiter,
	SESSION_WRITES,
	scaled
} from './rate-limit';
export type { BucketOptions } from './rate-limit';
export { isUuid } from './uuid';

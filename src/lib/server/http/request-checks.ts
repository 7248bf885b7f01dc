// Pure request checks behind the hooks' handles (src/hooks.server.ts): who may write, in which
// content types, and the headers every response carries. SvelteKit's own origin check only
// covers form content types (and is off in `vite dev`), so JSON writes are checked here.

/** Methods that must not change anything, so any origin may send them. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** True for methods that may change data (everything but GET, HEAD, OPTIONS). */
export function isWrite(method: string): boolean {
	return !SAFE_METHODS.has(method.toUpperCase());
}

/**
 * May this request write? Safe methods always; otherwise its Origin must be one of the app's
 * origins, or (no usable Origin) the browser must vouch with Sec-Fetch-Site: same-origin.
 * A client that sends neither (curl, another server) is refused: send Origin.
 */
export function isSameOriginWrite(
	method: string,
	headers: Headers,
	appOrigins: readonly string[]
): boolean {
	if (!isWrite(method)) return true;
	const origin = headers.get('origin');
	if (origin && origin !== 'null' && appOrigins.includes(origin)) return true;
	return headers.get('sec-fetch-site') === 'same-origin';
}

/** The origins the app answers as: the request URL's, plus ORIGIN when it is set. */
export function appOrigins(url: URL, configured?: string): string[] {
	const origins = [url.origin];
	if (configured) {
		try {
			const o = new URL(configured).origin;
			if (!origins.includes(o)) origins.push(o);
		} catch {
			// a malformed ORIGIN adds nothing; adapter-node refuses to start with one anyway
		}
	}
	return origins;
}

/** True for requests of the JSON API. */
export function isApiPath(pathname: string): boolean {
	return pathname === '/api' || pathname.startsWith('/api/');
}

/** True when a request carries a body (declared length above 0, or a chunked one). */
function hasBody(request: Request): boolean {
	const length = request.headers.get('content-length');
	if (length !== null) return Number(length) > 0;
	return request.headers.has('transfer-encoding') || request.body !== null;
}

/**
 * API writes must be JSON: POST, PUT and PATCH always carry a body, DELETE only sometimes, so
 * a DELETE is checked only when it has one. `accepts` tells if a Content-Type is allowed.
 */
export function needsJsonContentType(request: Request): boolean {
	const method = request.method.toUpperCase();
	if (!isWrite(method)) return false;
	return method !== 'DELETE' || hasBody(request);
}

/**
 * Headers every response gets (unless a route set its own): no MIME sniffing, no referrer
 * outside the app, no framing, and no powerful features. CSP comes from kit.csp in svelte.config.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'same-origin',
	'x-frame-options': 'DENY',
	// only features browsers know: an unknown one is logged as a console error by Chromium
	'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'
};

/** The response with SECURITY_HEADERS added (copied first if its headers are immutable). */
export function withSecurityHeaders(response: Response): Response {
	const missing = Object.entries(SECURITY_HEADERS).filter(([k]) => !response.headers.has(k));
	if (missing.length === 0) return response;
	try {
		for (const [k, v] of missing) response.headers.set(k, v);
		return response;
	} catch {
		// Response.redirect() and fetched responses have immutable headers
		const copy = new Response(response.body, response);
		for (const [k, v] of missing) copy.headers.set(k, v);
		return copy;
	}
}

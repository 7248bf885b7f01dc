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

/** How closely an Accept range names a type: 2 exactly, 1 by its family (text/…), 0 as any type, -1 not. */
function rangeMatch(range: string, type: string): number {
	if (range === type) return 2;
	if (range === '*/*') return 0;
	return range.endsWith('/*') && type.startsWith(range.slice(0, -1)) ? 1 : -1;
}

/**
 * Whether a client asks for HTML before JSON, as SvelteKit chooses between its HTML error page
 * and JSON (highest q, then the most specific range, then the order sent): a browser's
 * navigation names text/html first and any type at q=0.8, fetch and curl accept any type (JSON
 * first, as SvelteKit answers them), and no Accept at all is a script, never a browser.
 * @example prefersHtml('text/html,application/xhtml+xml,application/xml;q=0.9') // true
 */
export function prefersHtml(accept: string | null): boolean {
	const ranges = (accept ?? '')
		.split(',')
		.map((part, i) => {
			const [range, ...params] = part.trim().toLowerCase().split(';');
			const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
			return { range: range.trim(), q: q === undefined ? 1 : Number(q), i };
		})
		.filter((r) => r.range && r.q > 0);
	let best: { q: number; specific: number; i: number; html: boolean } | null = null;
	for (const { range, q, i } of ranges) {
		for (const [type, html] of [
			['application/json', false],
			['text/html', true]
		] as const) {
			const specific = rangeMatch(range, type);
			if (specific < 0) continue;
			const better =
				!best ||
				q > best.q ||
				(q === best.q && (specific > best.specific || (specific === best.specific && i < best.i)));
			if (better) best = { q, specific, i, html };
		}
	}
	return best?.html ?? false;
}

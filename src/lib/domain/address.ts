/**
 * Which request addresses can name anything Parallax serves. Both ends ask: the server's
 * address guard refuses the others before any route, load or database sees them, and the
 * reroute hook (src/hooks.ts, in the server and the browser) sends a page's bad address to the
 * app's own error page instead of a bare text answer.
 */
import { labelProblem } from './text/plain-text';

/** Longest request path (as sent: percent-encoded, a byte a character) any route answers; ids, slugs and tokens are short. */
export const MAX_PATH_LENGTH = 2048;

/** The route a page's bad address is rerouted to: its load answers 400 with the problem. */
export const ADDRESS_PROBLEM_ROUTE = '/address-problem';

/**
 * The route to serve a request's address with instead, or undefined for its own: a page whose
 * address names nothing gets the error page of ADDRESS_PROBLEM_ROUTE; the API keeps its own
 * JSON refusal (the address guard answers it).
 * @example rerouteAddress(new URL('http://app.test/compare/%00')) // '/address-problem'
 */
export function rerouteAddress(url: URL): string | undefined {
	const api = url.pathname === '/api' || url.pathname.startsWith('/api/');
	if (api || addressProblem(url) === null) return undefined;
	return ADDRESS_PROBLEM_ROUTE;
}

/**
 * What is wrong with a request's address, or null: a path past MAX_PATH_LENGTH, or a path segment
 * or query part that does not decode, or that holds a control character or a lone surrogate,
 * names nothing the app stores (and PostgreSQL cannot even compare a NUL). Query values may hold
 * line breaks and tabs, and may be long (a search).
 * @example addressProblem(new URL('http://app.test/compare/%00')) // 'The address contains a control or broken character.'
 */
export function addressProblem(url: URL): string | null {
	if (url.pathname.length > MAX_PATH_LENGTH) return 'The address is too long.';
	for (const segment of url.pathname.split('/')) {
		let decoded: string;
		try {
			decoded = decodeURIComponent(segment);
		} catch {
			return 'The address is not valid UTF-8.';
		}
		if (labelProblem(decoded)) return 'The address contains a control or broken character.';
	}
	for (const [key, value] of url.searchParams) {
		if (labelProblem(key) || labelProblem(value, { lines: true }))
			return 'The query contains a control or broken character.';
	}
	return null;
}

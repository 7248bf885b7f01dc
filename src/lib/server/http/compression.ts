import type { Handle } from '@sveltejs/kit';

// adapter-node serves the built assets precompressed but sends rendered pages and API answers
// as they are: the reading view's HTML (both full articles, every analysis panel and the
// hydration data) is ~250 KB raw and ~40 KB gzip, which decides how fast a phone on a slow
// network sees the text. So answers worth compressing are gzip-streamed here.

/** Below this many bytes (when the length is known) compressing costs more than it saves. */
export const MIN_BYTES = 1024;

/** Media types worth compressing; event streams are not (each event must leave at once). */
const COMPRESSIBLE =
	/^(text\/(html|plain|csv|css)|application\/(json|ld\+json|javascript|xml)|image\/svg\+xml)\b/;

/** Whether the client accepts gzip (an explicit q=0 refuses it). */
export function acceptsGzip(header: string | null): boolean {
	if (!header) return false;
	return header.split(',').some((part) => {
		const [coding, ...params] = part.trim().toLowerCase().split(';');
		if (coding !== 'gzip' && coding !== '*') return false;
		const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		return !q || Number(q.slice(2)) > 0;
	});
}

/** Whether this response should be gzip-streamed for a client that accepts it. */
function isCompressible(request: Request, response: Response): boolean {
	if (request.method === 'HEAD' || !response.body) return false;
	if (response.status < 200 || response.status === 204 || response.status === 206) return false;
	if (response.headers.has('content-encoding')) return false;
	const length = response.headers.get('content-length');
	if (length !== null && Number(length) < MIN_BYTES) return false;
	return COMPRESSIBLE.test(response.headers.get('content-type') ?? '');
}

/** gzip-stream pages and API answers for clients that accept it (Vary: Accept-Encoding). */
export const compression: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	if (!isCompressible(event.request, response)) return response;
	const vary = response.headers.get('vary');
	const headers = new Headers(response.headers);
	headers.set('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
	if (!acceptsGzip(event.request.headers.get('accept-encoding')))
		return new Response(response.body, { status: response.status, headers });
	headers.set('content-encoding', 'gzip');
	headers.delete('content-length');
	const body = response.body!.pipeThrough(new CompressionStream('gzip'));
	return new Response(body, { status: response.status, statusText: response.statusText, headers });
};

// One request on someone's behalf, guarded: the host's every address must be public
// (link-addresses.ts, unless allowed), the socket connects to the address that was checked (its
// lookup is pinned, so no second DNS answer can swap it), and the body is read only for a 2xx
// page type, decoded from any content coding and capped while it streams. Redirects and the
// deadline are the caller's (fetchPage in link.ts).
import { lookup } from 'node:dns/promises';
import type { LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { hostPort, refusedAddress } from './link-addresses';
import { URL_MESSAGES } from './link-limits';

/** A link refused with the message to show (URL_MESSAGES). */
export class Refusal extends Error {}

/** Resolves a host and checks every address it has; the first one is the one to connect to. */
export async function checkedAddress(url: URL, allow: Set<string>): Promise<LookupAddress> {
	const host = url.hostname.replace(/^\[|\]$/g, '');
	let addresses: LookupAddress[];
	try {
		addresses = await lookup(host, { all: true, verbatim: true });
	} catch {
		throw new Refusal(URL_MESSAGES.noHost);
	}
	if (addresses.length === 0) throw new Refusal(URL_MESSAGES.noHost);
	if (!allow.has(hostPort(url))) {
		for (const { address } of addresses) {
			const why = refusedAddress(address);
			if (why) throw new Refusal(URL_MESSAGES.refused(why));
		}
	}
	return addresses[0];
}

/** A lookup that always answers with the address already checked (no DNS rebinding). */
function pinned(address: LookupAddress): LookupFunction {
	return ((_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
		if (options?.all) callback(null, [address]);
		else callback(null, address.address, address.family);
	}) as LookupFunction;
}

/** What one request gave: the status, a redirect's target, the type and a readable body. */
interface Response {
	status: number;
	location?: string;
	contentType: string;
	bytes?: Uint8Array;
}

/** One request to a checked address; reads the body only for a 2xx with a readable type. */
export function request(url: URL, address: LookupAddress, signal: AbortSignal, maxBytes: number) {
	return new Promise<Response>((resolvePromise, reject) => {
		const client = url.protocol === 'https:' ? https : http;
		const req = client.request(
			url,
			{
				method: 'GET',
				lookup: pinned(address),
				signal,
				headers: {
					'user-agent': 'Parallax/0.1 (article reader; +https://github.com/)',
					accept: 'text/html,application/xhtml+xml,text/plain;q=0.8',
					'accept-encoding': 'identity'
				}
			},
			(res) => {
				const status = res.statusCode ?? 0;
				const contentType = String(res.headers['content-type'] ?? '');
				const location = res.headers.location;
				if (status < 200 || status >= 300 || !readableType(contentType)) {
					res.resume();
					res.destroy();
					return resolvePromise({ status, location, contentType });
				}
				const declared = Number(res.headers['content-length']);
				if (Number.isFinite(declared) && declared > maxBytes) {
					res.destroy();
					return reject(new Refusal(URL_MESSAGES.tooBig));
				}
				// identity was asked for; a server that compresses anyway is decoded, and the cap
				// counts decoded bytes (a small compressed body can inflate enormously)
				const coding = String(res.headers['content-encoding'] ?? '')
					.toLowerCase()
					.trim();
				const body: Readable =
					coding === 'gzip' || coding === 'x-gzip'
						? res.pipe(zlib.createGunzip())
						: coding === 'deflate'
							? res.pipe(zlib.createInflate())
							: coding === 'br'
								? res.pipe(zlib.createBrotliDecompress())
								: res;
				const chunks: Buffer[] = [];
				let size = 0;
				body.on('data', (chunk: Buffer) => {
					size += chunk.length;
					if (size > maxBytes) {
						res.destroy();
						body.destroy();
						reject(new Refusal(URL_MESSAGES.tooBig));
						return;
					}
					chunks.push(chunk);
				});
				body.on('end', () =>
					resolvePromise({ status, contentType, bytes: new Uint8Array(Buffer.concat(chunks)) })
				);
				if (body !== res) body.on('error', () => reject(new Refusal(URL_MESSAGES.network)));
				res.on('error', reject);
				res.on('close', () => {
					if (!res.complete) reject(new Refusal(URL_MESSAGES.network));
				});
			}
		);
		req.on('error', reject);
		// a deadline mid-body must end the promise even if the socket closes quietly
		signal.addEventListener('abort', () => reject(new Error('deadline')), {
			once: true
		});
		req.end();
	});
}

/** The kind a Content-Type names, or undefined for types that are not pages. */
export function readableType(contentType: string): 'html' | 'text' | undefined {
	const type = contentType.split(';')[0].trim().toLowerCase();
	if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
	if (type === 'text/plain') return 'text';
	return undefined;
}

/**
 * Which network addresses a link may make the server connect to. A link is a request the server
 * makes on someone's behalf, so addresses that reach the server's own side of the network
 * (loopback, private ranges, link-local, the cloud metadata address, multicast, unspecified,
 * carrier-grade NAT) are refused. Pure functions, table-tested.
 */
import { isIPv4, isIPv6 } from 'node:net';

/** IPv4 ranges a fetched link must never reach, as [first octets, prefix length, why]. */
const REFUSED_V4: readonly [number[], number, string][] = [
	[[0], 8, 'unspecified'],
	[[10], 8, 'private'],
	[[100, 64], 10, 'carrier-grade NAT'],
	[[127], 8, 'loopback'],
	[[169, 254], 16, 'link-local (and cloud metadata)'],
	[[172, 16], 12, 'private'],
	[[192, 0, 0], 24, 'IETF protocol assignments'],
	[[192, 168], 16, 'private'],
	[[198, 18], 15, 'benchmarking'],
	[[224], 4, 'multicast'],
	[[240], 4, 'reserved and broadcast']
];

function v4Number(ip: string): number {
	return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

function refusedV4(ip: string): string | undefined {
	const n = v4Number(ip);
	for (const [octets, bits, why] of REFUSED_V4) {
		const base = v4Number([...octets, 0, 0, 0, 0].slice(0, 4).join('.'));
		const size = 2 ** (32 - bits);
		if (n >= base && n < base + size) return why;
	}
	return undefined;
}

/** The eight 16-bit groups of an IPv6 address (an embedded dotted IPv4 tail included). */
export function ipv6Groups(ip: string): number[] {
	let text = ip.toLowerCase().split('%')[0];
	const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
	if (tail) {
		const n = v4Number(tail[1]);
		text = `${text.slice(0, -tail[1].length)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
	}
	const [head, rest] = text.split('::');
	const parse = (s: string) => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
	const left = parse(head);
	const right = rest === undefined ? [] : parse(rest);
	const zeros = 8 - left.length - right.length;
	return [...left, ...Array<number>(Math.max(0, zeros)).fill(0), ...right];
}

function refusedV6(ip: string): string | undefined {
	const g = ipv6Groups(ip);
	if (g.every((x) => x === 0)) return 'unspecified';
	if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return 'loopback';
	// IPv4-mapped (::ffff:a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) reach the IPv4 address inside
	const mapped = g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff;
	const nat64 = g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0);
	if (mapped || nat64) {
		const v4 = [g[6] >> 8, g[6] & 0xff, g[7] >> 8, g[7] & 0xff].join('.');
		return refusedV4(v4);
	}
	if ((g[0] & 0xfe00) === 0xfc00) return 'private (unique local)';
	if ((g[0] & 0xffc0) === 0xfe80) return 'link-local';
	if ((g[0] & 0xffc0) === 0xfec0) return 'site-local';
	if ((g[0] & 0xff00) === 0xff00) return 'multicast';
	if (g[0] === 0x2001 && g[1] === 0x0db8) return 'documentation';
	return undefined;
}

/**
 * Why an address may not be fetched ('loopback', 'private', …), or undefined when it may; a
 * string that is no IP address is refused too.
 * @example refusedAddress('169.254.169.254') // 'link-local (and cloud metadata)'
 */
export function refusedAddress(ip: string): string | undefined {
	if (isIPv4(ip)) return refusedV4(ip);
	if (isIPv6(ip)) return refusedV6(ip);
	return 'not an IP address';
}

/**
 * The host:port pairs PARALLAX_FETCH_ALLOW lets through although they resolve to refused
 * addresses (comma- or space-separated; how tests reach a fixture server on 127.0.0.1).
 * @example allowList('127.0.0.1:4810, localhost:4811') // Set { '127.0.0.1:4810', 'localhost:4811' }
 */
export function allowList(value: string | undefined): Set<string> {
	return new Set(
		(value ?? '')
			.split(/[\s,]+/)
			.map((s) => s.trim().toLowerCase())
			.filter(Boolean)
	);
}

/** The host:port a URL connects to (default ports filled in), as the allow list names it. */
export function hostPort(url: URL): string {
	const port = url.port || (url.protocol === 'https:' ? '443' : '80');
	return `${url.hostname.toLowerCase()}:${port}`;
}

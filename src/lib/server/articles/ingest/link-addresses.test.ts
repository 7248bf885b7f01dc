import { describe, expect, it } from 'vitest';
import { allowList, hostPort, ipv6Groups, refusedAddress } from './link-addresses';

describe('refusedAddress', () => {
	it.each([
		['127.0.0.1', 'loopback'],
		['127.255.0.9', 'loopback'],
		['10.1.2.3', 'private'],
		['172.16.0.1', 'private'],
		['172.31.255.255', 'private'],
		['192.168.1.1', 'private'],
		['169.254.169.254', 'link-local (and cloud metadata)'],
		['100.64.0.1', 'carrier-grade NAT'],
		['100.127.255.255', 'carrier-grade NAT'],
		['0.0.0.0', 'unspecified'],
		['224.0.0.1', 'multicast'],
		['255.255.255.255', 'reserved and broadcast'],
		['::', 'unspecified'],
		['::1', 'loopback'],
		['fe80::1', 'link-local'],
		['fc00::1', 'private (unique local)'],
		['fd12:3456::1', 'private (unique local)'],
		['ff02::1', 'multicast'],
		['::ffff:127.0.0.1', 'loopback'],
		['::ffff:a9fe:a9fe', 'link-local (and cloud metadata)'],
		['64:ff9b::10.0.0.1', 'private'],
		['example.org', 'not an IP address']
	])('%s is refused (%s)', (ip, why) => {
		expect(refusedAddress(ip)).toBe(why);
	});

	it.each([
		'93.184.215.14',
		'172.15.255.255',
		'172.32.0.1',
		'100.63.255.255',
		'100.128.0.1',
		'8.8.8.8',
		'2606:4700::6810:84e5',
		'::ffff:8.8.8.8'
	])('%s is public', (ip) => {
		expect(refusedAddress(ip)).toBeUndefined();
	});
});

describe('ipv6Groups', () => {
	it.each([
		['::1', [0, 0, 0, 0, 0, 0, 0, 1]],
		['fe80::1%eth0', [0xfe80, 0, 0, 0, 0, 0, 0, 1]],
		['::ffff:1.2.3.4', [0, 0, 0, 0, 0, 0xffff, 0x102, 0x304]],
		['2001:db8:1:2:3:4:5:6', [0x2001, 0xdb8, 1, 2, 3, 4, 5, 6]]
	])('%s', (ip, groups) => {
		expect(ipv6Groups(ip)).toEqual(groups);
	});
});

describe('allow list', () => {
	it('reads host:port pairs, comma or space separated', () => {
		expect([...allowList(' 127.0.0.1:4810,localhost:4811  [::1]:80 ')]).toEqual([
			'127.0.0.1:4810',
			'localhost:4811',
			'[::1]:80'
		]);
		expect(allowList(undefined).size).toBe(0);
	});
	it.each([
		['http://127.0.0.1:4810/a', '127.0.0.1:4810'],
		['http://Example.org/a', 'example.org:80'],
		['https://example.org/a', 'example.org:443'],
		['http://[::1]/', '[::1]:80']
	])('%s connects to %s', (url, expected) => {
		expect(hostPort(new URL(url))).toBe(expected);
	});
});

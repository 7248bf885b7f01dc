import { describe, expect, it } from 'vitest';
import { clientAddressOf, cookieValue, laneRoute, MAX_LANE_BYTES } from './fast-lane';

const ORIGIN = 'http://127.0.0.1:3000';
const ROOM = '0b9b1c3e-3f55-4c41-9a5e-2f1d0b7c6a11';
const json = { origin: ORIGIN, 'content-type': 'application/json', 'content-length': '120' };

describe('laneRoute', () => {
	it.each([
		{
			name: 'a personal create by slug',
			url: '/api/comparisons/seed/annotations',
			headers: json,
			route: { kind: 'personal', comparison: 'seed' }
		},
		{
			name: 'a personal create by uuid',
			url: `/api/comparisons/${ROOM}/annotations`,
			headers: json,
			route: { kind: 'personal', comparison: ROOM }
		},
		{
			name: 'a class create',
			url: `/api/rooms/${ROOM}/annotations`,
			headers: json,
			route: { kind: 'room', roomId: ROOM }
		},
		{
			name: 'JSON with its charset',
			url: `/api/rooms/${ROOM}/annotations`,
			headers: { ...json, 'content-type': 'application/json; charset=utf-8' },
			route: { kind: 'room', roomId: ROOM }
		},
		{
			name: 'another method',
			method: 'PUT',
			url: `/api/rooms/${ROOM}/annotations`,
			headers: json,
			route: null
		},
		{ name: 'a query', url: '/api/comparisons/seed/annotations?x=1', headers: json, route: null },
		{
			name: 'a trailing slash',
			url: '/api/comparisons/seed/annotations/',
			headers: json,
			route: null
		},
		{
			name: 'a percent-encoded segment',
			url: '/api/comparisons/se%65d/annotations',
			headers: json,
			route: null
		},
		{
			name: 'a room id that is no uuid',
			url: '/api/rooms/0b9b1c3e-3f55-4c41-9a5e-2f1d0b7c6a1-/annotations',
			headers: json,
			route: null
		},
		{ name: 'another route', url: `/api/rooms/${ROOM}/replies`, headers: json, route: null },
		{
			name: 'no Origin (SvelteKit checks Sec-Fetch-Site)',
			url: '/api/comparisons/seed/annotations',
			headers: { ...json, origin: undefined },
			route: null
		},
		{
			name: 'another Origin',
			url: '/api/comparisons/seed/annotations',
			headers: { ...json, origin: 'http://evil.example' },
			route: null
		},
		{
			name: 'the Origin with a path',
			url: '/api/comparisons/seed/annotations',
			headers: { ...json, origin: `${ORIGIN}/` },
			route: null
		},
		{
			name: 'a form',
			url: '/api/comparisons/seed/annotations',
			headers: { ...json, 'content-type': 'text/plain' },
			route: null
		},
		{
			name: 'JSON in another charset',
			url: '/api/comparisons/seed/annotations',
			headers: { ...json, 'content-type': 'application/json; charset=latin1' },
			route: null
		},
		{
			name: 'a chunked body',
			url: '/api/comparisons/seed/annotations',
			headers: { ...json, 'content-length': undefined, 'transfer-encoding': 'chunked' },
			route: null
		},
		{
			name: 'an empty body',
			url: '/api/comparisons/seed/annotations',
			headers: { ...json, 'content-length': '0' },
			route: null
		},
		{
			name: 'the largest body',
			url: '/api/comparisons/seed/annotations',
			headers: { ...json, 'content-length': String(MAX_LANE_BYTES) },
			route: { kind: 'personal', comparison: 'seed' }
		},
		{
			name: 'a larger body',
			url: '/api/comparisons/seed/annotations',
			headers: { ...json, 'content-length': String(MAX_LANE_BYTES + 1) },
			route: null
		},
		{
			name: 'Expect: 100-continue',
			url: '/api/comparisons/seed/annotations',
			headers: { ...json, expect: '100-continue' },
			route: null
		}
	])('$name', ({ method = 'POST', url, headers, route }) => {
		expect(laneRoute(method, url, headers, { origin: ORIGIN })).toEqual(route);
	});
});

describe('cookieValue', () => {
	it.each([
		{ name: 'absent header', header: undefined, value: undefined },
		{ name: 'the only cookie', header: 'parallax_ws=abc.def', value: 'abc.def' },
		{ name: 'among others, spaced', header: 'a=1;  parallax_ws = abc.def ; b=2', value: 'abc.def' },
		{ name: 'the first of two', header: 'parallax_ws=one; parallax_ws=two', value: 'one' },
		{ name: 'a part without a value', header: 'flag; parallax_ws=abc', value: 'abc' },
		{ name: 'a longer name is another cookie', header: 'parallax_ws2=abc', value: undefined },
		{ name: 'quoted: left to SvelteKit', header: 'parallax_ws="abc"', value: null },
		{ name: 'percent-encoded: left to SvelteKit', header: 'parallax_ws=a%2Eb', value: null }
	])('$name', ({ header, value }) => {
		expect(cookieValue(header, 'parallax_ws')).toBe(value);
	});
});

describe('clientAddressOf', () => {
	it.each([
		{ name: 'the socket without ADDRESS_HEADER', headers: {}, header: '', address: '10.0.0.1' },
		{
			name: 'X-Forwarded-For, depth 1',
			headers: { 'x-forwarded-for': '1.1.1.1, 2.2.2.2' },
			header: 'x-forwarded-for',
			address: '2.2.2.2'
		},
		{
			name: 'X-Forwarded-For, depth 2',
			headers: { 'x-forwarded-for': '1.1.1.1, 2.2.2.2' },
			header: 'x-forwarded-for',
			depth: 2,
			address: '1.1.1.1'
		},
		{
			name: 'deeper than the list',
			headers: { 'x-forwarded-for': '1.1.1.1' },
			header: 'x-forwarded-for',
			depth: 2,
			address: 'unknown'
		},
		{ name: 'the header missing', headers: {}, header: 'x-forwarded-for', address: 'unknown' },
		{
			name: 'another header as it is',
			headers: { 'x-real-ip': '3.3.3.3' },
			header: 'x-real-ip',
			address: '3.3.3.3'
		}
	])('$name', ({ headers, header, depth = 1, address }) => {
		expect(clientAddressOf(headers, '10.0.0.1', { header, xffDepth: depth })).toBe(address);
	});
});

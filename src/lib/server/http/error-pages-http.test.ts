import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBuild, type BuiltServer } from '../test-support/built-server';
import { BUILT } from '$lib/test-support/browser-transport';
import { requireBuildOnCi } from '../test-support/built-seed-server';

// A QA pass against the real `node server.js`: an over-long address got a bare text page (the
// address guard's text under Node's header limit, Node's own empty 431 past it), and a wrong
// comparison's download answered SvelteKit's `{ message }` to a script. A browser now gets the
// app's error page (or, past Node's limit, a short page in its look); a script the API's shape.

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
requireBuildOnCi();

/** What Chromium sends when it navigates. */
const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe.skipIf(!BUILT)('error pages of the built server', () => {
	let server: BuiltServer;
	beforeAll(async () => {
		server = await startBuild(ROOT);
	}, 60_000);
	afterAll(async () => {
		await server?.stop();
		server?.cleanUp();
	});

	const get = (path: string, accept?: string) =>
		fetch(server.origin + path, { headers: accept === undefined ? {} : { accept } });

	it.each([
		['a path past the longest route', `/compare/${'a'.repeat(3000)}`, 'The address is too long.'],
		[
			'tens of thousands of characters',
			`/library/${'a'.repeat(15_000)}`,
			'The address is too long.'
		],
		['NUL in a path', '/compare/%00/edit', 'The address contains a control or broken character.'],
		['NUL in a query', '/library?q=%00', 'The query contains a control or broken character.']
	])('a browser gets the app’s error page for %s', async (_name, path, problem) => {
		const response = await get(path, BROWSER);
		const html = await response.text();
		expect([response.status, response.headers.get('content-type')]).toEqual([400, 'text/html']);
		// the layout's stylesheet and the error component: the page every other error has
		expect(html).toMatch(
			/<link href="[^"]*\/_app\/immutable\/assets\/[^"]+\.css" rel="stylesheet"/
		);
		expect(html).toContain('<title>400 · Parallax</title>');
		expect(html).toContain('<h1>Not a valid address</h1>');
		expect(html).toContain(
			`<p>${problem} Check the link you followed or the address you typed.</p>`
		);
		expect(html).toContain('Open the seed comparison');
	});

	it('keeps the short refusals for scripts, forms and the API', async () => {
		const long = 'a'.repeat(3000);
		const script = await get(`/compare/${long}`, '*/*');
		expect([script.status, script.headers.get('content-type'), await script.text()]).toEqual([
			400,
			'text/plain',
			'The address is too long.'
		]);
		const api = await get(`/api/comparisons/${long}/annotations`, BROWSER);
		expect([api.status, await api.json()]).toEqual([
			400,
			{ error: { code: 'bad_request', message: 'The address is too long.' } }
		]);
		const form = await fetch(`${server.origin}/compare/${long}/edit?/save`, {
			method: 'POST',
			headers: { accept: BROWSER, origin: server.origin },
			body: new URLSearchParams({ title: 'x' })
		});
		expect([form.status, await form.text()]).toEqual([400, 'The address is too long.']);
	});

	it('answers an address past Node’s header limit with a short page, not an empty 431', async () => {
		for (const accept of [BROWSER, '*/*']) {
			const response = await get(`/compare/${'a'.repeat(40_000)}`, accept);
			const html = await response.text();
			expect([response.status, response.headers.get('content-type')]).toEqual([
				431,
				'text/html; charset=utf-8'
			]);
			expect(html).toContain('<h1>Address too long</h1>');
			expect(html).toContain('<a href="/">Open the seed comparison</a>');
		}
		// the server reads the next request as usual
		expect((await get('/compare/seed', BROWSER)).status).toBe(200);
	});

	it('leaves a good long search alone', async () => {
		const response = await get(`/library?q=${'war+'.repeat(2000)}`, BROWSER);
		expect(response.status).toBe(200);
	});

	it.each([
		['a slug', '/compare/no-such-comparison/bundle'],
		['a uuid', '/compare/00000000-0000-4000-8000-000000000000/bundle']
	])('a wrong comparison’s download (%s): the API’s shape for a script', async (_name, path) => {
		for (const accept of ['*/*', 'application/json', undefined]) {
			const response = await get(path, accept);
			expect([
				response.status,
				response.headers.get('content-type'),
				await response.json()
			]).toEqual([
				404,
				'application/json',
				{ error: { code: 'not_found', message: 'No comparison has this address.' } }
			]);
		}
		const page = await get(path, BROWSER);
		expect([page.status, page.headers.get('content-type')]).toEqual([
			404,
			'text/html; charset=utf-8'
		]);
		expect(await page.text()).toContain('No comparison has this address.');
	});

	it('still downloads a comparison that exists', async () => {
		const response = await get('/compare/seed/bundle', BROWSER);
		expect(response.status).toBe(200);
		expect((await response.json()).parallax).toBe('comparison-bundle');
	});
});

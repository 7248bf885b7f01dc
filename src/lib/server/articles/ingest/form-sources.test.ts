import { chromium } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLinkServer, type LinkServer } from '../../../../../tests/link-server';
import { multiPagePdf } from '../../../../../tests/pdf-fixtures';
import { PDF_MESSAGES } from './pdf';
import { SOURCE_MESSAGES, readSubmission } from './form-sources';
import { URL_MESSAGES } from './link';

// The form with links and PDFs, end to end below the route: real HTTP, real pdf.js.
const PORT = 4813;
let server: LinkServer;
let pdf: Uint8Array<ArrayBuffer>;
const options = { allow: new Set([`127.0.0.1:${PORT}`]), timeoutMs: 1500 };
const PASTE =
	'Islanders pay the price for the harbour’s green promises.\n\nOn Monday the harbour authority raised the island ferry fare from $4 to $5.';

beforeAll(async () => {
	server = await startLinkServer(PORT);
	const browser = await chromium.launch({
		executablePath: '/usr/bin/chromium',
		args: ['--no-sandbox']
	});
	pdf = new Uint8Array(await multiPagePdf(browser));
	await browser.close();
});
afterAll(async () => {
	await server.close();
});

function formData(fields: Record<string, string | File>): FormData {
	const data = new FormData();
	for (const [k, v] of Object.entries(fields)) data.set(k, v);
	return data;
}

describe('readSubmission', () => {
	it('reads a link into the text and empty metadata fields, and empties the link field', async () => {
		const outcome = await readSubmission(
			formData({ 'a.url': `${server.base}/redirect`, 'b.text': PASTE }),
			'read',
			options
		);
		expect(outcome.errors).toEqual({});
		expect(outcome.values['a.text']).toMatch(/^Council votes to turn Market Street garage/);
		expect(outcome.values['a.outlet']).toBe('The Harbourside Ledger');
		expect(outcome.values['a.sourceUrl']).toBe(
			'https://ledger.example/news/2025/10/14/market-street-garage-homes'
		);
		expect(outcome.values['a.url']).toBe('');
		expect(outcome.notices.a).toMatch(
			/^Read http:\/\/127\.0\.0\.1:\d+\/article: [\d,]+ characters; filled title, outlet, author, date/
		);
		// where the text came from travels with it to the create step
		const claim = JSON.parse(outcome.values['a.origin']);
		expect(claim.origin).toEqual({
			kind: 'link',
			url: `${server.base}/article`,
			fetchedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/)
		});
		const created = await readSubmission(
			// the form as the browser sends it back: every value, the text box included
			formData({ ...outcome.values, 'a.genre': 'report', 'b.genre': 'report' }),
			'create',
			options
		);
		expect(created.errors).toEqual({});
		expect(created.input?.a.origin).toEqual(claim.origin);
		expect(created.input?.b.origin).toEqual({ kind: 'pasted' });
	});

	it('creates from a link and a PDF in one step', async () => {
		const outcome = await readSubmission(
			formData({
				'a.url': `${server.base}/cp1252`,
				'a.genre': 'report',
				'b.file': new File([pdf], 'timetable.pdf', { type: 'application/pdf' }),
				'b.genre': 'report'
			}),
			'create',
			options
		);
		expect(outcome.errors).toEqual({});
		expect(outcome.input?.a.raw).toContain('“unfair”');
		expect(outcome.input?.a.meta).toMatchObject({
			title: 'Café owners protest',
			outlet: 'The Old Gazette'
		});
		expect(outcome.input?.a.meta.sourceUrl).toBe(`${server.base}/cp1252`);
		const fetchedAt = (outcome.input?.a.origin as { fetchedAt: string }).fetchedAt;
		expect(Date.now() - Date.parse(fetchedAt)).toBeLessThan(60_000);
		expect(outcome.input?.a.origin).toEqual({
			kind: 'link',
			url: `${server.base}/cp1252`,
			fetchedAt
		});
		expect(outcome.input?.b.origin).toEqual({ kind: 'file', name: 'timetable.pdf' });
		expect(outcome.input?.b.raw).toMatch(/^Bus timetable changes\n\nParagraph 1 opens here/);
		expect(outcome.input?.b.raw).not.toContain('Metro Courier');
		expect(outcome.input?.b.meta.title).toBe('Bus timetable changes');
		expect(outcome.notices.b).toMatch(
			/^Read “timetable\.pdf”: [\d,]+ characters; filled title from it\. 6 running header, footer and page-number lines were left out\.$/
		);
	});

	it.each([
		[{ 'a.url': 'http://10.0.0.1/' }, 'a.url', URL_MESSAGES.refused('private')],
		[{ 'a.url': 'nonsense' }, 'a.url', URL_MESSAGES.badUrl],
		[{ 'a.url': '/login' }, 'a.url', URL_MESSAGES.paywall],
		[{ 'a.url': '/article', 'a.text': 'typed too' }, 'a.url', SOURCE_MESSAGES.linkAndText],
		[
			{ 'a.url': '/article', 'a.file': new File(['x'], 'a.txt') },
			'a.url',
			SOURCE_MESSAGES.linkAndFile
		],
		[{ 'a.file': new File(['%PDF-1.4 broken'], 'scan.pdf') }, 'a.file', PDF_MESSAGES.unreadable]
	])('refuses %o with a message at %s and stores nothing', async (fields, field, message) => {
		const withBase = Object.fromEntries(
			Object.entries(fields).map(([k, v]) => [
				k,
				typeof v === 'string' && v.startsWith('/') ? `${server.base}${v}` : v
			])
		);
		const outcome = await readSubmission(
			formData({ ...withBase, 'b.text': PASTE }),
			'create',
			options
		);
		expect(outcome.errors[field]).toBe(message);
		expect(outcome.input).toBeUndefined();
		// the failed side is not also told its text is empty
		expect(outcome.errors['a.text']).toBeUndefined();
	});

	it('a read with neither file nor link says what to give', async () => {
		const outcome = await readSubmission(formData({}), 'read', options);
		expect(outcome.errors).toEqual({ 'a.file': SOURCE_MESSAGES.nothingToRead });
	});
});

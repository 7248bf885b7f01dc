import { expect, test, type Browser, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { targetOf } from './room-helpers';

// An edited comparison travels with the annotations the edit left unplaced: the comparison file
// imports on a fresh server, and the JSON-LD export into another reader's annotations, each
// keeping them "could not be placed", as the source shows them, and the rest placed. Importing
// one's own export again changes nothing; a refusal names its item.

const COMPARE_URL = /\/compare\/[0-9a-f-]{36}$/;
/** A second server, on an empty data directory: "elsewhere" (E2E_PORT + 5, in this run's range). */
const FRESH_PORT = Number(process.env.E2E_PORT ?? 4173) + 5;

const TEXT_A = [
	'Ferry fare goes up',
	'The harbour authority voted on Monday to raise the ferry fare from $4 to $5.',
	'Officials say the money will pay for two electric ferries.',
	'The vote was unanimous.'
].join('\n\n');
const TEXT_B = [
	'Islanders pay more',
	'On Monday the harbour authority raised the ferry fare from $4 to $5.',
	'Commuters say they were not asked.'
].join('\n\n');
/** The edit: the note's sentence deleted, the framed one reworded, the fact's left alone. */
const EDITED_A = TEXT_A.replace('\n\nThe vote was unanimous.', '').replace(
	'Officials say the money will pay for two electric ferries.',
	'According to officials, cleaner boats are what the extra cash buys.'
);

/** Open a page and wait until Svelte has hydrated it (clicks before that are lost). */
async function open(page: Page, path: string) {
	await page.goto(path);
	await page.locator('html[data-hydrated]').waitFor();
}

/** Annotations as the API lists them: placed ones, and the ones that could not be placed. */
interface Listing {
	annotations: { id: string; kind: string; note: string }[];
	orphans: {
		annotation: { id: string; kind: string; note: string; targets: { exact: string }[] };
		targets: { side: string; status: string; reason?: string }[];
	}[];
}

/** What a reader is shown of a listing: ids, kinds and notes, passages and why they were lost. */
function shown(listing: Listing) {
	return {
		placed: listing.annotations.map(({ id, kind, note }) => ({ id, kind, note })),
		unplaced: listing.orphans.map(({ annotation, targets }) => ({
			id: annotation.id,
			kind: annotation.kind,
			note: annotation.note,
			quotes: annotation.targets.map((t) => t.exact),
			placing: targets.map((t) => [t.side, t.status, t.reason])
		}))
	};
}

async function listing(page: Page, comparisonId: string): Promise<Listing> {
	const response = await page.request.get(`/api/comparisons/${comparisonId}/annotations`);
	expect(response.status()).toBe(200);
	return response.json();
}

/** A note, a framing and a shared fact on the pasted texts, made through the API. */
async function annotate(page: Page, comparisonId: string) {
	const origin = new URL(page.url()).origin;
	await open(page, `/compare/${comparisonId}/edit`);
	const article = async (side: 'a' | 'b') => {
		const id = await page.locator(`input[name="${side}.base"]`).inputValue();
		return (await page.request.get(`/api/articles/${id}`)).json();
	};
	const a = await article('a');
	const b = await article('b');
	for (const body of [
		{
			kind: 'note',
			note: 'Who voted?',
			targets: [targetOf(a, 'a', 'The vote was unanimous.')]
		},
		{
			kind: 'framing',
			frame: 'economic',
			entman: 'remedy',
			note: '',
			targets: [targetOf(a, 'a', 'the money will pay for two electric ferries')]
		},
		{
			kind: 'shared-fact',
			relation: 'same',
			note: '',
			targets: [
				targetOf(a, 'a', 'raise the ferry fare from $4 to $5'),
				targetOf(b, 'b', 'raised the ferry fare from $4 to $5')
			]
		}
	]) {
		const response = await page.request.post(`/api/comparisons/${comparisonId}/annotations`, {
			headers: { origin },
			data: { id: randomUUID(), ...body }
		});
		expect(response.status()).toBe(201);
	}
}

/** Start the built app on an empty data directory; resolves when it listens. */
async function startFresh(dataDir: string): Promise<ChildProcess> {
	const url = `http://127.0.0.1:${FRESH_PORT}`;
	const child = spawn('node', ['server.js'], {
		env: {
			...process.env,
			PORT: String(FRESH_PORT),
			HOST: '127.0.0.1',
			ORIGIN: url,
			BODY_SIZE_LIMIT: '2M',
			PARALLAX_DATA_DIR: dataDir,
			DATABASE_URL: ''
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let log = '';
	child.stderr!.on('data', (d) => (log += d));
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`fresh server did not start: ${log}`)), 60_000);
		child.stdout!.on('data', (d: Buffer) => {
			if (/Listening on/i.test(d.toString())) {
				clearTimeout(timer);
				resolve();
			}
		});
		child.on('exit', (c) => reject(new Error(`fresh server exited ${c}: ${log}`)));
	});
	return child;
}

/** Open a new reader's page (no cookies) on `baseURL`. */
async function reader(browser: Browser, baseURL: string) {
	const context = await browser.newContext({ baseURL, viewport: { width: 1400, height: 900 } });
	return { context, page: await context.newPage() };
}

test('an edited comparison travels with what could not be placed: comparison file, JSON-LD, again', async ({
	page,
	browser,
	baseURL
}) => {
	test.setTimeout(120_000);
	await page.setViewportSize({ width: 1400, height: 900 });
	await open(page, '/new');
	await page.locator('#a-text').fill(TEXT_A);
	await page.locator('#b-text').fill(TEXT_B);
	await page.getByRole('button', { name: 'Create comparison' }).click();
	await page.waitForURL(COMPARE_URL);
	const id = page.url().split('/').pop() as string;
	await annotate(page, id);

	// the edit: the note's sentence deleted, the framed one reworded
	await open(page, `/compare/${id}/edit`);
	await page.locator('#a-text').fill(EDITED_A);
	await page.getByRole('button', { name: 'Save changes' }).click();
	await page.waitForURL(/\/edit\?saved=a$/);
	await expect(page.getByTestId('orphans').getByRole('listitem')).toHaveCount(2);
	const source = await listing(page, id);
	expect(shown(source).unplaced.map((o) => o.kind)).toEqual(['note', 'framing']);
	expect(shown(source).placed.map((o) => o.kind)).toEqual(['shared-fact']);

	// 1. the comparison file, imported on a fresh server
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Download as one file' }).click()
	]);
	const bundlePath = await download.path();
	const dataDir = mkdtempSync(join(tmpdir(), 'parallax-fresh-'));
	const fresh = await startFresh(dataDir);
	const elsewhere = await reader(browser, `http://127.0.0.1:${FRESH_PORT}`);
	try {
		await open(elsewhere.page, '/import');
		await elsewhere.page.locator('#bundle').setInputFiles(bundlePath);
		await elsewhere.page.getByRole('button', { name: 'Import' }).click();
		// nothing refused, nothing left out: straight to the new comparison
		const refused = elsewhere.page.locator('#bundle-error, div.done');
		await Promise.race([elsewhere.page.waitForURL(COMPARE_URL), refused.first().waitFor()]);
		expect((await refused.allInnerTexts()).join('\n')).toBe('');
		await expect(elsewhere.page).toHaveURL(COMPARE_URL);
		const imported = elsewhere.page.url().split('/').pop() as string;
		await elsewhere.page.getByRole('tab', { name: /Annotations/ }).click();
		const unplaced = elsewhere.page.getByRole('region', { name: /Could not be placed/ });
		await expect(
			elsewhere.page.getByRole('heading', { name: 'Could not be placed (2)' })
		).toBeVisible();
		await expect(unplaced.getByRole('article', { name: /Note by/ })).toContainText('Who voted?');
		await expect(unplaced.getByRole('article', { name: /Framing by/ })).toContainText(
			'the money will pay for two electric ferries'
		);
		expect(shown(await listing(elsewhere.page, imported))).toEqual(shown(source));
	} finally {
		await elsewhere.context.close();
		fresh.kill('SIGTERM');
		await new Promise((resolve) => fresh.once('exit', resolve));
		rmSync(dataDir, { recursive: true, force: true });
	}

	// 2. the JSON-LD export, into another reader's annotations on this server
	await open(page, `/compare/${id}`);
	await page.getByRole('tab', { name: /Annotations/ }).click();
	const [jsonld] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'W3C JSON-LD' }).click()
	]);
	const packPath = await jsonld.path();
	const other = await reader(browser, baseURL!);
	try {
		await open(other.page, `/compare/${id}`);
		await other.page.getByRole('tab', { name: /Annotations/ }).click();
		await other.page.getByLabel('Import annotations (W3C JSON-LD)').setInputFiles(packPath);
		await expect(other.page.locator('#import-status')).toContainText('Imported 3 annotations.');
		await expect(
			other.page.getByRole('heading', { name: 'Could not be placed (2)' })
		).toBeVisible();
		const theirs = shown(await listing(other.page, id));
		const strip = (s: ReturnType<typeof shown>) => ({
			placed: s.placed.map(({ kind, note }) => ({ kind, note })),
			unplaced: s.unplaced.map(({ id: _, ...rest }) => rest)
		});
		// the ids are the source reader's on this server: stand-ins here, the rest the same
		expect(strip(theirs)).toEqual(strip(shown(source)));
	} finally {
		await other.context.close();
	}

	// 3. one's own export again: nothing to do, and said so
	const input = page.getByLabel('Import annotations (W3C JSON-LD)');
	await input.setInputFiles(packPath);
	await expect(page.locator('#import-status')).toContainText(
		'Imported 0 annotations; 3 already here.'
	);
	await expect(page.locator('#import-status').getByRole('listitem')).toHaveCount(0);
	// a file whose note was changed since: refused by its item, with what it means
	const pack = JSON.parse(readFileSync(packPath, 'utf8'));
	const items = pack.first.items as { body?: { value: string }[] }[];
	const noteItem = items.findIndex((i) => i.body?.some((b) => b.value === 'Who voted?'));
	items[noteItem].body = [{ ...items[noteItem].body![0], value: 'Who voted, and how?' }];
	const changedPath = join(tmpdir(), `parallax-changed-${randomUUID()}.jsonld`);
	writeFileSync(changedPath, JSON.stringify(pack));
	await input.setInputFiles(changedPath);
	await expect(page.locator('#import-status')).toContainText(
		'Imported 0 annotations; 2 already here; 1 item was refused.'
	);
	await expect(page.locator('#import-status').getByRole('listitem')).toHaveText([
		`Item ${noteItem + 1}: This annotation is already here with other content; the one here was kept.`
	]);
	rmSync(changedPath, { force: true });
	expect(shown(await listing(page, id))).toEqual(shown(source));
});

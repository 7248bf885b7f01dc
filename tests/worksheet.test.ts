import AxeBuilder from '@axe-core/playwright';
import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { annotate, createRoom, joinRoom, post, seedTexts, targetOf } from './room-helpers';

// The worksheet a teacher prints: a class's work with who made what, each framing on its own
// author's fact, replies, name and date lines, the key, questions and rows for work on paper;
// printed to PDF by Chromium at A4 and US Letter with every part on the page. And the CSV with
// one row per reply and a file name a teacher can read.

test.describe.configure({ timeout: 180_000 });

const FACT_A =
	'the Guardian revealed that the Biden administration had discreetly resumed deportations to Russia';
const FACT_B = 'The Guardian reported this on March 18';
const LOOSE_A = 'Biden administration had discreetly resumed deportations';

/** The text of a PDF page by page, with where each piece of text ends on its page. */
async function readPdf(bytes: Buffer) {
	const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: true }).promise;
	const pages = [];
	for (let n = 1; n <= pdf.numPages; n++) {
		const page = await pdf.getPage(n);
		const { width, height } = page.getViewport({ scale: 1 });
		const content = await page.getTextContent();
		const items = content.items.filter((i) => 'str' in i) as {
			str: string;
			transform: number[];
			width: number;
			hasEOL: boolean;
		}[];
		pages.push({
			width,
			height,
			// ligatures ("fi") come as pieces of their own: join the pieces, break at line ends
			text: items.map((i) => i.str + (i.hasEOL ? ' ' : '')).join(''),
			// the right edge of every piece of text, to find any cut off at the page's edge
			rightmost: Math.max(0, ...items.map((i) => i.transform[4] + i.width)),
			leftmost: Math.min(width, ...items.filter((i) => i.str.trim()).map((i) => i.transform[4]))
		});
	}
	return pages;
}

const squash = (s: string) => s.replace(/\s+/g, ' ');
/** Text compared without its spaces: where a line or a ligature broke it does not matter. */
const bare = (s: string) => s.replace(/\s+/g, '');

async function axe(page: Page) {
	const { violations } = await new AxeBuilder({ page }).analyze();
	return violations.map(
		(v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
	);
}

test('a class worksheet: who made what, replies, paper rows; printed at A4 and Letter; CSV with replies', async ({
	browser,
	baseURL
}) => {
	const base = baseURL!;
	const room = await createRoom(browser, base, 'Period 3 – media literacy');
	const ana = await joinRoom(browser, base, room.joinCode, 'Ana');
	const ben = await joinRoom(browser, base, room.joinCode, 'Ben');
	const texts = await seedTexts(ana.request);

	// Ana's shared fact with her framing of A's end; Ben frames the same passage of A on his own
	const fact = await annotate(ana, base, room.roomId, {
		kind: 'shared-fact',
		relation: 'different-detail',
		evidence: 'verified',
		evidenceUrl: 'https://www.theguardian.com/us-news/2023/mar/18/russia-deportations',
		note: 'March 2023 vs March 18.',
		targets: [targetOf(texts.a, 'a', FACT_A), targetOf(texts.b, 'b', FACT_B)]
	});
	await annotate(ana, base, room.roomId, {
		kind: 'framing',
		frame: 'morality',
		entman: 'moral-evaluation',
		note: 'Ana: "discreetly" suggests hiding.',
		attachedTo: fact,
		targets: [targetOf(texts.a, 'a', 'discreetly resumed deportations')]
	});
	await annotate(ben, base, room.roomId, {
		kind: 'framing',
		frame: 'political',
		entman: 'causal-attribution',
		note: 'Ben: blames the administration.',
		targets: [targetOf(texts.a, 'a', LOOSE_A)]
	});
	// reveal: Ben can see Ana's fact and replies to it
	const patched = await room.context.request.patch(`/api/rooms/${room.roomId}`, {
		headers: { origin: base },
		data: { phase: 'reveal' }
	});
	expect(patched.status()).toBe(200);
	const reply = await post(ben, base, `/api/rooms/${room.roomId}/annotations/${fact}/replies`, {
		id: randomUUID(),
		note: 'Which date is right?'
	});
	expect(reply.status).toBe(201);

	// the sheet on screen: every part, and Ben's framing never on Ana's row
	const page = await room.context.newPage();
	await page.goto(`/rooms/${room.roomId}/worksheet`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		"Period 3 – media literacy: The US resumes deporting Russians who fled Putin's draft"
	);
	const sources = page.getByRole('list', { name: 'Sources' });
	await expect(sources).toContainText('Sending Russians Back to Putin');
	await expect(sources).toContainText('Inkstick');
	await expect(sources).toContainText('Left Voice · Sam Carliner · 2023-03-26');
	await expect(page.getByText('Name', { exact: true })).toBeVisible();
	await expect(page.getByText('Date', { exact: true })).toBeVisible();
	await expect(page.getByRole('region', { name: 'Key' })).toContainText('Shared fact');
	await expect(page.getByRole('region', { name: 'Questions' })).toContainText(
		'What does each article want you to conclude?'
	);
	const table = page.locator('table.worksheet-table');
	const factRow = table.getByRole('row').filter({ hasText: FACT_B });
	await expect(factRow).toHaveCount(1);
	await expect(factRow).toContainText('by Ana');
	await expect(factRow).toContainText('Morality · Moral evaluation');
	await expect(factRow).toContainText('↳ Ben: Which date is right?');
	await expect(factRow).toContainText('Verified');
	await expect(factRow).not.toContainText('Ben: blames');
	const benRow = table.getByRole('row').filter({ hasText: 'Ben: blames the administration.' });
	await expect(benRow).toHaveCount(1);
	await expect(benRow).toContainText('by Ben');
	const paper = page.getByRole('region', { name: 'Your own findings' });
	await expect(paper.getByRole('row')).toHaveCount(5); // a header and four blank rows
	expect(await axe(page)).toEqual([]);
	if (process.env.PARALLAX_SCREENSHOTS)
		await page.screenshot({ path: 'docs/screenshot-worksheet.png', fullPage: true });

	// printed by Chromium: both paper sizes, every part there and nothing past the page's edge
	for (const [format, size] of [
		['A4', { width: 595.28, height: 841.89 }],
		['Letter', { width: 612, height: 792 }]
	] as const) {
		const pages = await readPdf(await page.pdf({ format }));
		// Chromium rounds the paper to whole CSS pixels: within 2 points of the standard size
		expect(Math.abs(pages[0].width - size.width)).toBeLessThan(2);
		expect(Math.abs(pages[0].height - size.height)).toBeLessThan(2);
		expect(pages.length).toBeLessThanOrEqual(4);
		const all = squash(pages.map((p) => p.text).join(' '));
		for (const part of [
			'Period 3 – media literacy',
			'Sending Russians Back to Putin',
			'Left Voice',
			'Name',
			'Date',
			'Key',
			'Shared fact',
			'Framing',
			'What does each article want you to conclude?',
			'Which claim would you check first',
			'by Ana',
			'by Ben',
			'Morality',
			'Political',
			'Which date is right?',
			'Verified',
			'Your own findings',
			'Evidence',
			// the reading view's legend is printed too
			'What the marks mean',
			'likely the same fact (76%)'
		])
			expect(bare(all), `${format}: "${part}"`).toContain(bare(part));
		expect(bare(all)).toContain(bare(FACT_B));
		expect(all).not.toContain('Back to the room');
		expect(all).not.toContain('Print');
		for (const p of pages) {
			expect(p.rightmost, `${format}: text past the right edge`).toBeLessThanOrEqual(p.width);
			expect(p.leftmost).toBeGreaterThan(0);
		}
	}

	// the CSV: one row per reply, linked by id, under a name a teacher can read
	const csv = await room.context.request.get(`/api/rooms/${room.roomId}/export.csv`);
	const today = new Date().toISOString().slice(0, 10);
	expect(csv.headers()['content-disposition']).toBe(
		`attachment; filename="parallax-period-3-media-literacy-${today}.csv"`
	);
	const lines = (await csv.text()).split('\r\n');
	expect(lines[0]).toBe(
		'\uFEFFkind,relation,quote A,quote B,frame,Entman function,evidence,evidence URL,note,author,created,replies,id,reply to'
	);
	const replyLine = lines.find((l) => l.startsWith('Reply,'))!;
	expect(replyLine).toContain('Which date is right?,Ben,');
	expect(replyLine.endsWith(`,${reply.body.id},${fact}`)).toBe(true);
	const jsonld = await room.context.request.get(`/api/rooms/${room.roomId}/export.jsonld`);
	expect(jsonld.headers()['content-disposition']).toBe(
		`attachment; filename="parallax-period-3-media-literacy-${today}.jsonld"`
	);
	await Promise.all([ana.close(), ben.close(), room.context.close()]);
});

test('a reader’s worksheet prints each framing once, and an empty one is a sheet for paper', async ({
	browser,
	baseURL
}) => {
	const base = baseURL!;
	const context = await browser.newContext({ baseURL: base });
	const texts = await seedTexts(context.request);
	const page = await context.newPage();
	await page.goto('/compare/seed/worksheet');
	await expect(
		page.getByText('No annotations yet: use the rows below to work on paper.')
	).toBeVisible();
	await expect(
		page.getByRole('region', { name: 'Your own findings' }).getByRole('row')
	).toHaveCount(7);

	// two facts whose A ends both overlap one loose framing: it is printed on the first only
	const write = (data: Record<string, unknown>) =>
		post(context, base, `/api/comparisons/seed/annotations`, {
			id: randomUUID(),
			note: '',
			...data
		});
	for (const [a, b] of [
		[FACT_A, FACT_B],
		['discreetly resumed deportations to Russia', 'a reversal of the U.S.’s policy']
	])
		expect(
			(
				await write({
					kind: 'shared-fact',
					relation: 'same',
					targets: [targetOf(texts.a, 'a', a), targetOf(texts.b, 'b', b)]
				})
			).status
		).toBe(201);
	expect(
		(
			await write({
				kind: 'framing',
				frame: 'legality-constitutionality-and-jurisprudence',
				note: 'Printed once.',
				targets: [targetOf(texts.a, 'a', 'discreetly resumed')]
			})
		).status
	).toBe(201);
	await page.reload();
	await expect(page.getByText('Printed once.')).toHaveCount(1);
	const csv = await context.request.get('/api/comparisons/seed/export.csv');
	expect(csv.headers()['content-disposition']).toMatch(
		/^attachment; filename="parallax-the-us-resumes-deporting-russians-who-fled-putin-s-draft-\d{4}-\d{2}-\d{2}\.csv"$/
	);
	const pages = await readPdf(await page.pdf({ format: 'Letter' }));
	expect(bare(pages.map((p) => p.text).join(' ')).match(/Printedonce\./g)).toHaveLength(1);
	await context.close();
});

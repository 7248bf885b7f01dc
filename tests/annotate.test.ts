import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { dragSelect } from './helpers';

// Each test gets its own browser context, hence its own workspace cookie: annotations start empty.

/** Open the seed comparison and wait for hydration and the annotation list. */
async function openSeed(page: Page) {
	await page.goto('/');
	await page.locator('html[data-hydrated]').waitFor();
	await page.getByRole('tab', { name: /Annotations/ }).click();
	await expect(page.getByText(/No annotations yet|Loading/)).toBeVisible();
}

test('drag-select in A and in B makes a shared fact that survives a reload', async ({ page }) => {
	await page.setViewportSize({ width: 1400, height: 900 });
	await openSeed(page);
	await dragSelect(page, page.locator('#a-s6'));
	const toolbar = page.getByRole('toolbar', { name: 'Annotate the selection' });
	await toolbar.getByRole('button', { name: 'Shared fact' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'Holding passage 7 in article A' })
	).toBeVisible();
	await dragSelect(page, page.locator('#b-s7'));
	await toolbar.getByRole('button', { name: 'Link as shared fact' }).click();
	const dialog = page.getByRole('dialog', { name: 'New shared fact' });
	await dialog.getByLabel('Same fact, different detail').check();
	await dialog.getByLabel('Note (optional)').fill('A says March 2023, B says March 18.');
	await dialog.getByRole('button', { name: 'Save' }).click();
	await expect(dialog).toBeHidden();
	await expect(
		page.getByText(/Shared fact saved: passage 7 in article A linked to passage 8 in article B/)
	).toBeAttached();

	await page.reload();
	await page.locator('html[data-hydrated]').waitFor();
	await page.getByRole('tab', { name: 'Annotations (1)' }).click();
	const item = page.getByRole('article', { name: /Shared fact by/ });
	await expect(item).toContainText('Same fact, different detail');
	await expect(item).toContainText('the Guardian revealed');
	await expect(item).toContainText('The Guardian reported this on March 18');
	await expect(item).toContainText('A says March 2023, B says March 18.');
});

test('by keyboard alone: select sentences, link A to B, and hear what was linked', async ({
	page
}) => {
	await page.setViewportSize({ width: 1400, height: 900 });
	await openSeed(page);
	const paneA = page.locator('#article-a');
	await paneA.focus();
	await page.keyboard.press('Enter'); // sentence mode at the first visible sentence
	for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowDown');
	await page.keyboard.press('Shift+ArrowDown'); // extend over two sentences
	await page.keyboard.press('s');
	await expect(
		page.getByRole('status').filter({ hasText: /Holding passage \d+ in article A/ })
	).toBeVisible();

	await page.locator('#article-b').focus();
	await page.keyboard.press('Enter');
	for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowDown');
	await page.keyboard.press('s');
	const dialog = page.getByRole('dialog', { name: 'New shared fact' });
	await expect(dialog).toBeVisible();
	await expect(
		page.getByText(/Linked passage \d+ in article A to passage \d+ in article B/)
	).toBeAttached();
	// the relation radio group is reachable and Enter submits the form
	await dialog.getByLabel('Same fact', { exact: true }).focus();
	await page.keyboard.press('Enter');
	await expect(dialog).toBeHidden();
	await expect(
		page.getByText(/Shared fact saved: passage \d+ in article A linked to passage \d+ in article B/)
	).toBeAttached();
	await expect(page.getByRole('tab', { name: 'Annotations (1)' })).toBeVisible();
});

test('a framing on one end of a shared fact, then both show in the list and the frame filter', async ({
	page
}) => {
	await page.setViewportSize({ width: 1400, height: 900 });
	await openSeed(page);
	const toolbar = page.getByRole('toolbar', { name: 'Annotate the selection' });
	await dragSelect(page, page.locator('#a-s6'));
	await toolbar.getByRole('button', { name: 'Shared fact' }).click();
	await dragSelect(page, page.locator('#b-s7'));
	await toolbar.getByRole('button', { name: 'Link as shared fact' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('tab', { name: 'Annotations (1)' })).toBeVisible();

	await dragSelect(page, page.locator('#b-s7'));
	await toolbar.getByRole('button', { name: 'Framing' }).click();
	const dialog = page.getByRole('dialog', { name: 'New framing' });
	await dialog
		.getByRole('combobox', { name: 'Frame', exact: true })
		.selectOption({ label: 'Political' });
	await dialog.getByLabel('Function (Entman)').selectOption({ label: 'Causal attribution' });
	await dialog.getByLabel('Attach to a shared fact').selectOption({ index: 1 });
	await dialog.getByRole('button', { name: 'Save' }).click();
	await expect(dialog).toBeHidden();
	await expect(page.getByRole('tab', { name: 'Annotations (2)' })).toBeVisible();
	const framing = page.getByRole('article', { name: /Framing by/ });
	await expect(framing).toContainText('Political');
	await expect(framing).toContainText('Causal attribution');
	await page
		.getByRole('combobox', { name: 'Filter by frame' })
		.selectOption({ label: 'Political' });
	await expect(page.getByRole('article', { name: /Shared fact by/ })).toHaveCount(0);
	await expect(framing).toBeVisible();

	// the printable worksheet: the fact in the middle, B's framing on its wing
	await page.getByRole('link', { name: 'Worksheet' }).click();
	const row = page.getByRole('row').filter({ hasText: 'the Guardian revealed' });
	await expect(row).toHaveCount(1);
	await expect(row.getByRole('cell').nth(2)).toContainText('Political');
	await expect(row.getByRole('cell').nth(3)).toContainText('Political');
});

test('bad input is refused with a clear message and nothing is stored', async ({ page }) => {
	await openSeed(page);
	await page.locator('#a-s6').scrollIntoViewIfNeeded();
	await dragSelect(page, page.locator('#a-s6'));
	await page.getByRole('toolbar').getByRole('button', { name: 'Note' }).click();
	const dialog = page.getByRole('dialog', { name: 'New note' });
	await dialog.getByRole('button', { name: 'Save' }).click(); // empty note
	await expect(dialog).toBeVisible();
	await expect(dialog.locator('.error').filter({ hasText: /note/i }).first()).toBeVisible();
	await dialog.getByRole('button', { name: 'Cancel' }).click();
	await expect(page.getByRole('tab', { name: 'Annotations (0)' })).toBeVisible();
	// a hostile note is stored as text, never as HTML
	await dragSelect(page, page.locator('#a-s6'));
	await page.getByRole('toolbar').getByRole('button', { name: 'Note' }).click();
	await page
		.getByLabel('Question or comment')
		.fill('<img src=x onerror="document.title=\'pwned\'"> see https://example.org');
	await page.getByRole('button', { name: 'Save' }).click();
	const item = page.getByRole('article', { name: /Note by/ });
	await expect(item).toContainText('<img src=x onerror=');
	await expect(item.getByRole('link', { name: 'https://example.org' })).toHaveAttribute(
		'href',
		'https://example.org'
	);
	expect(await page.title()).not.toBe('pwned');
});

test('a reply can be edited and deleted, and both survive a reload', async ({ page }) => {
	await page.setViewportSize({ width: 1400, height: 900 });
	await openSeed(page);
	await dragSelect(page, page.locator('#a-s6'));
	await page.getByRole('toolbar').getByRole('button', { name: 'Note' }).click();
	await page.getByLabel('Question or comment').fill('Which month was it?');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('tab', { name: 'Annotations (1)' })).toBeVisible();
	const item = page.getByRole('article', { name: /Note by/ });
	await item.getByRole('textbox', { name: 'Reply', exact: true }).fill('March, says A.');
	await item.getByRole('button', { name: 'Reply', exact: true }).click();
	await expect(item.getByRole('list', { name: 'Replies' })).toContainText('March, says A.');

	// edit in place: Save, then the Edit button has the focus again
	await item.getByRole('button', { name: 'Edit your reply: March, says A.' }).click();
	const field = item.getByRole('textbox', { name: 'Edit your reply', exact: true });
	await expect(field).toBeFocused();
	await field.fill('March 18, says B.');
	await item.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(
		item.getByRole('button', { name: 'Edit your reply: March 18, says B.' })
	).toBeFocused();
	await expect(page.getByText('Reply updated.')).toBeAttached();

	await page.reload();
	await page.locator('html[data-hydrated]').waitFor();
	await page.getByRole('tab', { name: 'Annotations (1)' }).click();
	const replies = item.getByRole('list', { name: 'Replies' });
	await expect(replies).toContainText('March 18, says B.');
	await expect(replies).not.toContainText('March, says A.');

	// delete after the inline confirmation
	await item.getByRole('button', { name: 'Delete your reply: March 18, says B.' }).click();
	await item
		.getByRole('group', { name: 'Delete this reply?' })
		.getByRole('button', { name: /^Yes/ })
		.click();
	await expect(item.getByRole('list', { name: 'Replies' })).toHaveCount(0);
	await expect(item.getByRole('textbox', { name: 'Reply', exact: true })).toBeFocused();
	await expect(page.getByText('Reply deleted.')).toBeAttached();

	await page.reload();
	await page.locator('html[data-hydrated]').waitFor();
	await page.getByRole('tab', { name: 'Annotations (1)' }).click();
	await expect(item).toContainText('Which month was it?');
	await expect(item).not.toContainText('March 18, says B.');
	await expect(item.getByRole('list', { name: 'Replies' })).toHaveCount(0);
});

test('exports: JSON-LD and CSV download with the annotation in them', async ({ page }) => {
	await openSeed(page);
	await dragSelect(page, page.locator('#a-s6'));
	await page.getByRole('toolbar').getByRole('button', { name: 'Note' }).click();
	await page.getByLabel('Question or comment').fill('Who confirmed this, comma, "quote"?');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('tab', { name: 'Annotations (1)' })).toBeVisible();

	const [jsonld] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'W3C JSON-LD' }).click()
	]);
	const collection = JSON.parse(await streamText(await jsonld.createReadStream()));
	expect(collection.type).toBe('AnnotationCollection');
	expect(collection.total).toBe(1);
	const [annotation] = collection.first.items;
	expect(annotation.motivation).toBe('questioning');
	expect(
		[annotation.target]
			.flat()[0]
			.selector.map((s: { type: string }) => s.type)
			.sort()
	).toEqual(['TextPositionSelector', 'TextQuoteSelector']);

	const [csv] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'CSV' }).click()
	]);
	const text = await streamText(await csv.createReadStream());
	expect(text).toContain('"Who confirmed this, comma, ""quote""?"');
});

/** Read a download stream into a string. */
async function streamText(stream: NodeJS.ReadableStream): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(Buffer.from(chunk));
	return Buffer.concat(chunks).toString('utf8');
}

test('a JSON-LD pack imports into another reader’s annotations; a broken file changes nothing', async ({
	page,
	browser
}) => {
	await page.setViewportSize({ width: 1400, height: 900 });
	await openSeed(page);
	await dragSelect(page, page.locator('#a-s6'));
	await page.getByRole('toolbar').getByRole('button', { name: 'Note' }).click();
	await page.getByLabel('Question or comment').fill('From the teacher’s pack.');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('tab', { name: 'Annotations (1)' })).toBeVisible();
	const pack = await (await page.request.get('/api/comparisons/seed/export.jsonld')).body();

	const student = await browser.newContext({ viewport: { width: 1400, height: 900 } });
	try {
		const other = await student.newPage();
		await openSeed(other);
		const input = other.getByLabel('Import annotations (W3C JSON-LD)');
		await input.setInputFiles({
			name: 'broken.jsonld',
			mimeType: 'application/ld+json',
			buffer: Buffer.from('{"type": "AnnotationCollection",')
		});
		await expect(other.getByRole('alert')).toContainText('broken.jsonld is not a JSON-LD file');
		await expect(other.getByRole('tab', { name: 'Annotations (0)' })).toBeVisible();

		await input.setInputFiles({
			name: 'pack.jsonld',
			mimeType: 'application/ld+json',
			buffer: pack
		});
		await expect(other.locator('#import-status')).toContainText('Imported 1 annotation.');
		await expect(other.getByRole('tab', { name: 'Annotations (1)' })).toBeVisible();
		await expect(other.getByRole('article', { name: /Note by/ })).toContainText(
			'From the teacher’s pack.'
		);
		// again: nothing new, said so
		await input.setInputFiles({
			name: 'pack.jsonld',
			mimeType: 'application/ld+json',
			buffer: pack
		});
		await expect(other.locator('#import-status')).toContainText(
			'Imported 0 annotations; 1 already here.'
		);
	} finally {
		await student.close();
	}
});

test('axe finds nothing in the Annotations tab: a note, its reply being edited, the import control', async ({
	page
}) => {
	await page.setViewportSize({ width: 1400, height: 900 });
	await openSeed(page);
	await dragSelect(page, page.locator('#a-s6'));
	await page.getByRole('toolbar').getByRole('button', { name: 'Note' }).click();
	await page.getByLabel('Question or comment').fill('Checked by axe.');
	await page.getByRole('button', { name: 'Save' }).click();
	const item = page.getByRole('article', { name: /Note by/ });
	await item.getByRole('textbox', { name: 'Reply', exact: true }).fill('A reply.');
	await item.getByRole('button', { name: 'Reply', exact: true }).click();
	await item.getByRole('button', { name: 'Edit your reply: A reply.' }).click();
	await expect(page.getByLabel('Import annotations (W3C JSON-LD)')).toBeVisible();
	const results = await new AxeBuilder({ page }).include('#insights').analyze();
	expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
});

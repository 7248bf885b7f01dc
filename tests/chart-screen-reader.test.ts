import { expect, test, type Page } from '@playwright/test';

// What a screen reader is given by each chart: the chart's name and description, its marks by
// their own names, and none of the drawing (strips, ticks, axes, legends are aria-hidden). The
// alignment map names a page-furniture sentence as the reading view labels it ("Byline"), never
// by the engine's word for it.

/** The analysis views sit in sections (Facts, Differences, Themes): open the section, then the view. */
const CHARTS = [
	{ section: 'Themes', tab: 'Themes', id: 'themes', title: 'Theme overlap' },
	{ section: 'Differences', tab: 'Frames', id: 'frames', title: 'Frame profile' },
	{ section: 'Differences', tab: 'Terms', id: 'terms', title: 'Distinctive terms' },
	{ section: 'Facts', tab: 'Map', id: 'map', title: 'Alignment map' }
] as const;

async function openChart(page: Page, chart: (typeof CHARTS)[number]) {
	await page.getByRole('tab', { name: chart.section, exact: true }).click();
	if (chart.tab !== chart.section)
		await page.getByRole('tab', { name: chart.tab, exact: true }).click();
	const panel = page.locator(`#panel-${chart.id}`);
	await expect(panel.locator('svg').first()).toBeVisible();
	return panel;
}

/** Drawn SVG parts a screen reader would meet: outside any aria-hidden part and any named mark. */
function exposedDrawing(svg: SVGSVGElement): string[] {
	const shapes = 'rect, line, path, circle, ellipse, polygon, polyline, text, image, use';
	return [...svg.querySelectorAll(shapes)]
		.filter((el) => !el.closest('defs, title, desc, [aria-hidden="true"]'))
		.filter((el) => !el.closest('[role="button"][aria-label]'))
		.map((el) => el.outerHTML.slice(0, 100));
}

test('each chart is named and described, and its drawing is hidden from screen readers', async ({
	page
}) => {
	await page.setViewportSize({ width: 1400, height: 900 });
	await page.goto('/');
	await page.locator('html[data-hydrated]').waitFor();
	for (const chart of CHARTS) {
		const panel = await openChart(page, chart);
		// the frame profile adds its source: "Frame profile (suggested)"
		const svg = panel.getByRole('img', { name: new RegExp(`^${chart.title}`) });
		await expect(svg).toHaveAccessibleDescription(/\w+ \w+ \w+/);
		expect(await panel.locator('svg').first().evaluate(exposedDrawing), chart.title).toEqual([]);
	}
});

test('the alignment map names set-apart sentences as the reading view does, never "furniture"', async ({
	page
}) => {
	await page.setViewportSize({ width: 1400, height: 900 });
	await page.goto('/');
	await page.locator('html[data-hydrated]').waitFor();
	const panel = await openChart(page, CHARTS[3]);
	const tree = await panel.ariaSnapshot();
	expect(tree).not.toMatch(/furniture/i);
	// the seed's A opens with the site's navigation, and its B's fourth paragraph is a byline
	await expect(
		panel.getByRole('button', {
			name: 'A, sentence 1 of 64: site navigation, set apart from the article'
		})
	).toBeVisible();
	const byline = panel.getByRole('button', {
		name: 'B, sentence 4 of 35: byline, set apart from the article'
	});
	await expect(byline).toBeVisible();
	// the tooltip a sighted reader gets says the same
	await byline.focus();
	await expect(panel.getByRole('tooltip')).toContainText('byline, set apart from the article');
	await expect(panel.getByRole('tooltip')).not.toContainText(/furniture/i);
	// an ordinary sentence keeps its plain name
	await expect(
		panel.getByRole('button', { name: 'A, sentence 3 of 64', exact: true })
	).toBeVisible();
});

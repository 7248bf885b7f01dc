import { describe, expect, it } from 'vitest';
import { THEMES_FIXTURE } from '$lib/test-support/chart-fixtures';
import { loadSeedFixture } from '$lib/test-support/seed-fixture';
import { renderHtml, renderSvgSnapshot } from '$lib/test-support/ssr-snapshot';
import ThemeOverlapChart from './ThemeOverlapChart.svelte';

describe('ThemeOverlapChart (server render)', () => {
	it('matches the SVG snapshot', async () => {
		const svg = renderSvgSnapshot(ThemeOverlapChart, { themes: THEMES_FIXTURE, selected: 'draft' });
		await expect(svg).toMatchFileSnapshot('__snapshots__/ThemeOverlapChart.svg');
	});

	it('renders the seed themes into the server HTML with labelled, focusable marks', () => {
		const { themes } = loadSeedFixture();
		const html = renderHtml(ThemeOverlapChart, { themes });
		expect(html).not.toMatch(/NaN|undefined/);
		expect(html.match(/role="button" tabindex="0"/g)).toHaveLength(themes.length);
		expect(html).toMatch(/<details[ >][\s\S]*<table>/);
		expect(html).toMatch(
			/aria-label="Theme deportation[^"]*: \d+% of A, \d+% of B, \d+ shared facts?"/
		);
	});

	it('says so when there are no themes', () => {
		expect(renderHtml(ThemeOverlapChart, { themes: [] })).toContain('No themes found');
	});
});

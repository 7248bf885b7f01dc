import { describe, expect, it } from 'vitest';
import { FRAMES_ANNOTATED_FIXTURE, FRAMES_FIXTURE } from '$lib/test-support/chart-fixtures';
import FrameProfileChart from './FrameProfileChart.svelte';
import { loadSeedFixture } from '$lib/test-support/seed-fixture';
import { renderHtml, renderSvgSnapshot } from '$lib/test-support/ssr-snapshot';

describe('FrameProfileChart (server render)', () => {
	it('matches the SVG snapshot', async () => {
		const svg = renderSvgSnapshot(FrameProfileChart, {
			suggested: FRAMES_FIXTURE,
			selected: 8,
			initialWidth: 375
		});
		await expect(svg).toMatchFileSnapshot('__snapshots__/FrameProfileChart.svg');
	});

	it.each([
		['suggested', 'Frame Security and defense: 48% of A, 75% of B'],
		['annotated', 'Frame Fairness and equality: 0% of A, 100% of B']
	] as const)('draws the %s series', (source, label) => {
		const html = renderHtml(FrameProfileChart, {
			suggested: FRAMES_FIXTURE,
			annotated: FRAMES_ANNOTATED_FIXTURE,
			source
		});
		expect(html).toContain(`aria-label="${label}"`);
		expect(html).toMatch(new RegExp(`value="${source}"[^>]*checked`));
	});

	it('draws the shared-facts-only series when asked', () => {
		const html = renderHtml(FrameProfileChart, {
			suggested: FRAMES_FIXTURE,
			shared: { a: [{ code: 8, share: 1 }], b: [] },
			scope: 'shared'
		});
		expect(html).toContain('aria-label="Frame Security and defense: 100% of A, 0% of B"');
		expect(html).toMatch(/value="shared"[^>]*checked/);
		expect(html).toContain('shared facts only');
	});

	it('shows no toggle without annotations, and all 15 frames for the seeds', () => {
		const { analysis } = loadSeedFixture();
		const html = renderHtml(FrameProfileChart, {
			suggested: { a: analysis.frames.a.profile, b: analysis.frames.b.profile }
		});
		expect(html).not.toContain('type="radio"');
		expect(html.match(/role="button" tabindex="0"/g)).toHaveLength(15);
		expect(html).not.toMatch(/NaN|undefined/);
	});
});

import { describe, expect, it } from 'vitest';
import { TERMS_FIXTURE } from '$lib/test-support/chart-fixtures';
import DistinctiveTermsChart from './DistinctiveTermsChart.svelte';
import { loadSeedFixture } from '$lib/test-support/seed-fixture';
import { renderHtml, renderSvgSnapshot } from '$lib/test-support/ssr-snapshot';

describe('DistinctiveTermsChart (server render)', () => {
	it('matches the SVG snapshot', async () => {
		const svg = renderSvgSnapshot(DistinctiveTermsChart, {
			terms: TERMS_FIXTURE,
			selected: 'draft',
			names: { a: 'Inkstick', b: 'Left Voice' }
		});
		await expect(svg).toMatchFileSnapshot('__snapshots__/DistinctiveTermsChart.svg');
	});

	it.each([5, 15])('renders the seed ranking, %d terms a side, as focusable marks', (limit) => {
		const { analysis } = loadSeedFixture();
		const html = renderHtml(DistinctiveTermsChart, { terms: analysis.terms, limit });
		expect(html.match(/role="button" tabindex="0"/g)).toHaveLength(2 * limit);
		expect(html).toContain(`data-lemma="${analysis.terms.a[0].lemma}"`);
		expect(html).not.toMatch(/NaN|undefined/);
	});

	it('says so when no term stands out', () => {
		expect(renderHtml(DistinctiveTermsChart, { terms: { a: [], b: [] } })).toContain(
			'No distinctive terms'
		);
	});
});

import { describe, expect, it } from 'vitest';
import { toMapArticle } from './alignment-map-layout';
import AlignmentMap from './AlignmentMap.svelte';
import { MAP_FIXTURE } from '$lib/test-support/chart-fixtures';
import { loadSeedFixture } from '$lib/test-support/seed-fixture';
import { renderHtml, renderSvgSnapshot } from '$lib/test-support/ssr-snapshot';

describe('AlignmentMap (server render)', () => {
	it('matches the SVG snapshot', async () => {
		const svg = renderSvgSnapshot(AlignmentMap, {
			...MAP_FIXTURE,
			selectedLink: 'a5-b2',
			selectedSentence: { side: 'a', index: 3 },
			height: 160,
			initialWidth: 375
		});
		await expect(svg).toMatchFileSnapshot('__snapshots__/AlignmentMap.svg');
	});

	it('maps the seed pair with one tab stop per group', () => {
		const { a, b, analysis } = loadSeedFixture();
		const html = renderHtml(AlignmentMap, {
			a: toMapArticle(a),
			b: toMapArticle(b),
			sharedFacts: analysis.sharedFacts,
			oneSided: analysis.oneSided
		});
		const sentenceMarks = html.match(/data-sentence=/g) ?? [];
		expect(sentenceMarks).toHaveLength(a.sentences.length + b.sentences.length);
		const groups = analysis.sharedFacts.length ? 3 : 2;
		expect(html.match(/tabindex="0"/g)).toHaveLength(groups);
		expect(html).not.toMatch(/NaN|undefined/);
	});

	it('draws each relation with its own dash pattern', () => {
		const html = renderHtml(AlignmentMap, MAP_FIXTURE);
		expect(html).toContain('stroke="#007a5e"');
		expect(html).toContain('stroke-dasharray="6 3"');
		expect(html).toContain('stroke-dasharray="2 3"');
	});
});

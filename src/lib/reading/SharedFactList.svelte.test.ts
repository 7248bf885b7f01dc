import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { analyzeComparison } from '$lib/domain/analysis';
import { segmentArticle } from '$lib/domain/text/segment';
import { AnnotationsState } from '$lib/state/annotations.svelte';
import { ComparisonState } from '$lib/state/comparison.svelte';
import { createApi } from './api';
import ReadingTestHost from '$lib/test-support/ReadingTestHost.svelte';

// The suggested shared facts as the reading view lists them, over the engine's real analysis.

/** The list of shared facts the engine suggests for two texts, rendered as the page does. */
function renderFacts(textA: string, textB: string) {
	const a = segmentArticle(textA);
	const b = segmentArticle(textB);
	const analysis = analyzeComparison(a, b);
	const articles = {
		a: { text: a.text, version: 'v-a', sentences: a.sentences },
		b: { text: b.text, version: 'v-b', sentences: b.sentences }
	};
	const notes = new AnnotationsState('comparison', articles, createApi());
	render(ReadingTestHost, { notes, reading: new ComparisonState(analysis), facts: true });
	return analysis;
}

describe('SharedFactList', () => {
	it('renders a fact whose date is also one of its phrases (once)', () => {
		// "last week" is both a shared date and a shared phrase: keyed by value, Svelte threw
		// each_key_duplicate and the whole reading view went blank
		const analysis = renderFacts(
			'Prices rose sharply last week across the whole country.',
			'Across the country, prices rose sharply last week.'
		);
		const [fact] = analysis.sharedFacts;
		expect(fact.dates).toContain('last week');
		expect(fact.phrases).toContain('last week');
		const details = within(screen.getByRole('list', { name: 'Shared details' }))
			.getAllByRole('listitem')
			.map((li) => li.textContent);
		expect(details.filter((d) => d === 'last week')).toHaveLength(1);
		expect(details).toContain('rise sharply');
		expect(screen.getByRole('button', { name: /Show in both articles/ })).toBeInTheDocument();
	});
});

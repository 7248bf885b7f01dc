import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { TERMS_FIXTURE } from '$lib/test-support/chart-fixtures';
import DistinctiveTermsChart from './DistinctiveTermsChart.svelte';
import { checkHoverableTooltip } from '$lib/test-support/hover-checks';
import { installJsdomShims } from '$lib/test-support/jsdom-shims';

beforeAll(installJsdomShims);

describe('DistinctiveTermsChart interactions', () => {
	it.each([
		['click', 'draft', (el: Element) => fireEvent.click(el)],
		['Enter', 'capitalist', (el: Element) => fireEvent.keyDown(el, { key: 'Enter' })],
		['Space', 'working class', (el: Element) => fireEvent.keyDown(el, { key: ' ' })]
	])('%s on %s calls onselectterm with the lemma', async (_how, lemma, act) => {
		const onselectterm = vi.fn();
		render(DistinctiveTermsChart, { terms: TERMS_FIXTURE, onselectterm });
		await act(screen.getByRole('button', { name: new RegExp(`^Term ${lemma},`) }));
		expect(onselectterm).toHaveBeenCalledExactlyOnceWith(lemma);
	});

	it('groups A and B terms and marks the selected one', () => {
		render(DistinctiveTermsChart, { terms: TERMS_FIXTURE, selected: 'capitalist' });
		const groupB = screen.getByRole('group', { name: 'Terms distinctive of B' });
		expect(groupB.querySelectorAll('[role="button"]')).toHaveLength(2);
		expect(screen.getByRole('button', { name: /^Term capitalist,/ })).toHaveAttribute(
			'aria-pressed',
			'true'
		);
	});

	it('shows the strength and counts on hover', async () => {
		render(DistinctiveTermsChart, { terms: TERMS_FIXTURE });
		await fireEvent.pointerEnter(screen.getByRole('button', { name: /^Term draft,/ }));
		expect(screen.getByRole('tooltip')).toHaveTextContent('strength 1.19');
		expect(screen.getByRole('tooltip')).toHaveTextContent('11 in A, 2 in B');
	});
});

describe('DistinctiveTermsChart hover tooltip (WCAG 2.1 SC 1.4.13)', () => {
	beforeEach(() => {
		vi.useFakeTimers();
	});
	afterEach(() => {
		vi.useRealTimers();
	});

	it.each([
		['draft', '11 in A, 2 in B'],
		['capitalist', 'Distinctive of B']
	])('on %s can be hovered, persists, and Escape dismisses it', async (lemma, text) => {
		render(DistinctiveTermsChart, { terms: TERMS_FIXTURE });
		const el = screen.getByRole('button', { name: new RegExp(`^Term ${lemma},`) });
		await checkHoverableTooltip(el, text);
	});
});

import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { FRAMES_ANNOTATED_FIXTURE, FRAMES_FIXTURE } from '$lib/test-support/chart-fixtures';
import FrameProfileChart from './FrameProfileChart.svelte';
import { checkHoverableTooltip } from '$lib/test-support/hover-checks';
import { installJsdomShims } from '$lib/test-support/jsdom-shims';

beforeAll(installJsdomShims);

describe('FrameProfileChart interactions', () => {
	it.each([
		['click', 'Economic', 1, (el: Element) => fireEvent.click(el)],
		['Enter', 'Security and defense', 8, (el: Element) => fireEvent.keyDown(el, { key: 'Enter' })],
		['Space', 'Other', 15, (el: Element) => fireEvent.keyDown(el, { key: ' ' })]
	])('%s on %s calls onselectframe(%d)', async (_how, label, code, act) => {
		const onselectframe = vi.fn();
		render(FrameProfileChart, { suggested: FRAMES_FIXTURE, onselectframe });
		await act(screen.getByRole('button', { name: new RegExp(`^Frame ${label}:`) }));
		expect(onselectframe).toHaveBeenCalledExactlyOnceWith(code);
	});

	it('toggles between suggestions and class annotations', async () => {
		render(FrameProfileChart, { suggested: FRAMES_FIXTURE, annotated: FRAMES_ANNOTATED_FIXTURE });
		const fairness = () => screen.getByRole('button', { name: /^Frame Fairness and equality:/ });
		expect(fairness()).toHaveAccessibleName('Frame Fairness and equality: 0% of A, 0% of B');
		await fireEvent.click(screen.getByRole('radio', { name: 'Class annotations' }));
		expect(fairness()).toHaveAccessibleName('Frame Fairness and equality: 0% of A, 100% of B');
		expect(screen.getByRole('table', { hidden: true })).toHaveTextContent('100% (3)');
		await fireEvent.click(screen.getByRole('radio', { name: 'Suggested' }));
		expect(fairness()).toHaveAccessibleName('Frame Fairness and equality: 0% of A, 0% of B');
	});

	it('toggles suggestions between the whole text and the shared facts only', async () => {
		const shared = {
			a: [{ code: 1, share: 0.5, count: 2 }],
			b: [{ code: 1, share: 0.25, count: 1 }]
		};
		render(FrameProfileChart, {
			suggested: FRAMES_FIXTURE,
			annotated: FRAMES_ANNOTATED_FIXTURE,
			shared
		});
		const economic = () => screen.getByRole('button', { name: /^Frame Economic:/ });
		const whole = economic().getAttribute('aria-label');
		await fireEvent.click(screen.getByRole('radio', { name: 'Shared facts only' }));
		expect(economic()).toHaveAccessibleName('Frame Economic: 50% of A, 25% of B');
		expect(screen.getByRole('table', { hidden: true })).toHaveTextContent(
			'share of the sentences that state a shared fact'
		);
		await fireEvent.click(screen.getByRole('radio', { name: 'Whole text' }));
		expect(economic()).toHaveAttribute('aria-label', whole);
		// the scope is about suggestions: with the class's annotations shown, it goes away
		await fireEvent.click(screen.getByRole('radio', { name: 'Class annotations' }));
		expect(screen.queryByRole('radio', { name: 'Shared facts only' })).toBeNull();
	});

	it('updates live when the annotations change', async () => {
		const { rerender } = render(FrameProfileChart, {
			suggested: FRAMES_FIXTURE,
			annotated: FRAMES_ANNOTATED_FIXTURE,
			source: 'annotated'
		});
		await rerender({ annotated: { a: [{ code: 3, share: 0.25 }], b: [] } });
		expect(screen.getByRole('button', { name: /^Frame Morality:/ })).toHaveAccessibleName(
			'Frame Morality: 25% of A, 0% of B'
		);
	});

	it('shows the frame description and counts on focus', async () => {
		render(FrameProfileChart, { suggested: FRAMES_FIXTURE, selected: 8 });
		const el = screen.getByRole('button', { name: /^Frame Security and defense:/ });
		expect(el).toHaveAttribute('aria-pressed', 'true');
		await fireEvent.focus(el);
		expect(screen.getByRole('tooltip')).toHaveTextContent('A: 48% (26) · B: 75% (21)');
	});
});

describe('FrameProfileChart hover tooltip (WCAG 2.1 SC 1.4.13)', () => {
	beforeEach(() => {
		vi.useFakeTimers();
	});
	afterEach(() => {
		vi.useRealTimers();
	});

	it('can be hovered, persists until the pointer leaves it, and Escape dismisses it', async () => {
		render(FrameProfileChart, { suggested: FRAMES_FIXTURE });
		const el = screen.getByRole('button', { name: /^Frame Security and defense:/ });
		await checkHoverableTooltip(el, 'A: 48% (26) · B: 75% (21)');
	});
});

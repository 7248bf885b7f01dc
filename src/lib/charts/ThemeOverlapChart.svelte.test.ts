import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { THEMES_FIXTURE } from '$lib/test-support/chart-fixtures';
import { checkHoverableTooltip, elapse } from '$lib/test-support/hover-checks';
import { HOVER_GRACE_MS } from './hover-hold';
import { installJsdomShims } from '$lib/test-support/jsdom-shims';
import ThemeOverlapChart from './ThemeOverlapChart.svelte';

beforeAll(installJsdomShims);

const mark = (name: RegExp) => screen.getByRole('button', { name });

describe('ThemeOverlapChart interactions', () => {
	it.each([
		['click', 'deportation', (el: Element) => fireEvent.click(el)],
		['Enter', 'draft', (el: Element) => fireEvent.keyDown(el, { key: 'Enter' })],
		['Space', 'capitalist', (el: Element) => fireEvent.keyDown(el, { key: ' ' })]
	])('%s on a theme calls onselecttheme with its id', async (_how, id, act) => {
		const onselecttheme = vi.fn();
		render(ThemeOverlapChart, { themes: THEMES_FIXTURE, onselecttheme });
		await act(mark(new RegExp(`^Theme ${id}`)));
		expect(onselecttheme).toHaveBeenCalledExactlyOnceWith(id);
	});

	it('ignores other keys', async () => {
		const onselecttheme = vi.fn();
		render(ThemeOverlapChart, { themes: THEMES_FIXTURE, onselecttheme });
		await fireEvent.keyDown(mark(/^Theme draft/), { key: 'a' });
		expect(onselecttheme).not.toHaveBeenCalled();
	});

	it('shows the selected theme as pressed', () => {
		render(ThemeOverlapChart, { themes: THEMES_FIXTURE, selected: 'draft' });
		expect(mark(/^Theme draft/)).toHaveAttribute('aria-pressed', 'true');
		expect(mark(/^Theme deportation/)).toHaveAttribute('aria-pressed', 'false');
	});

	it('shows terms and counts on focus, described by the tooltip, hidden on blur and Escape', async () => {
		render(ThemeOverlapChart, { themes: THEMES_FIXTURE });
		const el = mark(/^Theme deportation/);
		await fireEvent.focus(el);
		const tip = screen.getByRole('tooltip');
		expect(tip).toHaveTextContent('deportation: 9 in A, 5 in B');
		expect(el).toHaveAttribute('aria-describedby', tip.id);
		await fireEvent.keyDown(el, { key: 'Escape' });
		expect(screen.queryByRole('tooltip')).toBeNull();
		await fireEvent.focus(el);
		expect(screen.getByRole('tooltip')).toHaveTextContent('54% of A, 39% of B');
		await fireEvent.blur(el);
		expect(screen.queryByRole('tooltip')).toBeNull();
	});

	it('offers a data table and named download buttons', () => {
		render(ThemeOverlapChart, { themes: THEMES_FIXTURE });
		expect(
			screen.getByRole('button', { name: 'Download SVG of the Theme overlap chart' })
		).toBeInTheDocument();
		expect(
			screen.getByRole('button', { name: 'Download PNG of the Theme overlap chart' })
		).toBeInTheDocument();
		const table = screen.getByRole('table', { hidden: true });
		expect(table).toHaveTextContent('deportation / asylum / ICE');
	});
});

describe('ThemeOverlapChart hover tooltip (WCAG 2.1 SC 1.4.13)', () => {
	beforeEach(() => {
		vi.useFakeTimers();
	});
	afterEach(() => {
		vi.useRealTimers();
	});

	it('can be hovered, persists until the pointer leaves it, and Escape dismisses it', async () => {
		render(ThemeOverlapChart, { themes: THEMES_FIXTURE });
		await checkHoverableTooltip(mark(/^Theme deportation/), 'deportation: 9 in A, 5 in B');
	});

	it('moves to the next theme at once and hides after the grace period once left', async () => {
		render(ThemeOverlapChart, { themes: THEMES_FIXTURE });
		const first = mark(/^Theme deportation/);
		const second = mark(/^Theme draft/);
		await fireEvent.pointerEnter(first);
		await fireEvent.pointerLeave(first);
		await fireEvent.pointerEnter(second);
		const tip = screen.getByRole('tooltip');
		expect(tip).not.toHaveTextContent('deportation: 9 in A');
		expect(second).toHaveAttribute('aria-describedby', tip.id);
		expect(first).not.toHaveAttribute('aria-describedby');
		await elapse(HOVER_GRACE_MS * 2);
		expect(screen.getByRole('tooltip')).toBe(tip);
		await fireEvent.pointerLeave(second);
		await elapse(HOVER_GRACE_MS);
		expect(screen.queryByRole('tooltip')).toBeNull();
	});

	it('leaves no timer running once the chart is gone', async () => {
		const { unmount } = render(ThemeOverlapChart, { themes: THEMES_FIXTURE });
		const el = mark(/^Theme deportation/);
		await fireEvent.pointerEnter(el);
		await fireEvent.pointerLeave(el);
		expect(vi.getTimerCount()).toBe(1);
		unmount();
		expect(vi.getTimerCount()).toBe(0);
	});
});

import { fireEvent, render, screen } from '@testing-library/svelte';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { THEMES_FIXTURE } from './chart-fixtures';
import { installJsdomShims } from './jsdom-shims';
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
		await fireEvent.pointerEnter(el);
		expect(screen.getByRole('tooltip')).toHaveTextContent('54% of A, 39% of B');
		await fireEvent.pointerLeave(el);
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

import { render, screen } from '@testing-library/svelte';
import { beforeAll, describe, expect, it } from 'vitest';
import { THEMES_FIXTURE } from '$lib/test-support/chart-fixtures';
import { serializeSvg } from './download';
import { installJsdomShims } from '$lib/test-support/jsdom-shims';
import ThemeOverlapChart from './ThemeOverlapChart.svelte';

beforeAll(installJsdomShims);

describe('chart downloads: standalone SVG', () => {
	function standalone() {
		const { container } = render(ThemeOverlapChart, { themes: THEMES_FIXTURE });
		const svg = container.querySelector('svg')!;
		const text = serializeSvg(svg);
		const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
		return { svg, text, root: doc.documentElement };
	}

	it('is a well-formed SVG document with namespace and size', () => {
		const { svg, text, root } = standalone();
		expect(text.startsWith('<?xml')).toBe(true);
		expect(root.localName).toBe('svg');
		expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
		expect(root.getAttribute('width')).toBe(svg.getAttribute('width'));
		expect(root.querySelector('parsererror')).toBeNull();
	});

	it('keeps its title first and adds a white background before the drawing', () => {
		const { root } = standalone();
		const [title, desc, background] = [...root.children];
		expect(title.localName).toBe('title');
		expect(desc.localName).toBe('desc');
		expect(background.getAttribute('fill')).toBe('#ffffff');
		expect(background.getAttribute('width')).toBe('100%');
	});

	it('inlines styles and drops page-only attributes', () => {
		const { root, svg } = standalone();
		// jsdom computes no CSS cascade, so only the root's inherited defaults show here
		expect(root.getAttribute('style')).toMatch(/font-family:[^;]+;font-size:/);
		expect(root.querySelector('[tabindex]')).toBeNull();
		expect(root.querySelector('[aria-pressed]')).toBeNull();
		// the page's copy is untouched
		expect(svg.querySelector('[tabindex]')).not.toBeNull();
	});

	it('keeps every mark and label', () => {
		const { root, svg } = standalone();
		expect(root.querySelectorAll('rect').length).toBe(svg.querySelectorAll('rect').length + 1);
		expect(root.textContent).toContain('deportation / asylum / ICE');
	});
});

describe('ChartFrame', () => {
	it('names the figure by its title and describes it', () => {
		render(ThemeOverlapChart, { themes: THEMES_FIXTURE, title: 'Themes', level: 2 });
		const figure = screen.getByRole('figure', { name: 'Themes' });
		expect(figure).toHaveAccessibleDescription(/Share of each article's sentences/);
		expect(screen.getByRole('heading', { level: 2, name: 'Themes' })).toBeInTheDocument();
	});
});

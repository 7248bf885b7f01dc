import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import AlignmentMap from './AlignmentMap.svelte';
import { checkHoverableTooltip } from '$lib/test-support/hover-checks';
import { MAP_FIXTURE } from '$lib/test-support/chart-fixtures';
import { installJsdomShims } from '$lib/test-support/jsdom-shims';

beforeAll(installJsdomShims);

const link = (name: RegExp) => screen.getByRole('button', { name });
const sentence = (side: 'A' | 'B', n: number) =>
	screen.getByRole('button', { name: new RegExp(`^${side}, sentence ${n} of`) });

describe('AlignmentMap interactions', () => {
	it.each([
		['click', /^Same fact: A sentence 2/, 'a1-b1', (el: Element) => fireEvent.click(el)],
		[
			'Enter',
			/^Contradicts: A sentence 8/,
			'a7-b3',
			(el: Element) => fireEvent.keyDown(el, { key: 'Enter' })
		]
	])('%s on a link calls onselectlink with its shared fact id', async (_how, name, id, act) => {
		const onselectlink = vi.fn();
		render(AlignmentMap, { ...MAP_FIXTURE, onselectlink });
		await act(link(name));
		expect(onselectlink).toHaveBeenCalledExactlyOnceWith(id);
	});

	it.each([
		['click', 'A', 3, (el: Element) => fireEvent.click(el)],
		['Space', 'B', 2, (el: Element) => fireEvent.keyDown(el, { key: ' ' })]
	] as const)('%s on %s sentence %d calls onselectsentence', async (_how, side, n, act) => {
		const onselectsentence = vi.fn();
		render(AlignmentMap, { ...MAP_FIXTURE, onselectsentence });
		await act(sentence(side, n));
		expect(onselectsentence).toHaveBeenCalledExactlyOnceWith(side.toLowerCase(), n - 1);
	});

	it('moves through sentences with arrow keys, keeping one tab stop', async () => {
		render(AlignmentMap, MAP_FIXTURE);
		const first = sentence('A', 1);
		expect(first).toHaveAttribute('tabindex', '0');
		expect(sentence('A', 2)).toHaveAttribute('tabindex', '-1');
		first.focus();
		await fireEvent.keyDown(first, { key: 'ArrowDown' });
		expect(document.activeElement).toBe(sentence('A', 2));
		expect(sentence('A', 2)).toHaveAttribute('tabindex', '0');
		expect(first).toHaveAttribute('tabindex', '-1');
		await fireEvent.keyDown(sentence('A', 2), { key: 'End' });
		expect(document.activeElement).toBe(sentence('A', 8));
	});

	it('moves between links with arrow keys', async () => {
		render(AlignmentMap, MAP_FIXTURE);
		const first = link(/^Same fact: /);
		first.focus();
		await fireEvent.keyDown(first, { key: 'ArrowRight' });
		expect(document.activeElement).toBe(link(/^Same fact, different detail/));
	});

	it('marks the selected link and sentence, and explains a sentence on focus', async () => {
		render(AlignmentMap, {
			...MAP_FIXTURE,
			selectedLink: 'a5-b2',
			selectedSentence: { side: 'b', index: 0 }
		});
		expect(link(/^Same fact, different detail/)).toHaveAttribute('aria-pressed', 'true');
		expect(sentence('B', 1)).toHaveAttribute('aria-pressed', 'true');
		await fireEvent.focus(sentence('A', 3));
		const tip = screen.getByRole('tooltip');
		expect(tip).toHaveTextContent('Sentence 3 of a 8-sentence article.');
		expect(tip).toHaveTextContent('one-sided claim');
	});

	it('selects a one-sided claim’s sentence when its triangle is clicked', async () => {
		const onselectsentence = vi.fn();
		const { container } = render(AlignmentMap, { ...MAP_FIXTURE, onselectsentence });
		const triangles = container.querySelectorAll('path.one-sided');
		expect(triangles).toHaveLength(3);
		await fireEvent.click(triangles[2]);
		expect(onselectsentence).toHaveBeenCalledExactlyOnceWith('b', 0);
	});
});

describe('AlignmentMap hover tooltip (WCAG 2.1 SC 1.4.13)', () => {
	beforeEach(() => {
		vi.useFakeTimers();
	});
	afterEach(() => {
		vi.useRealTimers();
	});

	it.each([
		['a link', () => link(/^Contradicts: A sentence 8/), 'B: '],
		['a sentence', () => sentence('A', 3), 'one-sided claim']
	])('on %s can be hovered, persists, and Escape dismisses it', async (_what, el, text) => {
		render(AlignmentMap, MAP_FIXTURE);
		await checkHoverableTooltip(el(), text);
	});
});

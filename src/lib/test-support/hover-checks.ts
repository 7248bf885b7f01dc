// the client project's setup file registers jest-dom's matchers; this brings their types
/// <reference types="@testing-library/jest-dom/vitest" />
/**
 * Test-only: the WCAG 2.1 SC 1.4.13 walk every chart's hover tooltip must pass in jsdom, shared
 * by the charts' component tests. Call it with fake timers installed.
 */
import { fireEvent, screen } from '@testing-library/svelte';
import { tick } from 'svelte';
import { expect, vi } from 'vitest';
import { HOVER_GRACE_MS } from '$lib/charts/hover-hold';

/** Let `ms` of fake time pass, then let Svelte update the DOM. */
export async function elapse(ms: number): Promise<void> {
	vi.advanceTimersByTime(ms);
	await tick();
}

/** Hover `mark`, then check its tooltip is hoverable, persistent and dismissible with Escape. */
export async function checkHoverableTooltip(mark: Element, text: string): Promise<void> {
	const shown = () => screen.queryByRole('tooltip');

	// pointer on the mark: the tooltip shows and describes it
	await fireEvent.pointerEnter(mark);
	const tip = screen.getByRole('tooltip');
	expect(tip).toHaveTextContent(text);
	expect(mark).toHaveAttribute('aria-describedby', tip.id);

	// pointer leaves the mark: the tooltip waits out the grace period…
	await fireEvent.pointerLeave(mark);
	await elapse(HOVER_GRACE_MS - 1);
	expect(shown()).toBe(tip);
	// …and the pointer reaching it keeps it open well past the grace period
	await fireEvent.pointerEnter(tip);
	await elapse(HOVER_GRACE_MS * 3);
	expect(shown()).toBe(tip);

	// pointer leaves the tooltip: gone after the grace period, not before
	await fireEvent.pointerLeave(tip);
	await elapse(HOVER_GRACE_MS - 1);
	expect(shown()).toBe(tip);
	await elapse(1);
	expect(shown()).toBeNull();
	expect(mark).not.toHaveAttribute('aria-describedby');

	// Escape with the pointer on the tooltip and focus elsewhere: gone at once
	await fireEvent.pointerEnter(mark);
	await fireEvent.pointerLeave(mark);
	await fireEvent.pointerEnter(screen.getByRole('tooltip'));
	expect(document.activeElement).not.toBe(mark);
	await fireEvent.keyDown(document.body, { key: 'Escape' });
	expect(shown()).toBeNull();
	await elapse(HOVER_GRACE_MS * 2);
	expect(shown()).toBeNull();
}

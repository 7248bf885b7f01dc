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

/** The tooltip's box in these tests: jsdom lays nothing out, so it is given one. */
const TIP_BOX = { left: 100, top: 100, right: 300, bottom: 160 };

/**
 * Move the pointer over the tooltip's box or off it. The tooltip takes no pointer events (a click
 * goes through it), so the pointer reaches it as a move over the document inside its box.
 */
async function movePointer(tip: Element, onto: boolean): Promise<void> {
	vi.spyOn(tip, 'getBoundingClientRect').mockReturnValue({
		...TIP_BOX,
		x: TIP_BOX.left,
		y: TIP_BOX.top,
		width: TIP_BOX.right - TIP_BOX.left,
		height: TIP_BOX.bottom - TIP_BOX.top,
		toJSON: () => TIP_BOX
	});
	const at = onto ? 150 : 10;
	await fireEvent.pointerMove(document, { clientX: at, clientY: at });
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
	await movePointer(tip, true);
	await elapse(HOVER_GRACE_MS * 3);
	expect(shown()).toBe(tip);

	// pointer leaves the tooltip: gone after the grace period, not before
	await movePointer(tip, false);
	await elapse(HOVER_GRACE_MS - 1);
	expect(shown()).toBe(tip);
	await elapse(1);
	expect(shown()).toBeNull();
	expect(mark).not.toHaveAttribute('aria-describedby');

	// Escape with the pointer on the tooltip and focus elsewhere: gone at once
	await fireEvent.pointerEnter(mark);
	await fireEvent.pointerLeave(mark);
	await movePointer(screen.getByRole('tooltip'), true);
	expect(document.activeElement).not.toBe(mark);
	await fireEvent.keyDown(document.body, { key: 'Escape' });
	expect(shown()).toBeNull();
	await elapse(HOVER_GRACE_MS * 2);
	expect(shown()).toBeNull();
}

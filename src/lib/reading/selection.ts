import type { Side } from '$lib/domain/types';
import { offsetsFromRange } from './dom-offsets';

/** A selection of article text in one column, in article offsets, with where it shows on screen. */
export interface TextSelection {
	side: Side;
	start: number;
	end: number;
	/** viewport rectangle of the selection's last line, for placing the toolbar */
	rect: { top: number; left: number; bottom: number; right: number };
}

/** The reader's current text selection if it lies inside one article column, else null. */
export function readSelection(panes: Record<Side, HTMLElement | null>): TextSelection | null {
	const selection = document.getSelection();
	if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
	const range = selection.getRangeAt(0);
	for (const side of ['a', 'b'] as const) {
		const pane = panes[side];
		if (!pane) continue;
		const offsets = offsetsFromRange(pane, range);
		if (!offsets) continue;
		const rects = range.getClientRects();
		const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
		return {
			side,
			...offsets,
			rect: { top: last.top, left: last.left, bottom: last.bottom, right: last.right }
		};
	}
	return null;
}

/**
 * The sentence elements of a column in reading order, furniture left out: sentence mode reads the
 * argument, not "Skip to content", tag lists or photo credits (the mouse can still select those).
 */
function sentencesOf(pane: HTMLElement): HTMLElement[] {
	return Array.from(pane.querySelectorAll<HTMLElement>('[data-sentence]')).filter(
		(el) => !el.closest('[data-furniture]')
	);
}

/**
 * Focus a sentence for keyboard reading. Sentences are made focusable only while they hold focus:
 * a permanent tabindex on inline text stops Chromium from starting mouse selections inside it.
 */
export function focusSentence(el: HTMLElement): void {
	el.tabIndex = -1;
	// that holds even while it is focused: a pointer press on it gives the tabindex up at once
	const done = new AbortController();
	const drop = () => {
		el.removeAttribute('tabindex');
		done.abort();
	};
	el.addEventListener('blur', drop, { signal: done.signal });
	el.addEventListener('pointerdown', drop, { signal: done.signal });
	el.focus();
}

/**
 * With nothing selected, sentence mode's S / F / N act on the focused sentence (after a save
 * clears the selection, focus stays on the sentence and the next key still works).
 */
export function selectFocusedSentence(target: HTMLElement): void {
	const selection = document.getSelection();
	if (selection && !selection.isCollapsed) return;
	const sentence = target.closest<HTMLElement>('[data-sentence]');
	if (sentence && !sentence.closest('[data-furniture]')) selectSentences(sentence, sentence);
}

/** Select whole sentences from `anchor` to `focus` (inclusive, either order) as a DOM selection. */
function selectSentences(anchor: HTMLElement, focus: HTMLElement): void {
	const first =
		anchor.compareDocumentPosition(focus) & Node.DOCUMENT_POSITION_FOLLOWING ? anchor : focus;
	const last = first === anchor ? focus : anchor;
	const selection = document.getSelection();
	if (!selection || !first.firstChild || !last.firstChild) return;
	selection.setBaseAndExtent(
		first.firstChild,
		0,
		last.firstChild,
		last.firstChild.textContent?.length ?? 0
	);
}

/**
 * Keyboard reading and selecting, sentence by sentence, for a column:
 * Enter on the column starts at its first visible sentence; ↑/↓ move; Shift+↑/↓ extend the
 * selection; Escape returns to the column. Returns true when it handled the key.
 */
export function handleSentenceKeys(
	pane: HTMLElement,
	event: KeyboardEvent,
	state: { anchor: HTMLElement | null }
): boolean {
	const target = event.target as HTMLElement;
	const sentences = sentencesOf(pane);
	if (sentences.length === 0) return false;
	const found = target.closest<HTMLElement>('[data-sentence]');
	const current = found && sentences.includes(found) ? found : null;
	if (!current) {
		if (event.key !== 'Enter' || target !== pane) return false;
		const top = pane.getBoundingClientRect().top;
		const first = sentences.find((s) => s.getBoundingClientRect().bottom > top) ?? sentences[0];
		state.anchor = first;
		focusSentence(first);
		selectSentences(first, first);
		return true;
	}
	if (event.key === 'Escape') {
		state.anchor = null;
		document.getSelection()?.removeAllRanges();
		pane.focus();
		return true;
	}
	if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return false;
	const i = sentences.indexOf(current);
	const next =
		sentences[
			event.key === 'ArrowDown' ? Math.min(i + 1, sentences.length - 1) : Math.max(i - 1, 0)
		];
	focusSentence(next);
	next.scrollIntoView({ block: 'nearest' });
	if (!event.shiftKey || !state.anchor) state.anchor = next;
	selectSentences(state.anchor, next);
	return true;
}

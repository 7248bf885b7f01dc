import type { Side } from '$lib/domain/types';

// Follow-me scrolling in presentation mode: the teacher's page reports the first sentence at
// the top of each column; a student who opted in scrolls their column to it.

/** The index of the first sentence whose box reaches below the top of its column, or -1. */
function firstVisibleSentence(pane: Element): number {
	const top = pane.getBoundingClientRect().top;
	for (const el of pane.querySelectorAll<HTMLElement>('[data-sentence]')) {
		if (el.getBoundingClientRect().bottom > top + 4) return Number(el.dataset.sentence);
	}
	return -1;
}

/** Scroll a column so the sentence is at its top (smoothly, unless the reader prefers less motion). */
export function scrollToSentence(side: Side, index: number): void {
	const el = document.getElementById(`${side}-s${index}`);
	if (!el) return;
	const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
	el.scrollIntoView({ block: 'start', behavior: still ? 'auto' : 'smooth' });
}

/** Report the teacher's position at most every `ms`, and once more after the last scroll. */
export function createFollowReporter(
	send: (side: Side, sentence: number) => void,
	ms = 400
): (side: Side, pane: Element) => void {
	let timer: ReturnType<typeof setTimeout> | undefined;
	let last = '';
	return (side, pane) => {
		clearTimeout(timer);
		timer = setTimeout(() => {
			const sentence = firstVisibleSentence(pane);
			const key = `${side}:${sentence}`;
			if (sentence < 0 || key === last) return;
			last = key;
			send(side, sentence);
		}, ms);
	};
}

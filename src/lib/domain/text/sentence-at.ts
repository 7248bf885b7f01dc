import type { Sentence } from '../types';

/** The sentence of an article an offset falls in (its index), or -1; sentences in text order. */
export function sentenceAt(
	sentences: readonly Pick<Sentence, 'index' | 'start' | 'end'>[],
	offset: number
): number {
	// binary search: the reading view and the dashboard look up every highlight and target
	let lo = 0;
	let hi = sentences.length - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		const s = sentences[mid];
		if (offset < s.start) hi = mid - 1;
		else if (offset >= s.end) lo = mid + 1;
		else return s.index;
	}
	return -1;
}

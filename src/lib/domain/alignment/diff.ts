/**
 * Word-level diff of two passages (jsdiff `diffWords`), as parts that cover both passages
 * exactly: the `both` and `a` parts concatenate to passage A, the `both` and `b` parts to B.
 */
import { diffWords } from 'diff';
import type { DiffPart } from './types';

const WS = /\s/;

/** Appends a part, merging it into the previous one when they have the same side. */
function push(out: DiffPart[], side: DiffPart['side'], value: string): void {
	if (value === '') return;
	const last = out[out.length - 1];
	if (last && last.side === side) last.value += value;
	else out.push({ side, value });
}

/** Length of the whitespace run starting at i. */
function spaceAt(text: string, i: number): number {
	let j = i;
	while (j < text.length && WS.test(text[j])) j++;
	return j - i;
}

/**
 * Diffs two passages word by word. jsdiff decides which words are common and which belong to one
 * side; the parts are then rebuilt from the passages themselves, so that each side's text is
 * covered exactly even where the two space their words differently (jsdiff reports common text
 * as written in the second passage).
 * @example buildWordDiff('in March 2023', 'on March 18')
 * // [{side:'a',value:'in'},{side:'b',value:'on'},{side:'both',value:' March '},{side:'a',value:'2023'},{side:'b',value:'18'}]
 */
export function buildWordDiff(a: string, b: string): DiffPart[] {
	const out: DiffPart[] = [];
	let ia = 0;
	let ib = 0;
	for (const part of diffWords(a, b)) {
		const side: DiffPart['side'] = part.removed ? 'a' : part.added ? 'b' : 'both';
		for (const word of part.value.split(/\s+/)) {
			if (word === '') continue;
			const sa = side === 'b' ? 0 : spaceAt(a, ia);
			const sb = side === 'a' ? 0 : spaceAt(b, ib);
			const spaceA = a.slice(ia, ia + sa);
			const spaceB = b.slice(ib, ib + sb);
			if (side === 'both' && spaceA === spaceB) push(out, 'both', spaceA);
			else {
				push(out, 'a', spaceA);
				push(out, 'b', spaceB);
			}
			push(out, side, word);
			if (side !== 'b') ia += sa + word.length;
			if (side !== 'a') ib += sb + word.length;
		}
	}
	const restA = a.slice(ia);
	const restB = b.slice(ib);
	if (restA === restB) push(out, 'both', restA);
	else {
		push(out, 'a', restA);
		push(out, 'b', restB);
	}
	// the parts must rebuild both passages; should jsdiff ever tokenise otherwise, say less
	if (rebuild(out, 'a') !== a || rebuild(out, 'b') !== b) {
		return [
			{ side: 'a' as const, value: a },
			{ side: 'b' as const, value: b }
		].filter((p) => p.value !== '');
	}
	return out;
}

/** One side's text rebuilt from diff parts. */
function rebuild(parts: readonly DiffPart[], side: 'a' | 'b'): string {
	let s = '';
	for (const p of parts) if (p.side === 'both' || p.side === side) s += p.value;
	return s;
}

import { createContext } from 'svelte';
import type { Side } from '$lib/domain/types';

/** A sentence of one article: the unit the reading view points at. */
export interface SentenceRef {
	side: Side;
	index: number;
}

/** Per-page reading state: which column shows on narrow screens and which sentence is hovered. */
export class ComparisonState {
	/** the column shown when only one fits (narrow screens) */
	activeSide = $state<Side>('a');
	/** the sentence under the pointer or keyboard focus, lit in both columns' gutters */
	hovered = $state<SentenceRef | null>(null);

	/** Show the other article on a narrow screen. */
	show(side: Side): void {
		this.activeSide = side;
	}

	/** Whether this sentence is the hovered one. */
	isHovered(side: Side, index: number): boolean {
		return this.hovered?.side === side && this.hovered.index === index;
	}
}

/** Context pair for the reading state: set once per comparison page, read by its components. */
export const [getComparisonState, setComparisonState] = createContext<ComparisonState>();

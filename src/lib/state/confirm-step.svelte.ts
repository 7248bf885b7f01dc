import { tick } from 'svelte';

/**
 * A Yes / No question shown in place of a button that destroys something (delete an annotation,
 * remove a student): asking puts focus on the safe answer, so Enter pressed twice by mistake
 * destroys nothing; No or Escape puts it back on the button.
 */
export class ConfirmStep {
	asking = $state(false);
	/** the button that asks (Delete, Remove) */
	trigger = $state<HTMLButtonElement>();
	/** the safe answer (No) */
	safe = $state<HTMLButtonElement>();

	/** Show the question, focus on the safe answer. */
	ask = (): void => {
		this.asking = true;
		void focusAfterRender(() => this.safe);
	};

	/** Take the question back, focus on the button that asked. */
	keep = (): void => {
		this.asking = false;
		void focusAfterRender(() => this.trigger);
	};

	/** Escape on either answer is No. */
	onKeydown = (event: KeyboardEvent): void => {
		if (event.key === 'Escape') this.keep();
	};
}

/** Focus an element once the state change that renders it has reached the page. */
export async function focusAfterRender(target: () => HTMLElement | undefined): Promise<void> {
	await tick();
	target()?.focus();
}

import type { ActionResult, SubmitFunction } from '@sveltejs/kit';

/** Show progress only for submissions slower than this: quicker ones would only flicker. */
const SLOW_MS = 300;

type SubmitInput = Parameters<SubmitFunction>[0];
type AfterInput = Parameters<Exclude<Awaited<ReturnType<SubmitFunction>>, void>>[0];

/** The named action a submission goes to ('create' for '?/create', 'default' for none). */
function actionName(url: URL): string {
	const match = /^\?\/([\w-]+)/.exec(url.search);
	return match?.[1] ?? 'default';
}

/** A message for results that never reached the action (size limit, network, server error). */
function failureOf(result: ActionResult): string {
	if (result.type !== 'error') return '';
	const status = (result as { status?: number }).status;
	if (status === 413) {
		return 'The server refused the upload: it is too large. Nothing was stored; upload smaller files or paste the text.';
	}
	return status
		? `The server could not finish (error ${status}). Nothing was stored; try again.`
		: 'The server could not be reached. Nothing was stored; check the connection and try again.';
}

/**
 * The state of an enhanced form while it is submitted: which action is pending, whether it has
 * taken longer than SLOW_MS (then a progress line shows), and a failure the form cannot show by
 * field. One submission at a time: a second submit while one is pending is cancelled.
 */
export class SubmitState {
	pending = $state<string | null>(null);
	slow = $state(false);
	failure = $state('');
	#slowMessage: (action: string) => string;

	constructor(slowMessage: (action: string) => string) {
		this.#slowMessage = slowMessage;
	}

	/** The progress line for the pending action. */
	get message(): string {
		return this.pending ? this.#slowMessage(this.pending) : '';
	}

	/** Call from the SubmitFunction; returns the part to await with the result. */
	start({ action, cancel }: SubmitInput): (after: AfterInput) => Promise<void> {
		if (this.pending) {
			cancel();
			return async () => {};
		}
		this.pending = actionName(action);
		this.failure = '';
		const timer = setTimeout(() => (this.slow = true), SLOW_MS);
		return async ({ result, update }) => {
			clearTimeout(timer);
			try {
				if (result.type === 'error') this.failure = failureOf(result);
				// keep what people typed; file inputs are cleared by the page where it matters
				else await update({ reset: false });
			} finally {
				this.pending = null;
				this.slow = false;
			}
		};
	}
}

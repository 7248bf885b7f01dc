/**
 * Leaving the page while the annotation dialog holds text the reader wrote: Cancel and Escape
 * already ask before discarding it; Back, a link, a reload or closing the tab ask too. An
 * untouched dialog never asks: a question every time would teach readers to click it away.
 */

/** The kinds of navigation SvelteKit's beforeNavigate reports (its `navigation.type`). */
export type NavigationKind = 'enter' | 'form' | 'leave' | 'link' | 'goto' | 'popstate';

/**
 * How to meet a navigation: let it go; ask in the page (a confirm, then cancel on "no"); or
 * cancel at once so the browser asks with its own unload prompt.
 */
export type LeaveAnswer = 'go' | 'ask' | 'browser-asks';

/** The page's question before a navigation throws the written text away (OK leaves, Cancel stays). */
export const LEAVE_QUESTION = 'Discard what you wrote and leave this page?';

/**
 * Whether the dialog holds written, unsaved text: the note differs from what it opened with (a
 * note typed and then deleted back to it counts as untouched).
 * @example hasWrittenText('', 'Who counted?') // true
 */
export function hasWrittenText(openedWith: string, now: string): boolean {
	return now !== openedWith;
}

/**
 * How to meet a navigation of `kind` while the dialog is open. 'leave' (reload, tab closed, an
 * address typed) unloads the document: a page may not ask its own question then, only cancel,
 * which makes the browser ask; client navigations (Back, a link, goto) can be asked about and
 * cancelled.
 * @example answerToLeaving('popstate', true) // 'ask'
 */
export function answerToLeaving(kind: NavigationKind, written: boolean): LeaveAnswer {
	if (!written) return 'go';
	return kind === 'leave' ? 'browser-asks' : 'ask';
}

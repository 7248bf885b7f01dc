// the client project's setup file registers jest-dom's matchers; this brings their types
/// <reference types="@testing-library/jest-dom/vitest" />
/**
 * Test-only: what jsdom lacks and Svelte's `bind:clientWidth` needs. jsdom does no layout, so a
 * ResizeObserver that never fires is exactly what it would observe; charts then fall back to
 * their `initialWidth`, as on the server.
 */
export function installJsdomShims(): void {
	if (!('ResizeObserver' in globalThis)) {
		globalThis.ResizeObserver = class {
			observe() {}
			unobserve() {}
			disconnect() {}
		};
	}
}

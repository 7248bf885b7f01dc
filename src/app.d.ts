// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		// interface Error {}
		interface Locals {
			/** the browser's personal workspace (from the parallax_ws cookie), null until its first write */
			workspace: import('$lib/server/rooms/workspaces').Workspace | null;
			/** sha-256 of a correctly signed workspace cookie's token: the rate-limit key */
			sessionKey: string | null;
			/** set by handleError when the database could not be reached (the hook answers 503) */
			databaseUnavailable?: boolean;
		}
		// interface PageData {}
		// interface PageState {}
		interface Platform {
			/** adapter-node's request (absent under `vite dev`): a dropped live stream closes its socket */
			req?: import('node:http').IncomingMessage;
		}
	}
}

export {};

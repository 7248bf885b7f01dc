import type { Cookies } from '@sveltejs/kit';

// A status line for the page an action redirects to ("Deleted “Vote”."), carried by a short-lived
// cookie for that page only, not by its address: nobody can send a link that shows a made-up
// message, and the title of something deleted is not kept in the address bar or the history.

const COOKIE = 'parallax-flash';
/** Long enough to be read after a slow redirect; gone soon if it never is. */
const MAX_AGE_SECONDS = 60;

/** Leave `message` for the next load of the page at `path` (the page an action redirects to). */
export function setFlash(cookies: Cookies, url: URL, path: string, message: string): void {
	cookies.set(COOKIE, message, {
		path,
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: MAX_AGE_SECONDS
	});
}

/** The message left for the page at `path`, or null; read once: it is cleared as it is read. */
export function takeFlash(cookies: Cookies, path: string): string | null {
	const message = cookies.get(COOKIE);
	if (message === undefined) return null;
	cookies.delete(COOKIE, { path });
	return message;
}
